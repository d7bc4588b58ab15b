"""Control characters are stripped from what people type, in pages and the API (core.text)."""

import pytest
from django.urls import reverse

from resguardo.core.models import Site
from resguardo.core.text import clean_input, xlsx_row

pytestmark = pytest.mark.django_db


def test_a_form_post_arrives_without_control_characters(world, client_for):
    response = client_for(world.alice).post(
        reverse("core:site_create"),
        {
            "name": "Bodega\x07 Sur",
            "kind": "warehouse",
            "aduana": world.yard.aduana_id,
            "address": "Km 7\r\nCarretera\x1b 57\tlado norte",
        },
    )
    assert response.status_code == 302
    site = Site.objects.get(organization=world.org, name="Bodega Sur")
    assert site.address == "Km 7\r\nCarretera 57\tlado norte"  # line breaks and tabs stay


def test_an_api_body_arrives_without_control_characters(world, api_for):
    response = api_for(world.alice).post(
        "/api/v1/sites/",
        {"name": "Bodega\x00\x07 Este", "kind": "warehouse", "aduana": "24"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert Site.objects.filter(organization=world.org, name="Bodega Este").exists()
    response = api_for(world.alice).post(
        "/api/v1/sites/",
        {"name": "Bodega\x07 Oeste", "kind": "warehouse", "aduana": "24"},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    assert Site.objects.filter(organization=world.org, name="Bodega Oeste").exists()


def test_the_helpers_keep_tabs_and_line_breaks_and_other_values():
    assert clean_input({"a": ["x\x07y", 3], "b": "\t\n"}) == {"a": ["xy", 3], "b": "\t\n"}
    assert xlsx_row(["a\x0bb", 1, None]) == ["ab", 1, None]
