"""Staff and site managers: sofia (staff at the yard) never reaches the records of Norte's
office; only administrators manage the organization; site people cannot manage compliance."""

import pytest

from .roles import (
    OFFICE_MARKERS,
    is_self_service,
    office_url,
    tenant_rows,
)
from .walking import (
    leaked,
    request,
    route_url,
    signed_in,
    walkable_routes,
)


def test_staff_of_the_yard_cannot_reach_the_office_records(walk, office):
    sofia = signed_in(walk.sofia)
    alice = signed_in(walk.alice)
    problems = []
    reached = 0
    for route in walkable_routes():
        if route.name not in office.kwargs:
            continue
        url = office_url(route, office)
        reached += alice.get(url).status_code == 200  # the kwargs name live office records
        response = sofia.get(url)
        if response.status_code not in (403, 404, 405):
            problems.append(f"GET {url}: {response.status_code}, not 404")
        shown = leaked(response, OFFICE_MARKERS)
        if shown:
            problems.append(f"GET {url}: shows {shown}")
    assert not problems, "\n".join(problems)
    assert reached >= 20


HTMX = {"HTTP_HX_REQUEST": "true"}


def test_staff_lists_downloads_and_exports_hold_nothing_of_the_office(walk, office, api_for):
    sofia = signed_in(walk.sofia)
    api = api_for(walk.sofia)
    problems = []
    for route in walkable_routes():
        if route.kwarg_names - {"format"} or is_self_service(route):
            continue
        url = route_url(route, walk)
        client = api if route.is_api else sofia
        # Plainly, as the htmx partial, and asking for the office by a filter.
        for query, headers in (({}, {}), ({}, HTMX), ({"site": walk.office.pk}, HTMX)):
            response = client.get(url, query, **headers)
            shown = leaked(response, OFFICE_MARKERS)
            if shown:
                problems.append(f"GET {url} {query} {headers}: shows {shown}")
    assert not problems, "\n".join(problems)
    # The markers are there to be found: the administrator sees them in the same lists.
    alice = signed_in(walk.alice)
    for url in ("/shipments/", "/conveyance/lots/", "/conveyance/seals/"):
        assert leaked(alice.get(url), OFFICE_MARKERS), url


def test_staff_of_the_yard_cannot_change_the_office_records(walk, office):
    before = tenant_rows(walk.org)
    sofia = signed_in(walk.sofia)
    problems = []
    for route in walkable_routes():
        if route.name not in office.kwargs:
            continue
        url = office_url(route, office)
        methods = ("post", "put", "patch", "delete") if route.is_api else ("post",)
        for method in methods:
            response = request(sofia, method, url, route)
            if response.status_code not in (403, 404, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)


MANAGEMENT_PREFIXES = ("core:", "api:site-", "api:member-", "api:organization")


@pytest.mark.parametrize("persona", ["carla", "sam", "sofia"])
def test_only_administrators_manage_the_organization(walk, persona):
    before = tenant_rows(walk.org)
    sofia = signed_in(getattr(walk, persona))
    problems = []
    for route in walkable_routes():
        if is_self_service(route) or not route.name.startswith(MANAGEMENT_PREFIXES):
            continue
        url = route_url(route, walk)
        methods = ("post", "put", "patch", "delete") if route.is_api else ("post",)
        for method in methods:
            response = request(sofia, method, url, route)
            if response.status_code not in (403, 404, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)


# Writes that need MANAGE_COMPLIANCE (or APPROVE): assessments, evidence, audits, partners.
COMPLIANCE_ROUTE_PREFIXES = (
    "compliance:assessment_",
    "compliance:audit_",
    "compliance:finding_",
    "partners:",
    "api:assessment",
    "api:audit",
    "api:partner",
)


@pytest.mark.parametrize("persona", ["sam", "sofia"])
def test_site_people_cannot_manage_compliance(walk, persona):
    before = tenant_rows(walk.org)
    client = signed_in(getattr(walk, persona))
    problems = []
    checked = 0
    for route in walkable_routes():
        if is_self_service(route) or not route.name.startswith(COMPLIANCE_ROUTE_PREFIXES):
            continue
        checked += 1
        url = route_url(route, walk)
        methods = ("post", "put", "patch", "delete") if route.is_api else ("post",)
        for method in methods:
            response = request(client, method, url, route)
            if response.status_code not in (403, 404, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)
    assert checked >= 40
