import pytest
from django.utils import timezone

from resguardo.conveyance.models import Seal, SealDiscrepancy

from .factories import applied_seal, issued_seal, png, receive_lot, shipment_at

pytestmark = pytest.mark.django_db


def test_receive_lot_and_issue_range(patentes, api_for):
    api = api_for(patentes.sofia)
    response = api.post(
        "/api/v1/seal-lots/",
        {
            "site": patentes.yard.pk,
            "manufacturer": "TydenBrooks",
            "iso_class": "H",
            "prefix": "TB",
            "first_number": 1,
            "last_number": 20,
            "digits": 6,
            "received_on": timezone.localdate().isoformat(),
            "storage_place": "Caja fuerte",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    lot = response.json()
    assert lot["size"] == 20 and lot["first_label"] == "TB000001"
    response = api.post(
        f"/api/v1/seal-lots/{lot['id']}/issue/",
        {"first": "TB000001", "last": "TB000005", "person": patentes.sofia.pk},
        format="json",
    )
    assert response.status_code == 200 and len(response.json()) == 5
    response = api.post(
        "/api/v1/seal-lots/",
        {
            "site": patentes.yard.pk,
            "manufacturer": "tydenbrooks",
            "iso_class": "H",
            "prefix": "TB",
            "first_number": 20,
            "last_number": 30,
            "digits": 6,
            "received_on": timezone.localdate().isoformat(),
            "storage_place": "Caja fuerte",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "TB000020" in response.json()["first_number"][0]


def test_apply_verify_and_history(patentes, api_for):
    world = patentes
    shipment = shipment_at(world.yard)
    seal = issued_seal(world)
    api = api_for(world.sofia)
    response = api.post(
        f"/api/v1/seals/{seal.pk}/apply/",
        {
            "shipment": shipment.pk,
            "container": shipment.containers.get().pk,
            "photo": png(),
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    response = api.post(
        f"/api/v1/seals/{seal.pk}/verify/",
        {
            "checkpoint": "yard_exit",
            "view_ok": True,
            "verify_ok": True,
            "tug_ok": True,
            "twist_ok": False,
            "number_read": seal.number,
            "note": "Gira el perno",
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["twist_ok"] is False
    assert SealDiscrepancy.objects.get().kind == "broken"
    history = api.get(f"/api/v1/seals/{seal.pk}/history/").json()
    assert [e["kind"] for e in history] == ["received", "issued", "applied", "verified"]
    event_id = history[2]["id"]
    photo = api.get(f"/api/v1/seal-events/{event_id}/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"


def test_out_of_order_is_400_with_reason(patentes, api_for):
    seal = receive_lot(patentes).seals.first()
    response = api_for(patentes.sofia).post(
        f"/api/v1/seals/{seal.pk}/verify/",
        {
            "checkpoint": "yard_exit",
            "view_ok": True,
            "verify_ok": True,
            "tug_ok": True,
            "twist_ok": True,
            "number_read": seal.number,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "Record its application before verifying it" in response.json()["detail"][0]


def test_tenancy_and_roles(patentes, api_for):
    seal = applied_seal(patentes)
    assert api_for(patentes.oscar).get(f"/api/v1/seals/{seal.pk}/").status_code == 404
    assert api_for(patentes.oscar).get("/api/v1/seals/").json()["count"] == 0
    response = api_for(patentes.audrey).post(
        f"/api/v1/seals/{seal.pk}/remove/", {"reason": "destination"}, format="json"
    )
    assert response.status_code == 403
    assert Seal.objects.get(pk=seal.pk).status == "applied"


def test_seal_log_filter_and_export(patentes, api_for):
    applied_seal(patentes)
    api = api_for(patentes.audrey)
    today = timezone.localdate().isoformat()
    listing = api.get("/api/v1/seal-events/", {"date_from": today, "kind": "applied"}).json()
    assert listing["count"] == 1
    response = api.get("/api/v1/seal-events/export/", {"date_from": today, "file_format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_inspection_api(patentes, api_for, checklists):
    world = patentes
    api = api_for(world.sofia)
    results = [
        {"code": str(c), "passed": c != 2, "note": "Parche" if c == 2 else ""} for c in range(1, 8)
    ]
    response = api.post(
        "/api/v1/inspections/",
        {
            "checklist_key": "container-7",
            "site": world.yard.pk,
            "unit_number": "MSKU9070323",
            "place": "Andén 1",
            "signed_name": "Sofia",
            "results": results,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    inspection = response.json()
    assert inspection["status"] == "held" and len(inspection["results"]) == 7
    response = api.post(
        f"/api/v1/inspections/{inspection['id']}/photos/",
        {"code": "2", "photo": png()},
        format="multipart",
    )
    assert response.status_code == 200
    assert (
        api.post(
            f"/api/v1/inspections/{inspection['id']}/review/",
            {"decision": "released", "note": "x"},
            format="json",
        ).status_code
        == 403
    )
    response = api_for(world.sam).post(
        f"/api/v1/inspections/{inspection['id']}/review/",
        {"decision": "rejected", "note": "Pared con parche"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    export = api.get("/api/v1/inspections/export/", {"file_format": "csv"})
    assert "Parche" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_audit_api(patentes, api_for):
    receive_lot(patentes, first=1, last=2)
    response = api_for(patentes.sam).post(
        "/api/v1/seal-audits/",
        {
            "site": patentes.yard.pk,
            "counted_numbers": ["MX0000001"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["missing_count"] == 1
    assert (
        api_for(patentes.sofia)
        .post(
            "/api/v1/seal-audits/",
            {
                "site": patentes.yard.pk,
                "counted_numbers": [],
            },
            format="json",
        )
        .status_code
        == 403
    )
