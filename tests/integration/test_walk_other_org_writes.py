"""The tenancy walk: oscar (admin of the other organization, "Sur") changes nothing of Norte,
whose own admin reaches every object the walk names."""

from django.test import Client

from .walking import (
    PUBLIC_ROUTES,
    leaked,
    norte_snapshot,
    oscar_client,
    request,
    route_url,
    targets_norte_object,
    walkable_routes,
)


def test_other_organization_admin_cannot_change_norte(walk):
    before = norte_snapshot(walk)
    problems = []
    clients = [oscar_client(walk), oscar_client(walk, HTTP_X_ORGANIZATION=str(walk.org.pk))]
    for route in walkable_routes():
        url = route_url(route, walk)
        methods = ("post", "put", "patch", "delete") if route.is_api else ("post",)
        for method in methods:
            for client in clients:
                if client.session.get("_auth_user_id") != str(walk.oscar.pk):
                    client.force_login(walk.oscar)  # after the walk reached "sign out"
                response = request(client, method, url, route)
                shown = leaked(response, walk.markers)
                if shown:
                    problems.append(f"{method.upper()} {url}: shows {shown}")
                if (
                    targets_norte_object(route)
                    and route.name not in PUBLIC_ROUTES
                    and response.status_code not in (403, 404, 405)
                ):
                    problems.append(f"{method.upper()} {url}: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert norte_snapshot(walk) == before


def test_norte_admin_reaches_the_same_objects(walk):
    """The walk's kwargs really point at live objects: Norte's own admin opens them."""
    client = Client()
    client.force_login(walk.alice)
    for route in walkable_routes():
        if not targets_norte_object(route) or route.name in PUBLIC_ROUTES:
            continue
        response = client.get(route_url(route, walk))
        assert response.status_code in (200, 405), (route, response.status_code)
