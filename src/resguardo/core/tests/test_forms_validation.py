"""Bad input on organization, site and member forms: a clear error in the form and the API,
and nothing saved. Concurrent edits: the second save is refused, not silently merged."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from resguardo.core.choices import Role
from resguardo.core.models import Organization, Site
from resguardo.core.validators import rfc_check_digit
from resguardo.testing.factories import MembershipFactory, UserFactory, valid_rfc

CONFLICT = "Someone else changed this record after you opened it"


def wrong_digit(rfc: str) -> str:
    right = rfc_check_digit(rfc)
    return rfc[:-1] + ("1" if right != "1" else "2")


def org_form(world, **changes):
    data = {
        "legal_name": world.org.legal_name,
        "short_name": "Norte",
        "rfc": world.org.rfc,
        "version": world.org.version,
    }
    data.update(changes)
    return data


def form_version(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html).group(1)


# RFC -----------------------------------------------------------------------------------------


def test_rfc_with_a_bad_format_is_refused_in_the_form(world, client_for):
    response = client_for(world.alice).post(
        reverse("core:organization_settings"), org_form(world, rfc="NORTE-123")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "is not a valid RFC" in body
    assert Organization.objects.get(pk=world.org.pk).rfc == world.org.rfc


def test_rfc_with_a_wrong_check_digit_is_refused_in_the_form(world, client_for):
    bad = wrong_digit(valid_rfc())
    response = client_for(world.alice).post(
        reverse("core:organization_settings"), org_form(world, rfc=bad)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "has a wrong check digit: expected" in body
    assert f"expected {rfc_check_digit(bad)}" in body
    assert Organization.objects.get(pk=world.org.pk).rfc == world.org.rfc


def test_a_valid_rfc_is_saved_in_upper_case(world, client_for):
    rfc = valid_rfc()
    response = client_for(world.alice).post(
        reverse("core:organization_settings"), org_form(world, rfc=rfc.lower())
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=world.org.pk).rfc == rfc


@pytest.mark.parametrize(
    ("rfc", "message"),
    [("NORTE-123", "is not a valid RFC"), ("wrong-digit", "wrong check digit")],
)
def test_rfc_errors_in_the_api(world, api_for, rfc, message):
    if rfc == "wrong-digit":
        rfc = wrong_digit(valid_rfc())
    response = api_for(world.alice).patch("/api/v1/organization/", {"rfc": rfc}, format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()["rfc"])
    assert Organization.objects.get(pk=world.org.pk).rfc == world.org.rfc


def test_rfc_of_another_organization_is_refused(world, api_for):
    response = api_for(world.alice).patch(
        "/api/v1/organization/", {"rfc": world.other_org.rfc}, format="json"
    )
    assert response.status_code == 400
    assert "rfc" in response.json()


# Aduana ----------------------------------------------------------------------------------------


def test_unknown_aduana_code_in_the_api_names_aduana(world, api_for):
    response = api_for(world.alice).post(
        "/api/v1/sites/", {"name": "Bodega X", "kind": "warehouse", "aduana": "99"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["aduana"]
    assert "99" in response.json()["aduana"][0]
    assert not Site.objects.filter(name="Bodega X").exists()


def test_unknown_aduana_in_the_form_is_refused(world, client_for):
    response = client_for(world.alice).post(
        reverse("core:site_create"), {"name": "Bodega X", "kind": "warehouse", "aduana": "999999"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Site.objects.filter(name="Bodega X").exists()


def test_duplicate_site_name_is_refused(world, client_for, api_for):
    response = client_for(world.alice).post(
        reverse("core:site_create"),
        {"name": "Patio Norte", "kind": "yard", "aduana": world.yard.aduana_id},
    )
    assert response.status_code == 200
    assert "A site with this name already exists." in response.content.decode()
    api = api_for(world.alice).post(
        "/api/v1/sites/", {"name": "Patio Norte", "kind": "yard", "aduana": "24"}, format="json"
    )
    assert api.status_code == 400 and "name" in api.json()
    assert Site.objects.filter(organization=world.org, name="Patio Norte").count() == 1


def test_patente_must_have_four_digits(world, client_for):
    client = client_for(world.alice)
    response = client.post(reverse("core:patente_add"), {"number": "39A1"}, follow=True)
    assert "A patente number has exactly 4 digits" in response.content.decode()
    assert not world.org.patentes.exists()


# Concurrent edits --------------------------------------------------------------------------------


@pytest.fixture
def second_admin(world):
    user = UserFactory(email="bruno@norte.example.mx")
    MembershipFactory(user=user, organization=world.org, role=Role.ADMIN)
    return user


def test_second_save_of_a_site_sees_the_conflict_and_is_not_saved(world, second_admin):
    alice, bruno = Client(), Client()
    alice.force_login(world.alice)
    bruno.force_login(second_admin)
    url = reverse("core:site_update", args=[world.yard.pk])
    alice_version = form_version(alice.get(url).content.decode())
    bruno_version = form_version(bruno.get(url).content.decode())
    assert alice_version == bruno_version == "1"

    def form(name, version):
        return {"name": name, "kind": "yard", "aduana": world.yard.aduana_id, "version": version}

    first = alice.post(url, form("Patio Norte (Alice)", alice_version))
    assert first.status_code == 302
    second = bruno.post(url, form("Patio Norte (Bruno)", bruno_version))
    assert second.status_code == 200
    assert CONFLICT in second.content.decode()
    site = Site.objects.get(pk=world.yard.pk)
    assert (site.name, site.version) == ("Patio Norte (Alice)", 2)

    # Reloading shows Alice's version; saving from there works.
    reloaded = bruno.get(url).content.decode()
    assert "Patio Norte (Alice)" in reloaded
    third = bruno.post(url, form("Patio Norte (Bruno)", form_version(reloaded)))
    assert third.status_code == 302
    assert Site.objects.get(pk=world.yard.pk).name == "Patio Norte (Bruno)"


def test_second_save_of_the_organization_sees_the_conflict(world, second_admin, client_for):
    bruno = Client()
    bruno.force_login(second_admin)
    url = reverse("core:organization_settings")
    stale = form_version(bruno.get(url).content.decode())
    client_for(world.alice).post(url, org_form(world, legal_name="Norte Uno, S.C."))
    response = bruno.post(url, org_form(world, legal_name="Norte Dos, S.C.", version=stale))
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert Organization.objects.get(pk=world.org.pk).legal_name == "Norte Uno, S.C."


def test_api_answers_409_to_a_stale_version(world, second_admin, api_for):
    alice, bruno = api_for(world.alice), api_for(second_admin)
    url = f"/api/v1/sites/{world.yard.pk}/"
    version = bruno.get(url).json()["version"]
    first = alice.patch(url, {"address": "Km 1", "version": version}, format="json")
    assert first.status_code == 200
    response = bruno.patch(url, {"address": "Km 2", "version": version}, format="json")
    assert response.status_code == 409
    assert CONFLICT in str(response.json())
    assert Site.objects.get(pk=world.yard.pk).address == "Km 1"

    org_version = world.org.version
    first_org = alice.patch(
        "/api/v1/organization/", {"short_name": "N1", "version": org_version}, format="json"
    )
    assert first_org.status_code == 200
    stale = bruno.patch(
        "/api/v1/organization/", {"short_name": "N2", "version": org_version}, format="json"
    )
    assert stale.status_code == 409
    assert Organization.objects.get(pk=world.org.pk).short_name == "N1"
