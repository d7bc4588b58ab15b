import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resguardo.compliance.models import ActionItem
from resguardo.core.models import OutboxEvent
from resguardo.core.modules import held_items

from ..choices import KeyStatus
from ..indicators import key_audit_age
from ..models import Challenge, Package
from ..services import access, keys
from .factories import actor

pytestmark = pytest.mark.django_db


def _key(world, number="K-01", opens="Portón del patio"):
    return keys.key_register(
        actor=actor(world, world.sam), site=world.yard, number=number, opens=opens
    )


def test_a_key_is_issued_against_a_typed_signature_and_returned(world):
    key = _key(world)
    with pytest.raises(ValidationError) as error:
        keys.key_issue(
            actor=actor(world, world.sam), key=key, holder_user=world.sofia, signed_name=" "
        )
    assert "signed_name" in error.value.message_dict
    key = keys.key_issue(
        actor=actor(world, world.sam), key=key, holder_user=world.sofia, signed_name="Sofia P."
    )
    assert key.status == KeyStatus.ISSUED and key.signed_name == "Sofia P."
    labels = [i.label for i in held_items(organization=world.org, user=world.sofia)]
    assert "Key K-01 (Portón del patio)" in labels
    with pytest.raises(ValidationError, match="not in the box"):
        keys.key_issue(actor=actor(world, world.sam), key=key, holder_name="Otro", signed_name="O")
    key = keys.key_return(actor=actor(world, world.sam), key=key)
    assert key.status == KeyStatus.IN_BOX and not held_items(
        organization=world.org, user=world.sofia
    )


def test_a_lost_key_raises_the_lock_change_task(world):
    key = keys.key_issue(
        actor=actor(world, world.sam), key=_key(world), holder_name="Pedro", signed_name="Pedro"
    )
    keys.key_mark_lost(actor=actor(world, world.sofia), key=key, note="Se perdió en el patio")
    action = ActionItem.objects.get()
    assert action.title == "Change the lock: Portón del patio (key K-01 lost)"
    assert action.source_reference == f"facilities.key:{key.pk}" and action.site == world.yard
    with pytest.raises(ValidationError, match="already recorded as lost"):
        keys.key_mark_lost(actor=actor(world, world.sofia), key=key)
    assert ActionItem.objects.count() == 1


def test_a_key_audit_reconciles_the_box_with_the_register(world):
    _key(world, "K-01")
    _key(world, "K-02", "Oficina")
    out = keys.key_issue(
        actor=actor(world, world.sam),
        key=_key(world, "K-03", "Caseta"),
        holder_name="P",
        signed_name="P",
    )
    with pytest.raises(ValidationError, match="Not in the register: K-99"):
        keys.key_audit_run(
            actor=actor(world, world.sofia), site=world.yard, present_numbers=["K-99"]
        )
    good = keys.key_audit_run(
        actor=actor(world, world.sofia), site=world.yard, present_numbers=["k-01", "K-02"]
    )
    assert good.reconciled and not ActionItem.objects.exists()
    bad = keys.key_audit_run(
        actor=actor(world, world.sofia), site=world.yard, present_numbers=["K-01", out.number]
    )
    assert (bad.missing, bad.unexpected) == (["K-02"], ["K-03"])
    assert ActionItem.objects.get().source_reference == f"facilities.key_audit:{bad.pk}"
    assert key_audit_age(world.org).value == 0


def test_a_challenge_publishes_exactly_one_security_event(world, client_for):
    response = client_for(world.sofia).post(
        reverse("facilities:challenge_create"),
        {
            "site": world.yard.pk,
            "subject": "vehicle",
            "description": "Camioneta sin cita",
            "plates": "abc 12 34",
            "action_taken": "Se le pidió retirarse",
            "removed": "on",
        },
        follow=True,
    )
    assert "an incident is opened for it" in response.content.decode()
    challenge = Challenge.objects.get()
    event = OutboxEvent.objects.get()
    assert event.event_type == "facilities.person_challenged"
    assert event.payload["source_key"] == f"facilities.challenge:{challenge.pk}"
    assert event.payload["kind"] == "unauthorized_access"
    assert challenge.plates == "ABC1234"


def test_a_suspicious_package_needs_the_procedure_and_publishes_one_event(world):
    base = {
        "actor": actor(world, world.sofia),
        "site": world.yard,
        "sender": "Desconocido",
        "addressee": "Dirección",
    }
    with pytest.raises(ValidationError) as error:
        access.package_record(**base, suspicious=True, signs="Polvo blanco")
    assert "procedure_followed" in error.value.message_dict
    access.package_record(**base, screened=True)
    assert not OutboxEvent.objects.exists()
    package = access.package_record(
        **base,
        suspicious=True,
        signs="Polvo blanco",
        procedure_followed="Aislado; se llamó a la autoridad",
    )
    assert package.screened and Package.objects.count() == 2
    event = OutboxEvent.objects.get()
    assert event.event_type == "facilities.suspicious_package"
    assert event.payload["kind"] == "suspicious_package"


def test_a_contracted_guard_names_the_company_and_shifts_stay_on_covered_sites(world):
    with pytest.raises(ValidationError) as error:
        access.guard_create(
            actor=actor(world, world.carla),
            full_name="Juan Vigil",
            employer="contracted",
            sites=[world.yard],
        )
    assert "company" in error.value.message_dict
    guard = access.guard_create(
        actor=actor(world, world.carla),
        full_name="Juan Vigil",
        employer="contracted",
        company="Seguridad Privada del Norte",
        sites=[world.yard],
    )
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(ValidationError, match="does not cover"):
        access.guard_shift_add(
            actor=actor(world, world.carla),
            guard=guard,
            site=world.office,
            starts_at=now,
            ends_at=now + timezone.timedelta(hours=8),
        )
    shift = access.guard_shift_add(
        actor=actor(world, world.carla),
        guard=guard,
        site=world.yard,
        starts_at=now,
        ends_at=now + timezone.timedelta(hours=8),
    )
    assert shift.guard == guard
