"""Read-only catalog endpoints: any authenticated member; filters shared with the UI."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_anonymous_is_refused(mini_catalog):
    for path in ["frameworks", "libraries", "requirements", "mappings", "checklists"]:
        assert APIClient().get(f"/api/v1/{path}/").status_code in (401, 403)


def test_frameworks_and_libraries(world, api_for, mini_catalog):
    api = api_for(world.audrey)
    frameworks = _results(api.get("/api/v1/frameworks/"))
    assert [(f["key"], f["active_library"]) for f in frameworks] == [
        ("alpha", "urn:resguardo:alpha:1"),
        ("beta", "urn:resguardo:beta:1"),
    ]
    library = api.get("/api/v1/libraries/urn:resguardo:alpha:1/").json()
    assert library["node_count"] == 6 and library["is_active"] is True


def test_requirement_filters(world, api_for, mini_catalog):
    api = api_for(world.sofia)

    def refs(**params):
        return sorted(r["ref_id"] for r in _results(api.get("/api/v1/requirements/", params)))

    assert refs(framework="alpha", assessable="true") == ["1.1", "1.2", "2.1", "2.1.P1"]
    assert refs(library="urn:resguardo:beta:1", level="should") == ["A1.2"]
    assert refs(parent="urn:resguardo:alpha:1:1") == ["1.1", "1.2"]
    assert refs(framework="alpha", verified="false") == ["1.2"]
    assert refs(q="análisis") == ["1.1"]  # Spanish
    assert refs(q="documented assessment") == ["A1.1"]  # English
    detail = api.get("/api/v1/requirements/urn:resguardo:alpha:1:1.1/").json()
    assert detail["notes"][0]["en"] == "Describe the evaluation method."
    assert detail["parent"] == "urn:resguardo:alpha:1:1"


def test_mapping_filters(world, api_for, mini_catalog):
    api = api_for(world.oscar)  # another organization: the catalog is shared reference data
    rows = _results(api.get("/api/v1/mappings/", {"source": "urn:resguardo:alpha:1:1.1"}))
    assert {r["target"] for r in rows} == {
        "urn:resguardo:beta:1:A1.1",
        "urn:resguardo:beta:1:A1.2",
    }
    rows = _results(api.get("/api/v1/mappings/", {"target": "urn:resguardo:beta:1:B1.1"}))
    assert [(r["relationship"], r["strength"]) for r in rows] == [("subset", 2)]
    rows = _results(
        api.get("/api/v1/mappings/", {"mapping_set": "urn:resguardo:map:alpha-1:beta-1"})
    )
    assert len(rows) == 4
    assert _results(api.get("/api/v1/mappings/", {"mapping_set": "urn:nope"})) == []


def test_checklists(world, api_for, mini_catalog):
    rows = _results(api_for(world.sofia).get("/api/v1/checklists/", {"key": "box-3"}))
    assert [p["code"] for p in rows[0]["points"]] == ["1", "2", "3"]
    assert rows[0]["is_active"] is True
