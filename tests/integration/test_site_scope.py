"""“All sites” is an explicit choice: an empty site list never widens a member's access.

NEEC standard 3/9 (need-to-know): when an administrator takes the last site away from a site
manager or staff member, they must not end up seeing every site of the organization.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client
from django.urls import reverse

from resguardo.core import services
from resguardo.core.choices import Role
from resguardo.core.models import Invitation, Membership
from resguardo.shipments.tests.factories import ShipmentFactory
from resguardo.testing.factories import MembershipFactory, UserFactory

NEEDS_A_SITE = (
    "A site manager or staff member needs at least one site. Choose their sites, or tick "
    "“All sites” to give them every site of the organization."
)
NEEDS_A_SITE_ES = (
    "Un gerente de instalación o un miembro del personal operativo necesita al menos una "
    "instalación. Elija sus instalaciones, o marque “Todas las instalaciones” para darle "
    "acceso a todas las instalaciones de la organización."
)


def edit_membership(client, target, **data):
    fields = {"role": target.role, "is_active": "on", "version": target.version, **data}
    return client.post(reverse("core:membership_edit", args=[target.pk]), fields, follow=True)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def site_names_seen(world, user, api_for):
    page = signed_in(user).get(reverse("core:site_list")).content.decode()
    in_page = {s.name for s in (world.office, world.yard) if s.name in page}
    in_api = {row["name"] for row in api_for(user).get("/api/v1/sites/").json()["results"]}
    return in_page, in_api


def test_removing_the_last_site_is_refused(world, client_for, api_for):
    target = world.membership(world.sofia)
    response = edit_membership(client_for(world.alice), target, role="staff")
    assert response.status_code == 200
    assert "Membership saved." not in response.content.decode()
    assert NEEDS_A_SITE in response.content.decode()
    target.refresh_from_db()
    assert list(target.sites.all()) == [world.yard] and not target.all_sites
    # sofia still sees the yard only, not the office.
    assert site_names_seen(world, world.sofia, api_for) == ({"Patio Norte"}, {"Patio Norte"})


def test_removing_the_last_site_is_refused_in_spanish(world, client_for):
    admin = client_for(world.alice)
    admin.cookies["resguardo_language"] = "es-mx"
    page = edit_membership(admin, world.membership(world.sam), role="site_manager")
    assert NEEDS_A_SITE_ES in page.content.decode()
    form = admin.get(reverse("core:membership_edit", args=[world.membership(world.sam).pk]))
    assert "Todas las instalaciones" in form.content.decode()


def test_removing_the_last_site_through_the_api_is_refused(world, api_for):
    target = world.membership(world.sofia)
    response = api_for(world.alice).post(
        f"/api/v1/members/{target.pk}/role/", {"role": "staff", "sites": []}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["sites"] == [NEEDS_A_SITE]
    assert list(target.sites.all()) == [world.yard]


def test_ticking_all_sites_gives_every_site(world, client_for, api_for):
    target = world.membership(world.sofia)
    admin = client_for(world.alice)
    response = edit_membership(admin, target, role="staff", all_sites="on")
    assert "Membership saved." in response.content.decode()
    target.refresh_from_db()
    assert target.all_sites and not target.sites.exists()
    both = {"Oficina Norte", "Patio Norte"}
    assert site_names_seen(world, world.sofia, api_for) == (both, both)
    row = admin.get(reverse("core:member_list"), {"q": "sofia"}).content.decode()
    assert "All sites" in row


@pytest.fixture
def siteless(world):
    """A staff member left with no site and no “all sites” (e.g. data written around the form)."""
    user = UserFactory(email="sin.sitio@norte.example.mx", first_name="Sinsitio")
    MembershipFactory(user=user, organization=world.org, role=Role.STAFF)
    return user


def test_no_sites_and_not_all_sites_sees_no_site(world, siteless, api_for):
    shipment = ShipmentFactory(site=world.yard)
    client = signed_in(siteless)
    assert site_names_seen(world, siteless, api_for) == (set(), set())
    assert client.get(reverse("core:site_detail", args=[world.yard.pk])).status_code == 404
    api = api_for(siteless)
    assert api.get(f"/api/v1/sites/{world.yard.pk}/").status_code == 404
    assert shipment.pedimento not in client.get(reverse("shipments:shipment_list")).content.decode()
    assert api.get("/api/v1/shipments/").json()["results"] == []
    assert api.get(f"/api/v1/shipments/{shipment.pk}/").status_code == 404


def test_member_list_says_which_sites(world, siteless, client_for):
    page = client_for(world.alice).get(reverse("core:member_list")).content.decode()
    assert "<td>Patio Norte</td>" in page  # sam and sofia
    assert '<span class="badge badge-bad">No sites</span>' in page  # the siteless member
    assert "<td>All sites</td>" in page  # alice, carla, audrey: organization-wide by role


def test_invitation_needs_sites_or_all_sites(world, client_for):
    admin = client_for(world.alice)
    url = reverse("core:invitation_create")
    refused = admin.post(url, {"email": "nadie@norte.example.mx", "role": "staff"})
    assert NEEDS_A_SITE in refused.content.decode()
    assert not Invitation.objects.exists()

    admin.post(url, {"email": "todo@norte.example.mx", "role": "staff", "all_sites": "on"})
    assert Invitation.objects.get().all_sites
    token = re.search(r"/accounts/invitation/([^/\s]+)/", mail.outbox[0].body).group(1)
    user = UserFactory(email="todo@norte.example.mx")
    # Accepting carries the choice into the membership.
    membership = services.invitation_accept(user=user, token=token)
    assert membership.all_sites and not membership.sites.exists()


def test_migration_keeps_existing_access(world):
    migration = importlib.import_module("resguardo.core.migrations.0003_membership_all_sites")
    legacy_staff = MembershipFactory(organization=world.org, role=Role.STAFF)
    legacy_manager = MembershipFactory(organization=world.org, role=Role.SITE_MANAGER)
    invitation, _token = services.invitation_create(
        actor=world.actor(world.alice),
        email="pendiente@norte.example.mx",
        role=Role.STAFF,
        sites=[world.yard],
    )
    invitation.sites.clear()  # as an invitation sent before the change could be

    migration.keep_existing_access(apps, None)

    refreshed = {m.pk: m.all_sites for m in Membership.objects.filter(organization=world.org)}
    assert refreshed[legacy_staff.pk] and refreshed[legacy_manager.pk]
    assert not refreshed[world.membership(world.sofia).pk]  # has the yard: stays limited
    assert not refreshed[world.membership(world.sam).pk]
    assert not refreshed[world.membership(world.alice).pk]  # admins are organization-wide anyway
    assert Invitation.objects.get(pk=invitation.pk).all_sites


def test_all_sites_can_be_granted_and_read_through_the_api(world, api_for):
    target = world.membership(world.sofia)
    api = api_for(world.alice)
    response = api.post(
        f"/api/v1/members/{target.pk}/role/", {"role": "staff", "all_sites": True}, format="json"
    )
    assert response.status_code == 200, response.content
    target.refresh_from_db()
    assert target.all_sites and not target.sites.exists()
    listed = {row["id"]: row for row in api.get("/api/v1/members/").json()["results"]}
    assert listed[target.pk]["all_sites"] is True
    assert site_names_seen(world, world.sofia, api_for)[1] == {"Patio Norte", "Oficina Norte"}
