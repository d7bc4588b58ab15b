import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.shipments.models import CustomsBadge, Shipment

from .factories import ShipmentFactory, container_number, pedimento_for, year2

pytestmark = pytest.mark.django_db


def _payload(world, **overrides):
    data = {
        "site": world.yard.pk,
        "pedimento": pedimento_for(),
        "operation": "import",
        "mode": "sea",
        "operation_date": timezone.localdate().isoformat(),
        "client_name": "Importadora del Pacífico",
        "containers": [{"number": container_number(), "kind": "reefer"}],
        "document_seal_numbers": ["AA1"],
    }
    data.update(overrides)
    return data


def test_create_and_read(patentes, api_for):
    api = api_for(patentes.sofia)
    response = api.post("/api/v1/shipments/", _payload(patentes), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["aduana"] == "24" and body["patente"] == "3921"
    assert body["containers"][0]["kind"] == "reefer"
    listing = api.get("/api/v1/shipments/", {"operation": "import"}).json()
    assert listing["count"] == 1


def test_bad_input_answers_400_with_the_reason(patentes, api_for):
    good = container_number()
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    response = api_for(patentes.alice).post(
        "/api/v1/shipments/",
        _payload(patentes, pedimento="123", containers=[{"number": wrong}]),
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert "has 3 digits" in body["pedimento"][0]
    assert f"expected digit is {good[10]}" in body["containers"][0]


def test_site_of_another_organization_is_unknown(patentes, api_for):
    response = api_for(patentes.alice).post(
        "/api/v1/shipments/", _payload(patentes, site=patentes.other_site.pk), format="json"
    )
    assert response.status_code == 400 and "site" in response.json()


def test_stale_version_answers_409(patentes, api_for):
    shipment = ShipmentFactory(site=patentes.yard)
    api = api_for(patentes.alice)
    url = f"/api/v1/shipments/{shipment.pk}/"
    assert api.patch(url, {"notes": "uno", "version": 1}, format="json").status_code == 200
    response = api.patch(url, {"notes": "dos", "version": 1}, format="json")
    assert response.status_code == 409
    assert Shipment.objects.get(pk=shipment.pk).notes == "uno"


def test_roles_and_tenancy(patentes, api_for):
    shipment = ShipmentFactory(site=patentes.yard)
    assert (
        api_for(patentes.audrey)
        .post("/api/v1/shipments/", _payload(patentes), format="json")
        .status_code
        == 403
    )
    assert api_for(patentes.oscar).get(f"/api/v1/shipments/{shipment.pk}/").status_code == 404
    office = ShipmentFactory(site=patentes.office)
    assert api_for(patentes.sofia).get(f"/api/v1/shipments/{office.pk}/").status_code == 404


def test_verification_then_transmit(patentes, api_for):
    shipment = ShipmentFactory(site=patentes.yard)
    api = api_for(patentes.alice)
    response = api.post(f"/api/v1/shipments/{shipment.pk}/transmit/", {}, format="json")
    assert response.status_code == 400 and "not been verified" in response.json()["detail"][0]
    answers = [
        {"item": item, "result": "ok"}
        for item in (
            "documents_received",
            "client_identity",
            "classification",
            "value",
            "non_tariff",
            "duties",
            "transport_data",
        )
    ]
    response = api.post(
        f"/api/v1/shipments/{shipment.pk}/verification/", {"answers": answers}, format="json"
    )
    assert response.status_code == 200 and response.json()["documents_verified_at"]
    assert len(api.get(f"/api/v1/shipments/{shipment.pk}/verification/").json()) == 7
    response = api.post(f"/api/v1/shipments/{shipment.pk}/transmit/", {}, format="json")
    assert response.json()["status"] == "transmitted"


def test_document_upload_and_download(patentes, api_for):
    shipment = ShipmentFactory(site=patentes.yard)
    api = api_for(patentes.sofia)
    response = api.post(
        "/api/v1/shipment-documents/",
        {
            "shipment": shipment.pk,
            "kind": "carta_porte",
            "file": SimpleUploadedFile("cp.xml", b"<?xml version='1.0'?><cfdi:Comprobante/>"),
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    document = response.json()
    assert document["content_type"] == "application/xml"
    download = api.get(f"/api/v1/shipment-documents/{document['id']}/download/")
    assert download.status_code == 200
    assert (
        api_for(patentes.oscar)
        .get(f"/api/v1/shipment-documents/{document['id']}/download/")
        .status_code
        == 404
    )


def test_import_dry_run_and_write(patentes, api_for):
    api = api_for(patentes.alice)
    data = (
        f"pedimento,operation,mode,client,date\n{pedimento_for()},export,road,Uno,"
        f"20{year2()}-01-10\n"
    ).encode()
    response = api.post(
        "/api/v1/shipment-imports/",
        {"file": SimpleUploadedFile("a.csv", data), "site": patentes.yard.pk},
        format="multipart",
    )
    assert response.status_code == 200 and response.json()["rows"] == 1
    assert not Shipment.objects.exists()
    response = api.post(
        "/api/v1/shipment-imports/",
        {"file": SimpleUploadedFile("a.csv", data), "site": patentes.yard.pk, "dry_run": False},
        format="multipart",
    )
    assert response.status_code == 201 and response.json()["imported"] == 1
    response = api.post(
        "/api/v1/shipment-imports/",
        {"file": SimpleUploadedFile("a.csv", data), "site": patentes.yard.pk, "dry_run": False},
        format="multipart",
    )
    assert response.status_code == 400
    assert "already registered" in response.json()["errors"][0]["message"]


def test_badges_api(patentes, api_for):
    today = timezone.localdate()
    payload = {
        "holder_name": "Luis",
        "holder_kind": "dependiente",
        "aduana": "24",
        "badge_number": "NLD-1",
        "issued_on": (today - datetime.timedelta(days=5)).isoformat(),
        "expires_on": (today + datetime.timedelta(days=300)).isoformat(),
    }
    assert (
        api_for(patentes.sofia).post("/api/v1/customs-badges/", payload, format="json").status_code
        == 403
    )
    api = api_for(patentes.carla)
    response = api.post("/api/v1/customs-badges/", payload, format="json")
    assert response.status_code == 201, response.json()
    response = api.post("/api/v1/customs-badges/", payload, format="json")
    assert (
        response.status_code == 400
        and "already in the register" in response.json()["badge_number"][0]
    )
    badge = CustomsBadge.objects.get()
    response = api.patch(
        f"/api/v1/customs-badges/{badge.pk}/", {"status": "lost", "version": 1}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "lost"


def test_import_api_dry_run_then_import_the_checked_file_by_its_id(patentes, api_for):
    from resguardo.core.models import StagedImport

    api = api_for(patentes.alice)
    data = (
        f"pedimento,operation,mode,client,date\n{pedimento_for()},export,road,Uno,"
        f"20{year2()}-01-10\n"
    ).encode()
    checked = api.post(
        "/api/v1/shipment-imports/",
        {"file": SimpleUploadedFile("a.csv", data), "site": patentes.yard.pk},
        format="multipart",
    ).json()
    assert checked["staged_import"] and not Shipment.objects.exists()
    done = api.post(
        "/api/v1/shipment-imports/",
        {"staged_import": checked["staged_import"], "dry_run": False},
        format="multipart",
    )
    assert done.status_code == 201 and done.json()["imported"] == 1
    assert Shipment.objects.get().site == patentes.yard and not StagedImport.objects.exists()
