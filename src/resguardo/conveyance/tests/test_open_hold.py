"""A unit held for the supervisor stays held until the supervisor decides: staff re-inspecting it
as passed neither clears the hold nor lets a seal on, in the UI, the API or after an import."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resguardo.conveyance import services
from resguardo.shipments.models import Shipment
from resguardo.shipments.services import shipment_import
from resguardo.shipments.tests.factories import pedimento_for, year2

from .factories import issued_seal, png, shipment_at

pytestmark = pytest.mark.django_db


def _inspect(world, container, *, failed=()):
    return services.inspection_record(
        actor=world.actor(world.sofia),
        checklist_key="container-7",
        site=world.yard,
        place="Andén 2",
        signed_name="Sofia",
        container=container,
        results=[
            {"code": str(c), "passed": c not in failed, "note": "Soldadura" if c in failed else ""}
            for c in range(1, 8)
        ],
    )


def _held_then_passed(world, container):
    """The unit fails a point, then staff inspect it again and mark everything passed."""
    held = _inspect(world, container, failed={4})
    again = _inspect(world, container)
    assert held.status == "held" and again.status == "passed"
    return held


def _apply(world, seal, shipment, container):
    return services.seal_apply(
        actor=world.actor(world.sofia),
        seal=seal,
        shipment=shipment,
        container=container,
        photo=png(),
    )


def _decide(world, inspection, decision):
    return services.inspection_review(
        actor=world.actor(world.sam),
        inspection=inspection,
        decision=decision,
        note="Piso revisado y reparado",
    )


def test_a_passed_reinspection_does_not_clear_an_open_hold(patentes, checklists):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    _held_then_passed(world, container)
    with pytest.raises(ValidationError) as error:
        _apply(world, issued_seal(world), shipment, container)
    assert "is held" in error.value.messages[0]


def test_the_supervisors_release_ends_the_hold(patentes, checklists):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    held = _held_then_passed(world, container)
    _decide(world, held, "released")
    event = _apply(world, issued_seal(world), shipment, container)
    assert event.seal.status == "applied"


def test_the_supervisors_rejection_keeps_the_unit_unsealed(patentes, checklists):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    held = _inspect(world, container, failed={4})
    _decide(world, held, "rejected")
    with pytest.raises(ValidationError):
        _apply(world, issued_seal(world), shipment, container)


def test_the_seal_form_refuses_a_held_unit(patentes, checklists, client_for):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    _held_then_passed(world, container)
    seal = issued_seal(world)
    body = (
        client_for(world.sofia)
        .post(
            reverse("conveyance:seal_apply", args=[seal.pk]),
            {
                "pedimento": shipment.pedimento_display,
                "unit": container.number,
                "photo": png(),
                "version": seal.version,
            },
        )
        .content.decode()
    )
    assert "is held" in body
    seal.refresh_from_db()
    assert seal.status == "issued"


def test_the_api_refuses_to_seal_a_held_unit(patentes, checklists, api_for):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    _held_then_passed(world, container)
    seal = issued_seal(world)
    answer = api_for(world.sofia).post(
        f"/api/v1/seals/{seal.pk}/apply/",
        {"shipment": shipment.pk, "container": container.pk, "photo": png()},
        format="multipart",
    )
    assert answer.status_code == 400
    assert "is held" in str(answer.json())


def test_an_imported_shipment_does_not_free_a_held_unit(patentes, checklists):
    """The held unit arrives again in a shipment imported from a spreadsheet: still held."""
    world = patentes
    first = shipment_at(world.yard)
    container = first.containers.get()
    _held_then_passed(world, container)
    pedimento = pedimento_for()
    row = (
        f"{pedimento},Patio Norte,export,road,Autopartes del Bravo,20{year2()}-03-01,"
        f"{container.number},dry,CJ1,"
    )
    header = "pedimento,site,operation,mode,client,date,containers,container_kind,trailer,seals\n"
    report = shipment_import(
        actor=world.actor(world.alice),
        data=(header + row + "\n").encode(),
        file_name="embarques.csv",
        default_site=None,
        dry_run=False,
    )
    assert report.ok, report.errors
    imported = Shipment.objects.get(import_batch=report.details["batch"])
    with pytest.raises(ValidationError) as error:
        _apply(world, issued_seal(world), imported, imported.containers.get())
    assert "is held" in error.value.messages[0]
