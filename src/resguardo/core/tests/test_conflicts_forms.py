"""The shared edit-conflict handling of ServiceFormMixin, on a core form that shows it as form
errors: the second person keeps what they typed, sees who saved what, and can save again."""

import re

from django.test import Client
from django.urls import reverse

from resguardo.core.choices import Role
from resguardo.core.models import Site
from resguardo.testing.factories import MembershipFactory, UserFactory


def form_version(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["resguardo_language"] = "en"
    return client


def test_site_form_keeps_the_typed_name_and_saving_again_applies_it(world):
    bruno_user = UserFactory(email="bruno@norte.example.mx", first_name="Bruno", last_name="Ríos")
    MembershipFactory(user=bruno_user, organization=world.org, role=Role.ADMIN)
    alice, bruno = browser(world.alice), browser(bruno_user)
    url = reverse("core:site_update", args=[world.yard.pk])
    opened = form_version(bruno.get(url).content.decode())

    def form(name, version):
        return {"name": name, "kind": "yard", "aduana": world.yard.aduana_id, "version": version}

    assert alice.post(url, form("Patio Norte (Alice)", opened)).status_code == 302
    response = bruno.post(url, form("Patio Norte (Bruno)", opened))
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        f"Someone else changed this record after you opened it: {world.alice} saved it on" in body
    )
    assert "Stored now for Name: Patio Norte (Alice)" in body
    assert 'value="Patio Norte (Bruno)"' in body  # what Bruno typed is still in the form
    assert "reload" not in body
    assert Site.objects.get(pk=world.yard.pk).name == "Patio Norte (Alice)"

    version = form_version(body)
    assert int(version) == Site.objects.get(pk=world.yard.pk).version
    assert bruno.post(url, form("Patio Norte (Bruno)", version)).status_code == 302
    assert Site.objects.get(pk=world.yard.pk).name == "Patio Norte (Bruno)"
