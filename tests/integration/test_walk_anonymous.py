"""The tenancy walk: an anonymous visitor, against organization Norte's data."""

from django.test import Client

from .walking import (
    LOGIN_PATH,
    PUBLIC_ROUTES,
    leaked,
    norte_snapshot,
    request,
    route_url,
    walkable_routes,
)


def test_anonymous_visitor_is_sent_to_sign_in_and_sees_nothing(walk):
    before = norte_snapshot(walk)
    problems = []
    for route in walkable_routes():
        url = route_url(route, walk)
        for method in ("get", "post"):
            response = request(Client(), method, url, route)
            if leaked(response, walk.markers):
                problems.append(f"{method.upper()} {url}: shows {leaked(response, walk.markers)}")
            if route.name in PUBLIC_ROUTES:
                continue
            if route.is_api:
                if response.status_code not in (401, 403):
                    problems.append(f"{method.upper()} {url}: {response.status_code}, not 401/403")
            elif response.status_code != 302 or not response["Location"].startswith(LOGIN_PATH):
                problems.append(
                    f"{method.upper()} {url}: {response.status_code} "
                    f"{response.get('Location', '')}, not a redirect to sign in"
                )
    assert not problems, "\n".join(problems)
    assert norte_snapshot(walk) == before
