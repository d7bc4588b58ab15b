"""Defects found walking the dock day on a phone: holds, check digits, photos lost on errors."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.models import Inspection, SealDiscrepancy, SealEvent
from resguardo.core.dates import local_datetime_text

from .factories import issued_seal, png, shipment_at
from .test_inspections import _results

pytestmark = pytest.mark.django_db


def _inspect_at_the_gate(world, unit_number, *, failed=(4,), inspected_at=None):
    """The gate inspects the unit before anyone links it to a pedimento."""
    return services.inspection_record(
        actor=world.actor(world.sofia),
        checklist_key="container-7",
        site=world.yard,
        place="Caseta de entrada",
        signed_name="Sofia",
        unit_number=unit_number,
        results=_results(7, failed=set(failed)),
        inspected_at=inspected_at,
    )


def test_unit_held_at_the_gate_cannot_be_sealed_for_its_shipment(patentes, checklists):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    # Typed as painted on the door, with spaces; the inspection knows no pedimento.
    spaced = f"{container.number[:4]} {container.number[4:10]} {container.number[10]}"
    when = timezone.now() - datetime.timedelta(hours=2)
    inspection = _inspect_at_the_gate(world, spaced, inspected_at=when)
    assert inspection.shipment is None and inspection.status == "held"
    seal = issued_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment,
            container=container,
            photo=png(),
        )
    message = error.value.messages[0]
    assert "is held" in message
    # The time is the one the inspection page shows (local), not UTC.
    assert local_datetime_text(when) in message
    assert not SealEvent.objects.filter(seal=seal, kind="applied").exists()


def test_after_the_supervisors_decision_a_later_passed_inspection_lets_it_be_sealed(
    patentes, checklists
):
    """Issue 11 item 2: a passed re-inspection alone no longer ends the hold (see
    test_open_hold.py); once the supervisor has decided on it, the repaired unit is sealed."""
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    held = _inspect_at_the_gate(
        world, container.number, inspected_at=timezone.now() - timedelta_h(3)
    )
    services.inspection_review(
        actor=world.actor(world.sam),
        inspection=held,
        decision="rejected",
        note="Piso dañado: se repara y se vuelve a inspeccionar",
    )
    _inspect_at_the_gate(world, container.number, failed=())
    seal = issued_seal(world)
    event = services.seal_apply(
        actor=world.actor(world.sofia),
        seal=seal,
        shipment=shipment,
        container=container,
        photo=png(),
    )
    assert event.container == container


def timedelta_h(hours):
    return datetime.timedelta(hours=hours)


def test_apply_form_names_a_wrong_check_digit_and_keeps_what_was_typed(patentes, client_for):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    wrong = container.number[:10] + str((int(container.number[10]) + 1) % 10)
    seal = issued_seal(world)
    response = client_for(world.sofia).post(
        reverse("conveyance:seal_apply", args=[seal.pk]),
        {
            "version": seal.version,
            "pedimento": shipment.pedimento,
            "unit": wrong.lower(),
            "photo": png(),
            "place": "Andén 3",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "has a wrong check digit" in body
    assert f"the expected digit is {container.number[10]}" in body
    assert 'value="Andén 3"' in body and f'value="{shipment.pedimento}"' in body
    # The photo input cannot be refilled by the browser: the page says to take it again.
    assert "The photo you chose was not kept because the form has errors" in body
    assert not SealEvent.objects.filter(seal=seal, kind="applied").exists()


def test_inspection_form_asks_the_browser_for_every_point_and_flags_lost_photos(
    patentes, client_for, checklists
):
    world = patentes
    client = client_for(world.sofia)
    url = reverse("conveyance:inspection_create", args=["container-7"])
    page = client.get(url).content.decode()
    # Each pass/fail pair is required, so a phone refuses to send a half-done form (and the
    # photos already taken) before the server ever sees it.
    assert len(re.findall(r'<input type="radio" name="p\d+" value="True"[^>]* required', page)) == 7
    assert "The photo you chose was not kept" not in page
    data = {
        "site": world.yard.pk,
        "unit_number": "CSQU3054383",
        "place": "Andén 3",
        "signed_name": "Sofia",
        "confirm": "on",
        "f4": png("piso.png"),
    }
    for code in range(1, 8):
        data[f"p{code}"] = "True"
    data["p4"] = "False"  # failed without a note
    body = client.post(url, data).content.decode()
    assert "Point 4 (Floor) failed: describe what you found." in body
    point4 = body[body.index('id="point-4"') : body.index('id="point-5"')]
    assert "The photo you chose was not kept because the form has errors" in point4
    # The problem is also shown beside the point, not only at the top of a long page.
    assert "Point 4 (Floor) failed: describe what you found." in point4
    assert body.count("Point 4 (Floor) failed: describe what you found.") == 2
    assert body.count('data-testid="photo-again"') == 1
    assert not Inspection.objects.exists()


def test_verify_form_shows_a_mistyped_number_before_compromising_the_seal(patentes, client_for):
    from .factories import applied_seal

    world = patentes
    seal = applied_seal(world)
    client = client_for(world.sofia)
    url = reverse("conveyance:seal_verify", args=[seal.pk])
    data = {
        "version": seal.version,
        "checkpoint": "yard_exit",
        "number_read": seal.number[:-1] + "9",  # one digit misread
        "view_ok": "True",
        "verify_ok": "True",
        "tug_ok": "True",
        "twist_ok": "True",
    }
    body = client.post(url, data).content.decode()
    # Every step was marked as passed, so the page must say why it refuses.
    assert (
        f"The number read on the seal is {data['number_read']}; the log says {seal.number}." in body
    )
    assert f"The log says {seal.number}. Correct the number if you misread it" in body
    seal.refresh_from_db()
    assert seal.status == "applied" and not SealDiscrepancy.objects.filter(seal=seal).exists()
    data["number_read"] = seal.number.lower()
    assert client.post(url, data).status_code == 302
    seal.refresh_from_db()
    assert seal.status == "applied" and seal.events.filter(kind="verified").count() == 1


def test_receiving_seals_at_the_gate_starts_with_today_and_my_only_site(patentes, client_for):
    world = patentes
    world.membership(world.sofia).sites.set([world.yard])
    body = client_for(world.sofia).get(reverse("conveyance:lot_receive")).content.decode()
    assert f'name="received_on" value="{timezone.localdate().isoformat()}"' in body
    assert f'<option value="{world.yard.pk}" selected>' in body


def test_auditor_and_staff_posting_a_decision_are_refused_not_shown_a_form(
    patentes, client_for, checklists
):
    world = patentes
    inspection = _inspect_at_the_gate(world, "CJ53214")
    url = reverse("conveyance:inspection_detail", args=[inspection.pk])
    for user in (world.audrey, world.sofia):
        client = client_for(user)
        response = client.post(url, {"decision": ""})  # an incomplete post
        assert response.status_code == 403
        assert "Record decision" not in response.content.decode()
        assert "Record decision" not in client.get(url).content.decode()
    inspection.refresh_from_db()
    assert inspection.reviewed_at is None and inspection.status == "held"


def test_auditor_posting_to_close_a_discrepancy_is_refused(patentes, client_for):
    from .factories import applied_seal

    world = patentes
    seal = applied_seal(world)
    services.seal_verify(
        actor=world.actor(world.sofia),
        seal=seal,
        checkpoint="yard_exit",
        view_ok=False,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read=seal.number,
        note="Marcas de pinzas en el sello",
    )
    discrepancy = SealDiscrepancy.objects.get(seal=seal)
    url = reverse("conveyance:discrepancy_detail", args=[discrepancy.pk])
    response = client_for(world.audrey).post(url, {"resolution": ""})
    assert response.status_code == 403
    discrepancy.refresh_from_db()
    assert discrepancy.status == "open"
