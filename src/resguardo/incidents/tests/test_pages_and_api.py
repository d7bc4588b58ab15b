"""The officers' pages (statistics, notices, links and poster, categories) and the API."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from .. import services
from ..indicators import open_investigations
from ..models import Incident, ReportingLink
from .factories import category, png, report, reporting_link

pytestmark = pytest.mark.django_db


def test_statistics_draw_svg_by_category_site_and_month(world, client_for):
    report(world)
    report(world, user=world.carla, site=world.office, category=category(world.org, "pests"))
    page = client_for(world.carla).get(reverse("incidents:statistics"))
    body = page.content.decode()
    assert page.status_code == 200
    assert body.split("<main", 1)[1].count("<svg") == 3
    assert "Seal tampering or discrepancy" in body and "Pest contamination" in body
    assert "Oficina Norte" in body and "Patio Norte" in body
    assert timezone.localtime().strftime("%Y-%m") in body


def test_the_poster_carries_a_qr_code_of_the_public_link(world, client_for):
    link = reporting_link(world)
    page = client_for(world.carla).get(reverse("incidents:link_poster", args=[link.pk]))
    body = page.content.decode()
    assert "<svg" in body and link.token in body
    assert "Patio Norte" in body


def test_officers_create_and_revoke_links_from_the_pages(world, client_for):
    client = client_for(world.carla)
    response = client.post(reverse("incidents:link_create"), {"site": world.yard.pk})
    link = ReportingLink.objects.get(organization=world.org)
    assert response.url == reverse("incidents:link_poster", args=[link.pk])
    assert services.reporting_link_for_token(link.token) == link
    client.post(reverse("incidents:link_revoke", args=[link.pk]))
    link.refresh_from_db()
    assert not link.is_active and link.revoked_at is not None


def test_categories_are_seeded_and_configurable(world, client_for):
    client = client_for(world.carla)
    page = client.get(reverse("incidents:category_list")).content.decode()
    assert "Stowaways or human smuggling" in page
    pests = category(world.org, "pests")
    client.post(
        reverse("incidents:category_update", args=[pests.pk]),
        {"name": "Plagas en tarimas", "default_severity": "high", "is_active": "on"},
    )
    pests.refresh_from_db()
    assert (pests.name, pests.default_severity) == ("Plagas en tarimas", "high")
    incident = report(world, category=pests)
    assert incident.severity == "high"


def test_the_open_investigations_indicator_counts_old_open_cases(world):
    old = report(world)
    Incident.objects.filter(pk=old.pk).update(
        reported_at=timezone.now() - datetime.timedelta(days=45)
    )
    report(world)
    reading = open_investigations(world.org)
    assert (reading.value, reading.denominator) == (1, 2)


def test_the_api_lists_with_filters_in_constant_queries(
    world, api_for, django_assert_max_num_queries
):
    api = api_for(world.carla)
    for n in range(3):
        report(world, description=f"Incidente {n}")
    report(world, user=world.carla, site=world.office, category=category(world.org, "pests"))
    pests = category(world.org, "pests")
    with django_assert_max_num_queries(12):
        response = api.get(reverse("api:incident-list"), {"category": pests.pk, "status": "open"})
    assert [r["category_label"] for r in response.json()["results"]] == ["Pest contamination"]


def test_the_api_reports_and_closes(world, api_for):
    api = api_for(world.sofia)
    response = api.post(
        reverse("api:incident-list"),
        {
            "site": world.yard.pk,
            "category": category(world.org).pk,
            "description": "Caja con doble fondo",
            "photos": [png()],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    # Staff reported it but may not read or close the confidential file.
    assert api.get(reverse("api:incident-detail", args=[pk])).status_code == 404
    officer = api_for(world.carla)
    refused = officer.post(reverse("api:incident-close", args=[pk]), {}, format="json")
    assert refused.status_code == 400
    assert "State the root cause before closing." in str(refused.json())
    closed = officer.post(
        reverse("api:incident-close", args=[pk]),
        {"root_cause": "Compartimento oculto", "no_action_reason": "Lo atendió la autoridad"},
        format="json",
    )
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    notices = officer.get(reverse("api:incidentnotice-list"), {"incident": pk}).json()["results"]
    assert [n["recipient"] for n in notices] == ["oea_aviso"]


def test_staff_cannot_read_notices_or_links_through_the_api(world, api_for):
    report(world)
    reporting_link(world)
    api = api_for(world.sofia)
    assert api.get(reverse("api:incidentnotice-list")).status_code == 403
    assert api.get(reverse("api:reportinglink-list")).status_code == 403


def test_statistics_figures_count_closing_times_and_avisos_on_time(world):
    from ..choices import IncidentStatus, NoticeRecipient, NoticeStatus
    from ..models import Notice
    from ..selectors import statistics

    now = timezone.now()
    first, second, third = report(world), report(world), report(world)
    start = now - datetime.timedelta(days=10)
    Incident.objects.filter(pk__in=[first.pk, second.pk, third.pk]).update(reported_at=start)
    for incident, days in ((first, 2), (second, 4)):
        Incident.objects.filter(pk=incident.pk).update(
            status=IncidentStatus.CLOSED, closed_at=start + datetime.timedelta(days=days)
        )
    Notice.objects.filter(incident__in=[first, second, third]).delete()
    for incident, filed_hours in ((first, 12), (second, 30)):
        Notice.objects.create(
            organization=world.org,
            incident=incident,
            recipient=NoticeRecipient.OEA_AVISO,
            due_at=start + datetime.timedelta(hours=24),
            status=NoticeStatus.FILED,
            filed_at=start + datetime.timedelta(hours=filed_hours),
        )
    figures = statistics(membership=world.membership(world.carla))
    assert (figures["total"], figures["open"], figures["closed"]) == (3, 1, 2)
    assert figures["mean_days_to_close"] == pytest.approx(3.0)
    assert (figures["avisos_filed"], figures["avisos_on_time"]) == (2, 1)
    assert figures["mean_hours_to_notify"] == pytest.approx(21.0)
    assert dict(figures["by_month"])[timezone.localtime(start).strftime("%Y-%m")] >= 1
    assert sum(n for _month, n in figures["by_month"]) == 3
