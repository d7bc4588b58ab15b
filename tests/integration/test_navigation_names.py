"""The side menu names the eleven NEEC/OEA standards exactly as the NEEC catalog titles them,
in Spanish and in English."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.urls import reverse

import resguardo.standards

CATALOG = Path(resguardo.standards.__file__).parent / "libraries" / "neec-aa-2023.yaml"


def catalog_titles(language: str) -> dict[int, str]:
    library = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return {
        int(node["ref_id"]): node["title"][language]
        for node in library["nodes"]
        if "." not in node["ref_id"]
    }


def side_menu_titles(page: str) -> dict[int, str]:
    found = re.findall(r'<summary><span class="num">(\d+)</span>\s*([^<]+)</summary>', page)
    return {int(number): unescape(title).strip() for number, title in found}


@pytest.mark.parametrize("language, catalog_language", [("es-mx", "es"), ("en", "en")])
def test_side_menu_uses_the_catalog_names_of_the_standards(
    world, client_for, language, catalog_language
):
    client = client_for(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("core:dashboard")).content.decode()
    expected = catalog_titles(catalog_language)
    assert len(expected) == 11
    assert side_menu_titles(page) == expected
