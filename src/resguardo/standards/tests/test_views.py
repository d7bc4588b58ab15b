"""Catalog pages: what a signed-in member sees, in both languages, in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from resguardo.standards.services import libraries_load

from .helpers import dump, generated_framework, generated_mapping_set

pytestmark = pytest.mark.django_db

ALPHA = "urn:resguardo:alpha:1"


def _en(client):
    client.cookies["resguardo_language"] = "en"
    return client


def test_catalog_pages_need_sign_in(client, mini_catalog):
    for url in [
        reverse("standards:home"),
        reverse("standards:browse"),
        reverse("standards:requirement", args=[f"{ALPHA}:1.1"]),
        reverse("standards:crosswalk"),
        reverse("standards:diff"),
        reverse("standards:oscal", args=[ALPHA]),
        reverse("standards:checklists"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_any_member_reads_the_catalog_including_other_organizations(
    world, client_for, mini_catalog
):
    for user in (world.sofia, world.audrey, world.oscar):
        response = client_for(user).get(reverse("standards:home"))
        assert response.status_code == 200
        assert "Alfa" in response.content.decode()


def test_home_lists_frameworks_versions_and_nav_link(world, client_for, mini_catalog):
    body = _en(client_for(world.sofia)).get(reverse("standards:home")).content.decode()
    assert "Version 1" in body and "active" in body
    assert "Alpha 1 to Beta 1" in body
    assert f'href="{reverse("standards:home")}" class="nav-top">Standards catalog</a>' in body


def test_browse_shows_tree_with_mapping_chips(world, client_for, mini_catalog):
    body = (
        _en(client_for(world.sofia))
        .get(reverse("standards:browse"), {"library": ALPHA})
        .content.decode()
    )
    assert "Risk assessment" in body
    assert "<details" in body
    assert "BETA A1.1" in body  # chip of the mapped beta requirement
    assert "unverified" in body  # 1.2 is unverified


@pytest.mark.parametrize("query", ["metodología", "evaluation method", "METODOLOGIA"])
def test_browse_search_in_both_languages(world, client_for, mini_catalog, query):
    response = _en(client_for(world.sofia)).get(
        reverse("standards:browse"), {"q": query, "library": ALPHA}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "1 requirement matches." in body
    assert "Risk assessment" in body
    assert "Perimeter fences" not in body
    assert "<html" not in body  # htmx gets the partial


def test_browse_filters_by_level_and_verified(world, client_for, mini_catalog):
    client = _en(client_for(world.sofia))
    body = client.get(reverse("standards:browse"), {"level": "should"}).content.decode()
    assert "Security policy" in body and "Perimeter fences" not in body
    body = client.get(reverse("standards:browse"), {"verified": "false"}).content.decode()
    assert "Security policy" in body and "Risk assessment" not in body


def test_requirement_page_in_both_languages(world, client_for, mini_catalog):
    url = reverse("standards:requirement", args=[f"{ALPHA}:1.1"])
    client = client_for(world.sofia)
    body = client.get(url).content.decode()  # default language: Spanish
    assert "Análisis de riesgo" in body
    assert "Describir la metodología de evaluación." in body
    assert "Matriz firmada" in body
    assert "risks.assessment_age" in body
    body = _en(client).get(url).content.decode()
    assert "Risk assessment" in body and "Describe the evaluation method." in body
    # mappings side by side, read from this requirement's side
    assert "Documented assessment" in body and "Superset" in body
    assert "Both ask for a documented assessment." in body
    assert "Strength 5/5" in body


def test_requirement_page_shows_unverified_badge_and_applicability(world, client_for, mini_catalog):
    client = _en(client_for(world.sofia))
    body = client.get(reverse("standards:requirement", args=[f"{ALPHA}:1.2"])).content.decode()
    assert 'data-testid="unverified"' in body
    body = client.get(reverse("standards:requirement", args=[f"{ALPHA}:2.1.P1"])).content.decode()
    assert "only: Yard" in body


def test_requirement_page_shows_mapping_from_target_side(world, client_for, mini_catalog):
    url = reverse("standards:requirement", args=["urn:resguardo:beta:1:B1.1"])
    body = _en(client_for(world.sofia)).get(url).content.decode()
    assert "Perimeter fences" in body
    assert "Superset" in body  # alpha 2.1 is a subset of B1.1: B1.1 is a superset of it


def test_unknown_requirement_is_404(world, client_for, mini_catalog):
    url = reverse("standards:requirement", args=["urn:resguardo:alpha:1:99"])
    assert client_for(world.sofia).get(url).status_code == 404


def test_crosswalk_heat_grid_and_cell_detail(world, client_for, mini_catalog):
    client = _en(client_for(world.sofia))
    body = client.get(reverse("standards:crosswalk")).content.decode()
    assert 'data-testid="heat-grid"' in body
    assert "heat-4" in body or "heat-3" in body  # alpha 1 x beta A1: 2 mappings, strength 8
    assert "Fully covered" in body and "nothing maps to it" in body  # the rule is documented
    response = client.get(
        reverse("standards:crosswalk"),
        {
            "set": "urn:resguardo:map:alpha-1:beta-1",
            "row": f"{ALPHA}:1",
            "col": "urn:resguardo:beta:1:A1",
        },
        HTTP_HX_REQUEST="true",
    )
    cell = response.content.decode()
    assert "Documented assessment" in cell and "Yearly review" in cell
    assert "<html" not in cell


def test_diff_page(world, client_for, mini_catalog):
    fixture_dir = mini_catalog
    from .helpers import fixture_dir as copy_fixtures

    copy_fixtures(fixture_dir.parent, "alpha-2.yaml")
    libraries_load(directory=fixture_dir)
    body = (
        _en(client_for(world.sofia))
        .get(reverse("standards:diff"), {"old": ALPHA, "new": "urn:resguardo:alpha:2"})
        .content.decode()
    )
    assert "1 added, 1 removed, 1 changed, 4 unchanged." in body
    assert "Internal audits" in body


def test_diff_page_asks_to_choose_versions_in_words(world, client_for, mini_catalog):
    body = _en(client_for(world.sofia)).get(reverse("standards:diff")).content.decode()
    assert body.count(">Choose a version</option>") == 2
    assert "---------" not in body


def test_checklists_page(world, client_for, mini_catalog):
    body = _en(client_for(world.sofia)).get(reverse("standards:checklists")).content.decode()
    assert "3-point box" in body and "Tap for hollow spots." in body


def test_oscal_download(world, client_for, mini_catalog):
    response = client_for(world.sofia).get(reverse("standards:oscal", args=[ALPHA]), {"lang": "es"})
    assert response.status_code == 200
    assert 'filename="alpha-1-oscal-es.json"' in response["Content-Disposition"]
    assert response.json()["catalog"]["metadata"]["title"] == "Marco Alfa"


def _browse_queries(client, library_urn) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("standards:browse"), {"library": library_urn})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_browse_tree_with_mappings_in_constant_queries(world, client_for, tmp_path):
    small_source, small_target = (
        generated_framework("s", "1", 30),
        generated_framework("t", "1", 30),
    )
    big_source, big_target = generated_framework("s", "2", 300), generated_framework("t", "2", 300)
    folder = tmp_path / "gen"
    folder.mkdir()
    for data in (small_source, small_target, big_source, big_target):
        dump(folder / f"{data['framework']}-{data['version']}.yaml", data)
    dump(folder / "map-1.yaml", generated_mapping_set(small_source, small_target, 10))
    dump(folder / "map-2.yaml", generated_mapping_set(big_source, big_target, 200))
    libraries_load(directory=folder)
    client = client_for(world.sofia)
    client.get(reverse("standards:browse"))  # the first page after sign-in writes the session
    small, small_body = _browse_queries(client, small_source["urn"])
    big, big_body = _browse_queries(client, big_source["urn"])
    assert big_body.count('class="chip') > small_body.count('class="chip') > 0
    assert big == small


def test_full_neec_tree_query_budget(world, client_for, django_assert_max_num_queries):
    libraries_load()  # the shipped libraries
    client = client_for(world.sofia)
    with (
        translation.override("en"),
        django_assert_max_num_queries(15),
    ):  # one is the notification bell
        response = client.get(reverse("standards:browse"), {"framework": "neec-aa"})
    assert response.status_code == 200
