"""The anonymous channel: a per-site public link, a receipt code, nothing about the reporter,
and never another organization's data."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from resguardo.core.models import AuditEntry, RateWindow

from .. import services
from ..choices import IncidentSource, IncidentStatus
from ..models import Incident
from .factories import actor, reporting_link

pytestmark = pytest.mark.django_db

CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


def _send(link, client=None, **data):
    client = client or Client(REMOTE_ADDR="203.0.113.7")
    data.setdefault("description", "Un hombre sin gafete fotografía los sellos")
    return client.post(reverse("incidents_public:report", args=[link.token]), data)


def test_a_report_through_the_link_needs_no_account_and_gives_a_receipt(world):
    link = reporting_link(world)
    page = Client().get(reverse("incidents_public:report", args=[link.token]))
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    response = _send(link, location="Almacén de sellos")
    assert response.status_code == 200
    code = CODE.search(response.content.decode()).group(0)
    incident = Incident.objects.get()
    assert (incident.organization, incident.site) == (world.org, world.yard)
    assert incident.source == IncidentSource.ANONYMOUS
    assert incident.reporter is None
    assert code not in str(Incident.objects.values().get())  # only its hash is kept


def test_nothing_kept_names_the_reporter(world):
    link = reporting_link(world)
    _send(link)
    incident = Incident.objects.get()
    stored = str(list(Incident.objects.values())) + str(
        list(AuditEntry.objects.filter(organization=world.org).values())
    )
    assert "203.0.113.7" not in stored
    assert "203.0.113.7" not in str(list(RateWindow.objects.values()))
    assert incident.reporter_id is None


def test_the_receipt_shows_the_status_only(world):
    link = reporting_link(world)
    code = CODE.search(_send(link).content.decode()).group(0)
    status_url = reverse("incidents_public:status", args=[link.token])
    page = Client().post(status_url, {"code": code.lower().replace("-", " ")})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Received: the compliance officers have your report." in body
    assert "fotografía" not in body and "Patio Norte" not in body and "Norte" not in body
    Incident.objects.update(status=IncidentStatus.CLOSED, closed_at="2026-01-01T00:00Z")
    assert "Investigation closed." in Client().post(status_url, {"code": code}).content.decode()


def test_another_organizations_link_reaches_nothing_of_norte(world):
    norte_link = reporting_link(world)
    code = CODE.search(_send(norte_link).content.decode()).group(0)
    sur_link = services.reporting_link_create(
        actor=actor(world, world.oscar), site=world.other_site
    )
    response = Client().post(
        reverse("incidents_public:status", args=[sur_link.token]), {"code": code}
    )
    assert response.status_code == 400
    assert "No report has this receipt code." in response.content.decode()
    _send(sur_link, description="Reporte para Sur")
    assert Incident.objects.filter(organization=world.other_org).count() == 1
    assert Incident.objects.filter(organization=world.org).count() == 1


def test_an_unknown_or_revoked_link_shows_one_page_naming_nothing(world):
    link = reporting_link(world)
    services.reporting_link_revoke(actor=actor(world, world.carla), link=link)
    for token in (link.token, "not-a-token"):
        response = Client().get(reverse("incidents_public:report", args=[token]))
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
        assert "Norte" not in response.content.decode()
    assert _send(link).status_code == 404
    assert not Incident.objects.exists()


def test_an_empty_report_is_refused_clearly(world):
    response = _send(reporting_link(world), description="   ")
    assert response.status_code == 400
    assert "Write what you saw: the report cannot be empty." in response.content.decode()
    assert not Incident.objects.exists()


def test_an_oversized_photo_is_refused_and_nothing_is_kept(world, settings):
    settings.PHOTO_MAX_UPLOAD_MB = 1
    buffer = io.BytesIO()
    Image.effect_noise((900, 900), 100).convert("RGB").save(buffer, format="PNG")
    assert buffer.tell() > 1024 * 1024
    big = SimpleUploadedFile("grande.png", buffer.getvalue(), content_type="image/png")
    response = _send(reporting_link(world), photos=[big])
    assert response.status_code == 400
    assert "The photo is" in response.content.decode()
    assert "the limit is 1 MB" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_flood_from_one_address_is_refused(world, settings):
    settings.INCIDENT_ANONYMOUS_REPORTS_PER_HOUR = 2
    link = reporting_link(world)
    assert _send(link).status_code == 200
    assert _send(link).status_code == 200
    refused = _send(link)
    assert refused.status_code == 429
    assert "Too many reports from this connection" in refused.content.decode()
    assert _send(link, client=Client(REMOTE_ADDR="198.51.100.4")).status_code == 200
    assert Incident.objects.count() == 3


def test_the_anonymous_api_answers_the_receipt_code_only(world):
    from rest_framework.test import APIClient

    link = reporting_link(world)
    url = reverse("api:anonymous_report", args=[link.token])
    response = APIClient().post(url, {"description": "Caja abierta en el andén 2"}, format="json")
    assert response.status_code == 201
    assert set(response.json()) == {"receipt_code"}
    assert CODE.fullmatch(response.json()["receipt_code"])
    empty = APIClient().post(url, {"description": ""}, format="json")
    assert empty.status_code == 400
    assert "description" in str(empty.json())
    unknown = reverse("api:anonymous_report", args=["nope"])
    assert APIClient().post(unknown, {"description": "x"}, format="json").status_code == 404
