"""A user in two organizations switches between them; nobody switches into a stranger's."""

import pytest
from django.urls import reverse

from resguardo.core.choices import Role
from resguardo.testing.factories import MembershipFactory

NORTE = "Agencia Aduanal Norte, S.C."
SUR = "Agencia Aduanal Sur, S.C."


@pytest.fixture
def alice_in_both(world):
    MembershipFactory(
        user=world.alice, organization=world.other_org, role=Role.STAFF, all_sites=True
    )
    return world.alice


def test_switching_shows_the_other_organization(world, alice_in_both, client_for):
    client = client_for(alice_in_both)
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert f"<h1>{NORTE}</h1>" in dashboard
    assert f'value="{world.other_org.pk}"' in dashboard  # the switcher offers Sur

    response = client.post(
        reverse("core:org_switch"), {"organization": world.other_org.pk}, follow=True
    )
    page = response.content.decode()
    assert f"<h1>{SUR}</h1>" in page
    assert "You are now working in Sur." in page
    sites = client.get(reverse("core:site_list")).content.decode()
    assert "Oficina Sur" in sites and "Patio Norte" not in sites
    alice_in_both.refresh_from_db()
    assert alice_in_both.active_organization == world.other_org

    # The choice is remembered in a new session too.
    again = client_for(alice_in_both).get(reverse("core:dashboard")).content.decode()
    assert f"<h1>{SUR}</h1>" in again


def test_switching_to_an_organization_you_are_not_in_is_refused(world, client_for):
    client = client_for(world.oscar)
    response = client.post(reverse("core:org_switch"), {"organization": world.org.pk}, follow=True)
    page = response.content.decode()
    assert "You are not a member of that organization." in page
    assert f"<h1>{SUR}</h1>" in page and NORTE not in page
    world.oscar.refresh_from_db()
    assert world.oscar.active_organization_id is None


def test_switching_to_an_expired_membership_is_refused(world, alice_in_both, client_for):
    world.alice.memberships.filter(organization=world.other_org).update(is_active=False)
    client = client_for(alice_in_both)
    response = client.post(
        reverse("core:org_switch"), {"organization": world.other_org.pk}, follow=True
    )
    assert "You are not a member of that organization." in response.content.decode()
    assert f"<h1>{NORTE}</h1>" in response.content.decode()


def test_x_organization_header_picks_the_organization(world, alice_in_both, api_for):
    default = api_for(alice_in_both).get("/api/v1/organization/")
    assert default.json()["legal_name"] == NORTE
    sur = api_for(alice_in_both, organization=world.other_org)
    assert sur.get("/api/v1/organization/").json()["legal_name"] == SUR
    names = {row["name"] for row in sur.get("/api/v1/sites/").json()["results"]}
    assert names == {"Oficina Sur"}
    # Staff in Sur: the header also picks the role (no member list there).
    assert sur.get("/api/v1/members/").status_code == 403


def test_x_organization_header_for_an_organization_you_are_not_in_is_403(world, api_for):
    api = api_for(world.oscar, organization=world.org)
    for url in ("/api/v1/organization/", "/api/v1/sites/", f"/api/v1/sites/{world.yard.pk}/"):
        response = api.get(url)
        assert response.status_code == 403
        assert NORTE not in response.content.decode()
        assert "Patio Norte" not in response.content.decode()


def test_x_organization_header_that_is_not_an_id_is_403(world, api_for):
    api = api_for(world.alice)
    api.credentials(
        HTTP_AUTHORIZATION=api._credentials["HTTP_AUTHORIZATION"], HTTP_X_ORGANIZATION="norte"
    )
    assert api.get("/api/v1/organization/").status_code == 403
