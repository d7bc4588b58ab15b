"""No answer of the API is a server error: numbers no database column holds, bodies the schema
allows, and unexpected failures all answer JSON."""

import pytest

from resguardo.conveyance.tests.factories import shipment_at

HUGE = "99999999999999999999"
FILTERED_LISTS = [
    ("/api/v1/seals/", "shipment"),
    ("/api/v1/requirement-results/", "assessment"),
    ("/api/v1/inspections/", "shipment"),
    ("/api/v1/watchlist-entries/", "version"),
    ("/api/v1/screening-hits/", "partner"),
    ("/api/v1/audit-findings/", "audit"),
    ("/api/v1/partner-certifications/", "partner"),
    ("/api/v1/partner-questionnaires/", "partner"),
    ("/api/v1/shipment-documents/", "shipment"),
    ("/api/v1/seal-events/", "seal"),
    ("/api/v1/sites/", "aduana"),
]


@pytest.mark.parametrize(("url", "name"), FILTERED_LISTS, ids=[u for u, _n in FILTERED_LISTS])
@pytest.mark.parametrize("value", [HUGE, "-1.77e+191"])
def test_a_number_no_column_holds_answers_400_naming_the_filter(world, api_for, url, name, value):
    answer = api_for(world.alice).get(url, {name: value})
    if name == "aduana":  # a code, not a number: simply nothing matches
        assert answer.status_code == 200
        return
    assert answer.status_code == 400, answer.content
    assert list(answer.json()) == [name]


def test_the_list_page_ignores_a_number_no_column_holds(world, client_for):
    page = client_for(world.alice).get("/conveyance/seals/", {"shipment": HUGE})
    assert page.status_code == 200


def test_huge_ids_in_a_body_answer_400(world, api_for):
    api = api_for(world.alice)
    created = api.post(
        "/api/v1/internal-audits/",
        {"title": "Auditoría", "planned_date": "2026-12-01", "sites": [int(HUGE)]},
        format="json",
    )
    assert created.status_code == 400, created.content
    assert created["Content-Type"] == "application/json"


def test_a_site_without_kind_takes_the_default(world, api_for):
    answer = api_for(world.alice).post(
        "/api/v1/sites/", {"name": "Bodega Sur", "aduana": "24"}, format="json"
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["kind"]


def test_containers_without_kind_take_the_default(world, api_for):
    api = api_for(world.alice)
    shipment = api.get(f"/api/v1/shipments/{shipment_at(world.yard).pk}/").json()
    answer = api.patch(
        f"/api/v1/shipments/{shipment['id']}/",
        {"version": shipment["version"], "containers": [{"number": "MSKU6004170"}]},
        format="json",
    )
    assert answer.status_code == 200, answer.content
    assert [c["kind"] for c in answer.json()["containers"]] == ["dry"]


def test_an_unexpected_failure_under_the_api_answers_json(world, api_for, monkeypatch):
    from resguardo.core.api import endpoints

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(endpoints.SiteViewSet, "list", explode)
    api = api_for(world.alice)
    api.raise_request_exception = False
    answer = api.get("/api/v1/sites/")
    assert answer.status_code == 500
    assert answer["Content-Type"] == "application/json"
    assert "detail" in answer.json()
