"""Confidential by default: administrators and compliance officers read every incident;
others only once added to the case (or, for a non-confidential one, at their own sites)."""

import pytest
from django.urls import reverse

from .. import services
from .factories import actor, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(world):
    return report(world, user=world.alice, description="Conspiración interna en el patio")


def test_staff_cannot_read_a_confidential_incident(world, secret, client_for, api_for):
    sofia = client_for(world.sofia)
    assert (
        "Conspiración interna" not in sofia.get(reverse("incidents:incident_list")).content.decode()
    )
    assert sofia.get(reverse("incidents:incident_detail", args=[secret.pk])).status_code == 404
    api = api_for(world.sofia)
    assert api.get(reverse("api:incident-detail", args=[secret.pk])).status_code == 404
    assert api.get(reverse("api:incident-list")).json()["results"] == []
    evidence_list = api.get(reverse("api:incidentevidence-list")).json()["results"]
    assert evidence_list == []


def test_site_manager_and_auditor_do_not_see_it_either(world, secret, client_for):
    for user in (world.sam, world.audrey):
        client = client_for(user)
        assert client.get(reverse("incidents:incident_detail", args=[secret.pk])).status_code == 404


def test_officers_read_it(world, secret, client_for):
    for user in (world.alice, world.carla):
        page = client_for(user).get(reverse("incidents:incident_detail", args=[secret.pk]))
        assert page.status_code == 200
        assert "Conspiración interna" in page.content.decode()


def test_a_member_added_to_the_case_reads_it_and_loses_it_when_removed(world, secret, client_for):
    grant = services.access_grant(
        actor=actor(world, world.carla), incident=secret, user=world.sofia
    )
    sofia = client_for(world.sofia)
    url = reverse("incidents:incident_detail", args=[secret.pk])
    assert "Conspiración interna" in sofia.get(url).content.decode()
    services.access_revoke(actor=actor(world, world.carla), access=grant)
    assert sofia.get(url).status_code == 404


def test_a_non_confidential_incident_is_read_at_the_members_own_sites_only(world, client_for):
    carla = actor(world, world.carla)
    at_yard = report(world, user=world.carla, description="Plaga en tarimas del patio")
    at_office = report(world, user=world.carla, site=world.office, description="Plaga en oficina")
    for incident in (at_yard, at_office):
        services.incident_update(actor=carla, incident=incident, confidential=False)
    listing = client_for(world.sofia).get(reverse("incidents:incident_list")).content.decode()
    assert "Plaga en tarimas del patio" in listing
    assert "Plaga en oficina" not in listing


def test_staff_cannot_open_the_officer_pages(world, client_for):
    sofia = client_for(world.sofia)
    for name in ("notice_list", "statistics", "link_list", "category_list"):
        assert sofia.get(reverse(f"incidents:{name}")).status_code == 403


def test_another_organization_gets_404(world, secret, client_for):
    oscar = client_for(world.oscar)
    assert oscar.get(reverse("incidents:incident_detail", args=[secret.pk])).status_code == 404
    evidence_url = reverse("incidents:incident_close", args=[secret.pk])
    assert oscar.post(evidence_url, {"root_cause": "x", "no_action_reason": "x"}).status_code == 404
