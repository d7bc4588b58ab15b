"""The tenancy walk: oscar (admin of the other organization, "Sur") reads nothing of Norte."""

from .walking import (
    DISCOVERED,
    PUBLIC_ROUTES,
    USER_ROUTES,
    leaked,
    oscar_client,
    route_url,
    targets_norte_object,
    walkable_routes,
)


def test_other_organization_admin_sees_nothing_of_norte(walk):
    problems = []
    oscar = oscar_client(walk)  # GETs never sign out: one session serves the whole walk
    for route in walkable_routes():
        url = route_url(route, walk)
        response = oscar.get(url)
        if leaked(response, walk.markers):
            problems.append(f"GET {url}: shows {leaked(response, walk.markers)}")
        if targets_norte_object(route) and route.name not in PUBLIC_ROUTES:
            if response.status_code not in (403, 404, 405):
                problems.append(f"GET {url}: {response.status_code} for Norte's object")
        elif response.status_code >= 500:
            problems.append(f"GET {url}: server error {response.status_code}")
    assert not problems, "\n".join(problems)


def test_other_organization_admin_api_lists_hold_none_of_norte(walk):
    norte_ids = DISCOVERED.list_ids(walk)  # {list route: (field, Norte's ids)}
    checked = 0
    oscar = oscar_client(walk)
    for route in walkable_routes():
        if not (route.is_api and route.name.endswith("-list")):
            continue
        response = oscar.get(route_url(route, walk))
        assert response.status_code in (200, 403, 404), route
        assert not leaked(response, walk.markers), route
        if response.status_code != 200 or route.name not in norte_ids:
            continue
        payload = response.json()
        items = payload["results"] if isinstance(payload, dict) else payload
        field, ids = norte_ids[route.name]
        assert not {item[field] for item in items} & ids, route
        checked += 1
    assert checked >= 4  # sites, members, audit log, tokens (each with its format variant)


def test_other_organization_admin_naming_norte_in_the_header_is_refused(walk):
    problems = []
    oscar = oscar_client(walk, HTTP_X_ORGANIZATION=str(walk.org.pk))
    for route in walkable_routes():
        if route.name in PUBLIC_ROUTES:
            continue
        url = route_url(route, walk)
        response = oscar.get(url)
        if leaked(response, walk.markers):
            problems.append(f"GET {url} as Norte: shows {leaked(response, walk.markers)}")
        about_the_user_only = route.name in USER_ROUTES
        if route.is_api and not about_the_user_only and response.status_code != 403:
            problems.append(f"GET {url} as Norte: {response.status_code}, not 403")
    assert not problems, "\n".join(problems)
