"""Due dates for the obligations calendar and held items for the departure checklist."""

import datetime

import pytest
from django.utils import timezone

from resguardo.core.modules import due_dates, held_items

from .. import services
from ..choices import CredentialEventKind, CredentialKind, Decision
from ..models import AccessReview
from .helpers import actor_of

pytestmark = pytest.mark.django_db


def _keys(items):
    return {i.key for i in items}


def test_reviews_due_on_schedule_and_credential_expiries_feed_the_calendar(world):
    carla = actor_of(world, world.carla)
    today = timezone.localdate()
    saai = services.system_create(
        actor=carla, name="SAAI", kind="clearance", review_interval_months=3
    )
    services.account_create(actor=carla, system=saai, account_name="u1")
    efirma = services.credential_register(
        actor=carla, kind=CredentialKind.EFIRMA, holder="Agente", serial_number="123",
        location="Caja fuerte", expires_on=today + datetime.timedelta(days=20),
        custodian=world.alice,
    )  # fmt: skip
    window = {"organization": world.org, "start": None, "end": today + datetime.timedelta(60)}
    found = {d.key: d for d in due_dates(**window)}
    assert found[f"infosec.access_review:{saai.pk}"].due_on == today  # never reviewed
    assert found[f"infosec.credential:{efirma.pk}"].due_on == efirma.expires_on
    # Signed now: the next review is three months out, beyond the window.
    review = services.review_start(actor=carla, system=saai)
    services.review_decide(actor=carla, item=review.items.get(), decision=Decision.KEEP)
    services.review_sign(actor=carla, review=review)
    assert f"infosec.access_review:{saai.pk}" not in _keys(due_dates(**window))
    # Signed four months ago: due a month ago, overdue.
    AccessReview.objects.filter(pk=review.pk).update(
        signed_at=timezone.now() - datetime.timedelta(days=122)
    )
    overdue = {d.key: d for d in due_dates(**window)}[f"infosec.access_review:{saai.pk}"]
    assert overdue.due_on < today
    # A renewal moves the expiry out of the window.
    services.credential_log(
        actor=carla, credential=efirma, kind=CredentialEventKind.RENEWAL, purpose="Renovada",
        new_expires_on=today + datetime.timedelta(days=1400),
    )  # fmt: skip
    assert f"infosec.credential:{efirma.pk}" not in _keys(due_dates(**window))


def test_staff_calendars_never_show_infosec_obligations(world):
    carla = actor_of(world, world.carla)
    services.system_create(actor=carla, name="SAAI", kind="clearance")
    end = timezone.localdate() + datetime.timedelta(days=30)
    for user, expected in ((world.sofia, 0), (world.audrey, 1)):
        items = due_dates(
            organization=world.org, start=None, end=end, membership=world.membership(user)
        )
        assert len([d for d in items if d.module == "infosec"]) == expected


def test_a_departure_lists_accounts_and_credentials_the_person_holds(world):
    carla = actor_of(world, world.carla)
    erp = services.system_create(actor=carla, name="ERP", kind="erp")
    saai = services.system_create(actor=carla, name="SAAI", kind="clearance")
    services.account_create(actor=carla, system=erp, account_name="sofia.r", user=world.sofia)
    services.account_create(
        actor=carla, system=saai, account_name="srodriguez", employee_number="E-0042"
    )
    services.account_create(
        actor=carla, system=saai, account_name="ex", employee_number="E-0042", status="removed"
    )
    services.account_create(actor=carla, system=saai, account_name="otro", employee_number="E-1")
    services.credential_register(
        actor=carla, kind=CredentialKind.SELLO, holder="Agencia", serial_number="999",
        location="Servidor", expires_on=timezone.localdate() + datetime.timedelta(days=300),
        custodian=world.sofia,
    )  # fmt: skip
    items = held_items(organization=world.org, user=world.sofia, employee_number="E-0042")
    labels = sorted(i.label for i in items if i.module == "infosec")
    assert labels[:2] == ["ERP: sofia.r", "SAAI: srodriguez"]
    assert any("999" in label for label in labels)
    assert len(labels) == 3
    # Another organization's lookup finds nothing of Norte.
    assert not [
        i
        for i in held_items(organization=world.other_org, employee_number="E-0042")
        if i.module == "infosec"
    ]
