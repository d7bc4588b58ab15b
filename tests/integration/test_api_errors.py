"""API answers an integrator relies on: error codes and bodies (in the caller's language),
optimistic concurrency on every versioned row, and files streamed as attachments only to the
organization and sites allowed to see them."""

import pytest
from rest_framework.test import APIClient

from resguardo.conveyance import services as conveyance_services
from resguardo.conveyance.tests import walk as conveyance_walk
from resguardo.conveyance.tests.factories import png
from resguardo.shipments.tests.factories import container_number


@pytest.fixture
def norte(world):
    """Norte's shipments and conveyance records, as the tenancy walk builds them."""
    return conveyance_walk.norte_records(world)


def test_without_a_token_the_api_answers_401_with_the_token_challenge(db):
    response = APIClient().get("/api/v1/shipments/", HTTP_ACCEPT_LANGUAGE="es-MX")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Las credenciales de autenticación no se proveyeron."}


def test_errors_name_the_field_and_speak_the_callers_language(world, api_for):
    api = api_for(world.carla)
    refused = api_for(world.audrey).post(
        "/api/v1/partners/", {"legal_name": "X"}, format="json", HTTP_ACCEPT_LANGUAGE="es-MX"
    )
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Su rol no permite esta acción."}
    invalid = api.post(
        "/api/v1/partners/", {"kind": "client"}, format="json", HTTP_ACCEPT_LANGUAGE="es-MX"
    )
    assert invalid.status_code == 400
    assert invalid.json() == {"legal_name": ["Este campo es requerido."]}
    bad_filter = api.get("/api/v1/partners/", {"status": "zzz"}, HTTP_ACCEPT_LANGUAGE="en")
    assert bad_filter.status_code == 400 and list(bad_filter.json()) == ["status"]


def test_another_organizations_record_answers_404(world, norte, api_for):
    oscar = api_for(world.oscar)
    for url in (
        f"/api/v1/shipments/{norte['shipment'].pk}/",
        f"/api/v1/seal-events/{norte['event'].pk}/photo/",
        f"/api/v1/inspections/{norte['inspection'].pk}/photos/1/",
    ):
        response = oscar.get(url)
        assert response.status_code == 404, url
        assert list(response.json()) == ["detail"]


def test_a_stale_partner_policy_version_answers_409(world, api_for):
    api = api_for(world.carla)
    api.patch("/api/v1/partner-policy/", {"review_months_high": 4}, format="json")
    read = api.get("/api/v1/partner-policy/").json()
    saved = api.patch(
        "/api/v1/partner-policy/",
        {"review_months_high": 5, "version": read["version"]},
        format="json",
    )
    assert saved.status_code == 200 and saved.json()["version"] == read["version"] + 1
    stale = api.patch(
        "/api/v1/partner-policy/",
        {"review_months_high": 3, "version": read["version"]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="es-MX",
    )
    assert stale.status_code == 409
    assert "modificó este registro después de que usted lo abrió" in stale.json()["detail"][0]
    assert api.get("/api/v1/partner-policy/").json()["review_months_high"] == 5


def test_seal_event_photo_streams_as_an_attachment(world, norte, api_for):
    response = api_for(world.alice).get(f"/api/v1/seal-events/{norte['event'].pk}/photo/")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_inspection_point_photo_streams_as_an_attachment_to_its_site_only(world, norte, api_for):
    url = f"/api/v1/inspections/{norte['inspection'].pk}/photos/1/"
    response = api_for(world.sofia).get(url)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    # A point without a photo, or a code the checklist does not have: 404.
    assert api_for(world.sofia).get(url.replace("/1/", "/2/")).status_code == 404
    assert api_for(world.sofia).get(url.replace("/1/", "/99/")).status_code == 404
    at_office = conveyance_services.inspection_record(
        actor=world.actor(world.alice),
        checklist_key="container-7",
        site=world.office,
        place="Oficina",
        signed_name="Alice",
        unit_number=container_number(),
        results=[{"code": str(c), "passed": True, "photo": png()} for c in range(1, 8)],
    )
    office_url = f"/api/v1/inspections/{at_office.pk}/photos/1/"
    assert api_for(world.alice).get(office_url).status_code == 200
    assert api_for(world.sofia).get(office_url).status_code == 404  # staff of the yard only


def test_a_site_update_checks_the_version_it_is_given(world, api_for):
    api = api_for(world.alice)
    url = f"/api/v1/sites/{world.yard.pk}/"
    read = api.get(url).json()
    garbled = api.patch(url, {"name": "Patio 2", "version": "abc"}, format="json")
    assert garbled.status_code == 400 and list(garbled.json()) == ["version"]
    saved = api.patch(url, {"name": "Patio 2", "version": read["version"]}, format="json")
    assert saved.status_code == 200 and saved.json()["version"] == read["version"] + 1
    stale = api.patch(url, {"name": "Patio 3", "version": read["version"]}, format="json")
    assert stale.status_code == 409 and list(stale.json()) == ["detail"]
    assert api.get(url).json()["name"] == "Patio 2"


@pytest.mark.parametrize("endpoint", ["seal-events", "inspections"])
def test_an_unknown_export_format_answers_400_naming_the_parameter(world, api_for, endpoint):
    api = api_for(world.alice)
    refused = api.get(f"/api/v1/{endpoint}/export/", {"file_format": "pdf"})
    assert refused.status_code == 400 and list(refused.json()) == ["file_format"]
    assert api.get(f"/api/v1/{endpoint}/export/", {"file_format": "xlsx"}).status_code == 200
