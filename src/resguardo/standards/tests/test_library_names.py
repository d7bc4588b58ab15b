"""A library is named once with its version: "C-TPAT MSC 2019", never "C-TPAT MSC 2019 2019"
(the short names of C-TPAT, WCO SAFE and ISO 28000 already carry their year)."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from resguardo.standards import selectors
from resguardo.standards.services import libraries_load


def shown_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(text).split())


@pytest.fixture
def shipped(db):
    libraries_load()
    return {key: selectors.library_active(key) for key in ("neec-aa", "ctpat-msc", "wco-safe")}


@pytest.mark.parametrize(
    "language, names",
    [
        (
            "en",
            {
                "ctpat-msc": "C-TPAT MSC 2019-r2",
                "wco-safe": "WCO SAFE 2021-r2",
                "neec-aa": "NEEC/OEA Customs Agent 2023-r2",
            },
        ),
        (
            "es-mx",
            {
                "ctpat-msc": "C-TPAT MSC 2019-r2",
                "wco-safe": "Marco SAFE OMA 2021-r2",
                "neec-aa": "NEEC/OEA Agente Aduanal 2023-r2",
            },
        ),
    ],
)
def test_library_name_carries_its_version_once(shipped, language, names):
    with translation.override(language):
        assert {key: str(library) for key, library in shipped.items()} == names
        # the older C-TPAT version, whose short name carries the year, is named once too
        assert str(selectors.library_get("urn:resguardo:ctpat-msc:2019")) == "C-TPAT MSC 2019"


@pytest.mark.parametrize("language", ["en", "es-mx"])
def test_catalog_pages_never_print_the_year_twice(shipped, world, client_for, language):
    client = client_for(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pages = [
        reverse("standards:home"),
        reverse("standards:browse"),
        reverse("standards:requirement", kwargs={"urn": "urn:resguardo:ctpat-msc:2019:1.1"}),
        reverse("standards:requirement", kwargs={"urn": "urn:resguardo:neec-aa:2023:4.1"}),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = shown_text(response)
        for year in ("2019", "2021", "2022"):
            assert f"{year} {year}" not in text, (url, year)
            assert f"{year} ({year})" not in text, (url, year)
    browse = shown_text(client.get(reverse("standards:browse")))
    assert "C-TPAT MSC 2019-r2 " in browse
    assert re.search(r"NEEC/OEA (Customs Agent|Agente Aduanal) 2023", browse)
