"""A member's report from a phone: it reaches the compliance officers, starts the aviso clock,
keeps the photos, and lands in the confidential file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resguardo.core.models import Notification

from ..choices import NoticeRecipient
from ..models import Evidence, Incident
from .factories import category, png, report

pytestmark = pytest.mark.django_db


def test_staff_reports_from_the_phone_form_with_photos(world, client_for, settings):
    client = client_for(world.sofia)
    page = client.get(reverse("incidents:incident_report"))
    assert page.status_code == 200
    assert 'capture="environment"' in page.content.decode()
    response = client.post(
        reverse("incidents:incident_report"),
        {
            "site": world.yard.pk,
            "category": category(world.org).pk,
            "description": "Sello con marcas de pinza en la caja 53",
            "location": "Andén 3",
            "references": "Sello HS-1234\nMSKU 907032-3",
            "photos": [png("a.png"), png("b.png")],
        },
        follow=True,
    )
    assert response.status_code == 200
    incident = Incident.objects.get(organization=world.org)
    assert (
        f"Report {incident.reference} sent to the compliance officers" in response.content.decode()
    )
    assert incident.reporter == world.sofia
    assert incident.confidential
    assert Evidence.objects.filter(incident=incident).count() == 2
    assert all(len(e.sha256) == 64 for e in Evidence.objects.filter(incident=incident))
    aviso = incident.notices.get(recipient=NoticeRecipient.OEA_AVISO)
    assert aviso.due_at == incident.reported_at + datetime.timedelta(
        days=settings.INCIDENT_AVISO_DAYS
    )


def test_the_report_reaches_the_compliance_officers_only(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        incident = report(world)
    told = set(
        Notification.objects.filter(key=f"incidents.reported:{incident.pk}").values_list(
            "user__email", flat=True
        )
    )
    assert told == {"carla@norte.example.mx"}


def test_an_empty_report_is_refused_naming_the_field(world):
    with pytest.raises(ValidationError) as error:
        report(world, description="   ")
    assert "description" in error.value.error_dict
    assert not Incident.objects.exists()


def test_staff_cannot_report_for_a_site_they_do_not_belong_to(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        report(world, site=world.office)
