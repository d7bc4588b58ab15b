"""The E4 form's own duties (standards 7.1 and 7.2): its inspection list as the default, trailer
plates, the supervisor's signature, a year of retention, and the seal duties (lost or stolen,
destruction before a witness, replacement with its reason, reconocimiento aduanero, a tampered
seal reported to the foreign authority)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.choices import SealEventKind, SealStatus
from resguardo.conveyance.events import InspectionHoldRejected
from resguardo.conveyance.models import Inspection, Seal, SealDiscrepancy
from resguardo.core.events import subscribe, unsubscribe
from resguardo.incidents.choices import NoticeRecipient
from resguardo.incidents.models import Incident
from resguardo.standards.selectors import checklist_get

from .factories import applied_seal, issued_seal, png, receive_lot, shipment_at

pytestmark = pytest.mark.django_db

E4_TITLES_EN = [
    "Tractor: bumper",
    "Tractor: tires",
    "Tractor: floor",
    "Tractor: fuel tanks",
    "Tractor: cab",
    "Tractor: air tanks",
    "Tractor: chassis",
    "Tractor: fifth wheel",
    "Tractor: drive shafts",
    "Tractor: exhaust",
    "Tractor: engine",
    "Trailer or box: walls",
    "Trailer or box: roof",
    "Trailer or box: floor",
    "Trailer or box: doors",
    "Trailer or box: refrigeration unit",
]


def _e4_results(failed=()):
    codes = [f"T{n}" for n in range(1, 12)] + [f"C{n}" for n in range(1, 6)]
    return [
        {"code": c, "passed": c not in failed, "note": "Parche en la pared" if c in failed else ""}
        for c in codes
    ]


def _inspect(world, *, user=None, failed=(), **extra):
    fields = dict(
        site=world.yard,
        place="Patio, andén 1",
        signed_name="Sofía Ramírez",
        unit_number="CJ-8841",
        tractor_plates="92-AK-4L",
        trailer_plates="45-UB-7K",
        results=_e4_results(failed),
    )
    fields.update(extra)
    return services.inspection_record(actor=world.actor(user or world.sofia), **fields)


# --- 7.2 the inspection of transport units -------------------------------------------------


def test_the_e4_list_is_in_the_catalog_in_both_languages(checklists):
    checklist = checklist_get("e4-transport-unit")
    points = list(checklist.points.all())
    assert [p.title_en for p in points] == E4_TITLES_EN
    assert points[0].title_es == "Tractocamión: defensa"
    assert points[-1].title_es == "Caja o remolque: unidad de refrigeración"
    # The C-TPAT lists are still there beside it.
    assert checklist_get("tractor-trailer-17").points.count() == 17
    assert checklist_get("container-7").points.count() == 7


def test_a_mexican_unit_is_inspected_with_the_e4_list_by_default(patentes, checklists):
    world = patentes
    inspection = _inspect(world)  # no checklist named
    assert inspection.checklist_key == "e4-transport-unit"
    assert inspection.point_count == 16
    assert list(inspection.results.values_list("code", flat=True))[:2] == ["T1", "T2"]
    # A C-TPAT list can still be chosen.
    ctpat = services.inspection_record(
        actor=world.actor(world.sofia),
        checklist_key="container-7",
        site=world.yard,
        place="Andén 2",
        signed_name="Sofía",
        unit_number="MSKU1234565",
        results=[{"code": str(n), "passed": True} for n in range(1, 8)],
    )
    assert ctpat.checklist_key == "container-7"


def test_the_start_page_offers_the_e4_list_first(patentes, checklists, client_for):
    page = client_for(patentes.sofia).get(reverse("conveyance:inspection_start")).content.decode()
    e4 = page.index(reverse("conveyance:inspection_create", args=["e4-transport-unit"]))
    ctpat = page.index(reverse("conveyance:inspection_create", args=["container-7"]))
    assert e4 < ctpat
    form = client_for(patentes.sofia).get(
        reverse("conveyance:inspection_create", args=["e4-transport-unit"])
    )
    content = form.content.decode()
    assert "Tractor: fifth wheel" in content and "Trailer plates" in content


def test_trailer_plates_are_required_when_the_list_covers_a_trailer(patentes, checklists):
    world = patentes
    with pytest.raises(ValidationError) as error:
        _inspect(world, trailer_plates="  ")
    assert "trailer plates" in error.value.message_dict["trailer_plates"][0]
    assert not Inspection.objects.exists()
    inspection = _inspect(world)
    assert inspection.trailer_plates == "45UB7K" and inspection.tractor_plates == "92AK4L"
    assert inspection.unit_number == "CJ8841"


def test_trailer_plates_required_on_the_phone_form_too(patentes, checklists, client_for):
    world = patentes
    data = {
        "site": world.yard.pk,
        "unit_number": "CJ-8841",
        "tractor_plates": "92AK4L",
        "place": "Andén 1",
        "signed_name": "Sofía",
        "confirm": "on",
    }
    for result in _e4_results():
        data[f"p{result['code']}"] = "True"
    client = client_for(world.sofia)
    url = reverse("conveyance:inspection_create", args=["e4-transport-unit"])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Type the trailer plates" in response.content.decode()
    response = client.post(url, data | {"trailer_plates": "45UB7K"})
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("conveyance:inspection_detail", args=[inspection.pk]))
    assert "45UB7K" in page.content.decode()


def test_the_supervisor_signs_and_must_be_another_member(patentes, checklists, client_for):
    world = patentes
    own = _inspect(world, user=world.sam)
    with pytest.raises(ValidationError) as error:
        services.inspection_review(
            actor=world.actor(world.sam), inspection=own, decision="accepted"
        )
    assert "another supervisor" in error.value.messages[0]

    inspection = _inspect(world)
    client = client_for(world.carla)
    url = reverse("conveyance:inspection_detail", args=[inspection.pk])
    response = client.post(
        url, {"decision": "accepted", "signed_name": "Carla Medina", "version": inspection.version}
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.reviewed_by == world.carla and inspection.reviewed_at is not None
    assert inspection.supervisor_signed_name == "Carla Medina"
    page = client.get(url).content.decode()
    assert "Signed by the supervisor: Carla Medina" in page


def test_staff_cannot_sign_as_supervisor(patentes, checklists):
    world = patentes
    inspection = _inspect(world, user=world.sam)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.inspection_review(
            actor=world.actor(world.sofia), inspection=inspection, decision="accepted"
        )


def test_inspections_younger_than_a_year_cannot_be_deleted(patentes, checklists):
    world = patentes
    recent = _inspect(world)
    with pytest.raises(ValidationError) as error:
        recent.delete()
    assert "must be kept at least one year" in error.value.messages[0]
    with pytest.raises(ValidationError):
        Inspection.objects.filter(pk=recent.pk).delete()  # the queryset path too
    with pytest.raises(ValidationError):
        recent.results.first().delete()
    assert Inspection.objects.filter(pk=recent.pk).exists() and recent.results.count() == 16

    old = _inspect(world, inspected_at=timezone.now() - datetime.timedelta(days=400))
    old.delete()
    assert not Inspection.objects.filter(pk=old.pk).exists()


def test_rejecting_a_held_unit_publishes_an_event(
    patentes, checklists, django_capture_on_commit_callbacks
):
    world = patentes
    received = []
    subscribe(InspectionHoldRejected, received.append)
    try:
        inspection = _inspect(world, failed=("C1",))
        with django_capture_on_commit_callbacks(execute=True):
            services.inspection_review(
                actor=world.actor(world.sam),
                inspection=inspection,
                decision="rejected",
                note="Pared frontal con doble fondo",
            )
    finally:
        unsubscribe(InspectionHoldRejected, received.append)
    [event] = received
    assert event.inspection_id == inspection.pk and event.unit_number == "CJ8841"
    assert event.failed_count == 1 and "doble fondo" in event.decision_note


# --- 7.1 seals --------------------------------------------------------------------------------


def test_a_lost_seal_is_refused_for_application_and_counted_by_the_audit(patentes):
    world = patentes
    lot = receive_lot(world)
    seal = lot.seals.order_by("number").first()
    services.seal_issue(actor=world.actor(world.sofia), seals=[seal], person=world.sofia)
    services.seal_void(
        actor=world.actor(world.sam),
        seal=seal,
        reason="lost",
        note="Se cayó de la camioneta en el trayecto al patio",
    )
    seal.refresh_from_db()
    assert seal.status == SealStatus.VOIDED
    assert SealDiscrepancy.objects.get(seal=seal).kind == "missing"

    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=png(),
        )
    message = error.value.messages[0]
    assert f"Seal {seal.number} cannot be applied" in message
    assert "reported lost" in message and "never put it on a unit" in message
    assert seal.events.count() == 3  # received, issued, voided: nothing recorded

    stolen = lot.seals.order_by("number")[1]
    services.seal_void(
        actor=world.actor(world.sam), seal=stolen, reason="stolen", note="Caja forzada"
    )
    counted = list(lot.seals.filter(status="in_stock").values_list("number", flat=True))
    audit = services.seal_audit_run(
        actor=world.actor(world.sam), site=world.yard, counted_numbers=counted
    )
    assert audit.lost_count == 2
    assert audit.lost_numbers == [seal.number, stolen.number]
    assert audit.missing_count == 0  # the two are not "in stock but not counted"


def test_a_lost_seal_cited_by_documents_is_an_audit_finding(patentes, client_for):
    world = patentes
    lot = receive_lot(world)
    seal = lot.seals.order_by("number").first()
    services.seal_void(actor=world.actor(world.sam), seal=seal, reason="stolen", note="Robo")
    shipment_at(world.yard, document_seal_numbers=[seal.number])
    counted = list(lot.seals.filter(status="in_stock").values_list("number", flat=True))
    audit = services.seal_audit_run(
        actor=world.actor(world.sam), site=world.yard, counted_numbers=counted
    )
    finding = audit.findings.get(seal=seal)
    assert finding.kind == "unaccounted" and "must never be used" in finding.description
    page = client_for(world.sam).get(reverse("conveyance:audit_detail", args=[audit.pk]))
    content = page.content.decode()
    assert "Reported lost or stolen" in content and seal.number in content


def test_destruction_needs_a_witness_member(patentes, client_for):
    world = patentes
    seal = receive_lot(world).seals.first()
    with pytest.raises(ValidationError) as error:
        services.seal_destroy(actor=world.actor(world.sam), seals=[seal], note="Cortado")
    assert "witnessed" in error.value.message_dict["witness"][0]
    with pytest.raises(ValidationError) as error:
        services.seal_destroy(
            actor=world.actor(world.sam), seals=[seal], note="Cortado", witness=world.sam
        )
    assert "another person" in error.value.message_dict["witness"][0]
    with pytest.raises(ValidationError):
        services.seal_destroy(
            actor=world.actor(world.sam), seals=[seal], note="Cortado", witness=world.oscar
        )
    seal.refresh_from_db()
    assert seal.status == SealStatus.IN_STOCK

    client = client_for(world.sam)
    response = client.post(
        reverse("conveyance:seal_destroy", args=[seal.pk]),
        {"witness": world.sofia.pk, "note": "Cortado con cizalla y desechado"},
    )
    assert response.status_code == 302
    event = seal.events.get(kind=SealEventKind.DESTROYED)
    assert event.witness == world.sofia and event.recorded_by == world.sam
    page = client.get(reverse("conveyance:seal_detail", args=[seal.pk])).content.decode()
    assert f"Witness: {world.sofia}" in page


def test_a_replacement_logs_its_reason_and_links_both_seals(patentes, client_for):
    world = patentes
    shipment = shipment_at(world.yard)
    old = applied_seal(world, shipment)
    new = issued_seal(world, lot=receive_lot(world))
    with pytest.raises(ValidationError) as error:
        services.seal_replace(
            actor=world.actor(world.sofia), seal=old, new_seal=new, reason="", photo=png()
        )
    assert "why" in error.value.message_dict["reason"][0]

    client = client_for(world.sofia)
    response = client.post(
        reverse("conveyance:seal_replace", args=[old.pk]),
        {
            "new_seal": new.number,
            "reason": "damaged",
            "photo": png(),
            "note": "El sello se dobló al cerrar la puerta",
            "version": old.version,
        },
    )
    assert response.status_code == 302, response.content.decode()
    old.refresh_from_db()
    new.refresh_from_db()
    removal = old.events.get(kind=SealEventKind.REMOVED)
    assert removal.removal_reason == "replaced" and removal.replacement_reason == "damaged"
    assert removal.related_seal == new and "se dobló" in removal.note
    applied = new.events.get(kind=SealEventKind.APPLIED)
    assert applied.related_seal == old and applied.replacement_reason == "damaged"
    assert old.status == SealStatus.REMOVED
    assert new.status == SealStatus.APPLIED and new.container == old.container
    page = client.get(reverse("conveyance:seal_detail", args=[old.pk])).content.decode()
    assert "Damaged or broken" in page and new.number in page


def test_a_reconocimiento_keeps_the_chain_of_custody_with_the_customs_seal(patentes):
    world = patentes
    shipment = shipment_at(world.yard, document_seal_numbers=["MX0001001"])
    seal = applied_seal(world, shipment)
    unit = seal.unit_number
    with pytest.raises(ValidationError) as error:
        services.seal_customs_recognition(
            actor=world.actor(world.sofia), seal=seal, act_number="", customs_seal_number=""
        )
    assert set(error.value.message_dict) == {"act_number", "customs_seal_number"}

    when = timezone.now()
    removal = services.seal_customs_recognition(
        actor=world.actor(world.sofia),
        seal=seal,
        act_number="RA-240/2026",
        customs_seal_number="sat 778812",
        occurred_at=when,
        place="Módulo de selección, Aduana de Nuevo Laredo",
    )
    seal.refresh_from_db()
    customs = Seal.objects.get(placed_by_customs=True)
    assert seal.status == SealStatus.REMOVED
    assert removal.removal_reason == "customs_inspection"
    assert removal.document_number == "RA-240/2026" and removal.related_seal == customs
    assert customs.number == "SAT778812" and customs.lot is None
    assert customs.status == SealStatus.APPLIED and customs.unit_number == unit
    assert customs.shipment == shipment and customs.applied_at == when
    placed = customs.events.get()
    assert placed.kind == SealEventKind.CUSTOMS_SEALED and placed.related_seal == seal

    # The chain continues: the customs seal is verified at the border and removed at the end.
    # The pedimento's documents cite our seal, not the customs one: no discrepancy for that.
    services.seal_verify(
        actor=world.actor(world.sofia),
        seal=customs,
        checkpoint="border",
        view_ok=True,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read="SAT778812",
    )
    assert not SealDiscrepancy.objects.exists()
    services.seal_remove(actor=world.actor(world.sofia), seal=customs, reason="destination")
    customs.refresh_from_db()
    assert customs.status == SealStatus.REMOVED
    kinds = list(customs.events.values_list("kind", flat=True))
    assert kinds == ["customs", "verified", "removed"]
    # The same customs seal cannot be recorded twice.
    other = applied_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_customs_recognition(
            actor=world.actor(world.sofia),
            seal=other,
            act_number="RA-241/2026",
            customs_seal_number="SAT778812",
        )
    assert "already recorded" in error.value.message_dict["customs_seal_number"][0]


def test_reconocimiento_page_and_the_customs_seal_page(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    client = client_for(world.sofia)
    detail = client.get(reverse("conveyance:seal_detail", args=[seal.pk])).content.decode()
    assert reverse("conveyance:seal_customs", args=[seal.pk]) in detail
    response = client.post(
        reverse("conveyance:seal_customs", args=[seal.pk]),
        {
            "act_number": "RA-77/2026",
            "customs_seal_number": "SAT5501",
            "version": seal.version,
        },
    )
    customs = Seal.objects.get(placed_by_customs=True)
    assert response.status_code == 302
    assert response["Location"] == reverse("conveyance:seal_detail", args=[customs.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Placed by customs after a reconocimiento aduanero" in page
    assert "RA-77/2026" in page and seal.number in page
    client.cookies["resguardo_language"] = "es-mx"
    page = client.get(response["Location"]).content.decode()
    assert "reconocimiento aduanero" in page and "Colocado por la aduana" in page


def test_the_new_seal_pages_are_closed_to_outsiders_and_auditors(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    for name in ("seal_customs", "seal_replace"):
        url = reverse(f"conveyance:{name}", args=[seal.pk])
        assert client_for(world.oscar).get(url).status_code == 404
        assert client_for(world.audrey).get(url).status_code == 403
        assert client_for(world.sofia).get(url).status_code == 200


def test_a_tampered_seal_opens_a_notice_to_the_foreign_authority(
    patentes, django_capture_on_commit_callbacks
):
    world = patentes
    seal = applied_seal(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.seal_verify(
            actor=world.actor(world.sofia),
            seal=seal,
            checkpoint="border",
            view_ok=False,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read=seal.number,
            note="Marcas de pinza en el perno",
        )
    incident = Incident.objects.get(organization=world.org)
    recipients = set(incident.notices.values_list("recipient", flat=True))
    assert recipients == {NoticeRecipient.OEA_AVISO, NoticeRecipient.FOREIGN_AUTHORITY}


def test_a_number_mismatch_alone_owes_no_foreign_notice(
    patentes, django_capture_on_commit_callbacks
):
    world = patentes
    seal = applied_seal(world)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        from resguardo.conveyance.services.discrepancies import discrepancy_record

        discrepancy_record(
            actor=world.actor(world.sam),
            organization=world.org,
            kind="number_mismatch",
            description="Número distinto",
            site=world.yard,
            seal=seal,
        )
    incident = Incident.objects.get(organization=world.org)
    assert list(incident.notices.values_list("recipient", flat=True)) == ["oea_aviso"]


# --- the API ------------------------------------------------------------------------------------


def test_api_inspection_defaults_to_e4_and_needs_trailer_plates(patentes, api_for, checklists):
    world = patentes
    api = api_for(world.sofia)
    body = {
        "site": world.yard.pk,
        "unit_number": "CJ8841",
        "tractor_plates": "92AK4L",
        "place": "Andén 1",
        "signed_name": "Sofía",
        "results": [{k: v for k, v in r.items()} for r in _e4_results()],
    }
    response = api.post("/api/v1/inspections/", body, format="json")
    assert response.status_code == 400
    assert "trailer plates" in str(response.json())
    response = api.post("/api/v1/inspections/", body | {"trailer_plates": "45UB7K"}, format="json")
    assert response.status_code == 201, response.json()
    inspection = response.json()
    assert inspection["checklist_key"] == "e4-transport-unit"
    assert inspection["trailer_plates"] == "45UB7K" and inspection["point_count"] == 16
    response = api_for(world.sam).post(
        f"/api/v1/inspections/{inspection['id']}/review/",
        {"decision": "accepted", "signed_name": "Samuel Ortiz"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["supervisor_signed_name"] == "Samuel Ortiz"


def test_api_replace_customs_and_destroy(patentes, api_for):
    world = patentes
    old = applied_seal(world)
    new = issued_seal(world, lot=receive_lot(world))
    api = api_for(world.sofia)
    response = api.post(
        f"/api/v1/seals/{old.pk}/replace/",
        {"new_seal": new.pk, "reason": "failed_verification", "photo": png()},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["related_seal"] == new.pk
    assert response.json()["replacement_reason"] == "failed_verification"

    response = api.post(
        f"/api/v1/seals/{new.pk}/customs/",
        {"act_number": "RA-9/2026", "customs_seal_number": "SAT9001"},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    customs = Seal.objects.get(placed_by_customs=True)
    assert response.json()["related_seal"] == customs.pk
    listed = api.get(f"/api/v1/seals/{customs.pk}/").json()
    assert listed["placed_by_customs"] and listed["manufacturer"] is None
    assert listed["status"] == "applied"

    # Other organizations never reach these actions.
    outsider = api_for(world.oscar)
    assert outsider.post(f"/api/v1/seals/{customs.pk}/customs/", {}).status_code == 404
    # Destruction: a supervisor, with another member as witness.
    old.refresh_from_db()
    response = api_for(world.sam).post(
        f"/api/v1/seals/{old.pk}/destroy/", {"note": "Cortado"}, format="json"
    )
    assert response.status_code == 400 and "witness" in response.json()
    response = api_for(world.sam).post(
        f"/api/v1/seals/{old.pk}/destroy/",
        {"note": "Cortado", "witness": world.carla.pk},
        format="json",
    )
    assert response.status_code == 201 and response.json()["witness"] == world.carla.pk


def test_the_exports_carry_the_new_records(patentes, api_for, checklists):
    world = patentes
    seal = applied_seal(world)
    services.seal_customs_recognition(
        actor=world.actor(world.sofia),
        seal=seal,
        act_number="RA-12/2026",
        customs_seal_number="SAT4410",
    )
    _inspect(world)
    api = api_for(world.alice)
    log = b"".join(api.get("/api/v1/seal-events/export/").streaming_content).decode("utf-8-sig")
    assert "Act of the reconocimiento" in log and "RA-12/2026" in log and "SAT4410" in log
    inspections = b"".join(api.get("/api/v1/inspections/export/").streaming_content).decode(
        "utf-8-sig"
    )
    assert "Trailer plates" in inspections and "45UB7K" in inspections
