"""What each persona may see and change, in the UI and in the API alike."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from resguardo.core.models import Membership, Organization, Site

# persona → (edits organization/sites/members, sees audit log, sites seen)
PERSONAS = {
    "alice": {"manage": True, "audit": True, "sites": {"office", "yard"}},
    "carla": {"manage": False, "audit": True, "sites": {"office", "yard"}},
    "sam": {"manage": False, "audit": False, "sites": {"yard"}},
    "sofia": {"manage": False, "audit": False, "sites": {"yard"}},
    "audrey": {"manage": False, "audit": True, "sites": {"office", "yard"}},
}


def _status(ok: bool) -> int:
    return 200 if ok else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_ui_pages_per_role(world, client_for, persona):
    expect = PERSONAS[persona]
    client = client_for(getattr(world, persona))

    assert client.get(reverse("core:organization_settings")).status_code == _status(
        expect["manage"]
    )
    assert client.get(reverse("core:member_list")).status_code == _status(expect["manage"])
    assert client.get(reverse("core:site_create")).status_code == _status(expect["manage"])
    assert client.get(reverse("core:site_update", args=[world.yard.pk])).status_code == _status(
        expect["manage"]
    )
    assert client.get(reverse("core:audit_log")).status_code == _status(expect["audit"])

    dashboard = client.get(reverse("core:dashboard")).content.decode()
    for name, shown in [
        ("core:member_list", expect["manage"]),
        ("core:organization_settings", expect["manage"]),
        ("core:audit_log", expect["audit"]),
    ]:
        assert (f'href="{reverse(name)}"' in dashboard) is shown, name
    assert "Agencia Aduanal Norte, S.C." in dashboard


@pytest.mark.parametrize("persona", PERSONAS)
def test_site_list_is_limited_to_the_persona_sites(world, client_for, api_for, persona):
    expect = {getattr(world, key).name for key in PERSONAS[persona]["sites"]}
    hidden = {world.office.name, world.yard.name} - expect
    user = getattr(world, persona)

    page = client_for(user).get(reverse("core:site_list")).content.decode()
    for name in expect:
        assert name in page
    for name in hidden:
        assert name not in page

    api = api_for(user).get("/api/v1/sites/")
    assert api.status_code == 200
    assert {row["name"] for row in api.json()["results"]} == expect

    for key in ("office", "yard"):
        site = getattr(world, key)
        visible = key in PERSONAS[persona]["sites"]
        ui = client_for(user).get(reverse("core:site_detail", args=[site.pk]))
        assert ui.status_code == (200 if visible else 404)
        assert api_for(user).get(f"/api/v1/sites/{site.pk}/").status_code == (
            200 if visible else 404
        )


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_agrees_with_the_ui(world, api_for, persona):
    expect = PERSONAS[persona]
    api = api_for(getattr(world, persona))

    organization = api.get("/api/v1/organization/")
    assert organization.status_code == 200  # every member sees whom they work for
    assert organization.json()["legal_name"] == "Agencia Aduanal Norte, S.C."

    patch = api.patch("/api/v1/organization/", {"short_name": "Norte MX"}, format="json")
    assert patch.status_code == _status(expect["manage"])
    assert Organization.objects.get(pk=world.org.pk).short_name == (
        "Norte MX" if expect["manage"] else "Norte"
    )

    created = api.post(
        "/api/v1/sites/", {"name": "Bodega nueva", "kind": "warehouse", "aduana": "24"}
    )
    assert created.status_code == (201 if expect["manage"] else 403)
    assert Site.objects.filter(name="Bodega nueva").exists() is expect["manage"]

    edited = api.patch(f"/api/v1/sites/{world.yard.pk}/", {"address": "Km 13"}, format="json")
    assert edited.status_code == (200 if expect["manage"] else 403)

    assert api.get("/api/v1/members/").status_code == _status(expect["manage"])
    target = world.membership(world.sofia)
    role = api.post(f"/api/v1/members/{target.pk}/role/", {"role": "compliance"}, format="json")
    assert role.status_code == _status(expect["manage"])
    assert Membership.objects.get(pk=target.pk).role == (
        "compliance" if expect["manage"] else "staff"
    )

    assert api.get("/api/v1/audit-log/").status_code == _status(expect["audit"])


def test_auditor_is_read_only_in_the_ui(world, client_for):
    client = client_for(world.audrey)
    response = client.post(
        reverse("core:site_update", args=[world.yard.pk]),
        {"name": "Patio renombrado", "kind": "yard", "aduana": world.yard.aduana_id, "version": 1},
    )
    assert response.status_code == 403
    assert Site.objects.get(pk=world.yard.pk).name == "Patio Norte"
    site_page = client.get(reverse("core:site_detail", args=[world.yard.pk])).content.decode()
    assert reverse("core:site_update", args=[world.yard.pk]) not in site_page


def test_auditor_whose_access_expired_loses_access(world, client_for, api_for):
    api = api_for(world.audrey)  # token made while the access was still current
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Membership.objects.filter(user=world.audrey).update(expires_at=yesterday)

    client = client_for(world.audrey)
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 403
    page = dashboard.content.decode()
    assert "You are not a member of any organization" in page
    assert "Agencia Aduanal Norte, S.C." not in page
    for name in ("core:site_list", "core:audit_log"):
        assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse("core:site_detail", args=[world.yard.pk])).status_code == 403

    for url in ("/api/v1/organization/", "/api/v1/sites/", "/api/v1/audit-log/"):
        response = api.get(url)
        assert response.status_code == 403
        assert "Norte" not in response.content.decode()

    # Norte's admin sees the auditor as no longer active.
    members = client_for(world.alice).get(reverse("core:member_list")).content.decode()
    row = members[members.index("audrey@norte.example.mx") :].split("</tr>")[0]
    assert "Inactive" in row


def test_auditor_on_the_last_day_still_has_access(world, client_for):
    Membership.objects.filter(user=world.audrey).update(expires_at=timezone.localdate())
    assert client_for(world.audrey).get(reverse("core:audit_log")).status_code == 200
