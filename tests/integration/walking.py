"""The tenancy walk's machinery, shared by test_walk_*.py, test_roles_*.py and test_api_*.py.

Every URL pattern and API route of the project is tried by people who must not reach
organization Norte's data. The objects a URL can name come from each installed module's walk
fixtures (`walk=` in its ResguardoModule, see resguardo.testing.walk), discovered here: a new
module is walked as soon as it is installed.
"""

import io
import json
import zipfile
from dataclasses import dataclass

from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from resguardo.testing.walk import discover

LOGIN_PATH = "/accounts/login/"

DISCOVERED = discover()
# url name → function(walk) → kwargs pointing at Norte's objects.
URL_KWARGS = DISCOVERED.url_kwargs
# Routes whose kwargs name something every organization shares (not Norte's own data).
SHARED_OBJECT_ROUTES = DISCOVERED.shared_object_routes
# Genuinely public routes: reachable without signing in. Still checked for leaks.
PUBLIC_ROUTES = DISCOVERED.public_routes

# API routes about the signed-in user, outside any organization (no X-Organization check).
USER_ROUTES = {"api:me", "api:apitoken-list", "api:apitoken-detail"}

# A write payload that would change Norte's records if any view let it through.
HOSTILE_DATA = {
    "name": "Hacked by Sur",
    "legal_name": "Hacked by Sur",
    "short_name": "Hacked",
    "rfc": "XAXX010101000",
    "kind": "office",
    "aduana": "24",
    "address": "Hacked",
    "is_active": "",
    "role": "admin",
    "email": "oscar@sur.example.mx",
    "number": "9999",
    "version": "1",
    "organization": "",
    "language": "en",
    "expires_at": "",
}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    kwarg_names: frozenset

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")


def _join(*parts):
    return ":".join(p for p in parts if p) or None


def all_routes(resolver=None, prefix="", namespace=None, kwarg_names=frozenset()):
    """Every URL pattern of the project, with its namespaced name and the kwargs it takes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        names = kwarg_names | frozenset(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            yield from all_routes(
                entry, prefix + str(entry.pattern), _join(namespace, entry.namespace), names
            )
        else:
            name = _join(namespace, entry.name) if entry.name else None
            yield Route(name=name, pattern=prefix + str(entry.pattern), kwarg_names=names)


def walkable_routes():
    """Every named route whose kwargs the walk fixtures provide. The others are reported by
    test_every_pattern_is_named_and_has_kwargs_in_the_registry, and the walk goes on."""
    for route in all_routes():
        if route.name is None:
            continue
        if (route.kwarg_names - {"format"}) and route.name not in URL_KWARGS:
            continue
        yield route


def route_kwargs(route: Route, walk) -> dict:
    kwargs = dict(URL_KWARGS[route.name](walk)) if route.name in URL_KWARGS else {}
    if "format" in route.kwarg_names:  # DRF's format-suffix variant of a route
        kwargs["format"] = "json"
    return kwargs


def route_url(route: Route, walk) -> str:
    return reverse(route.name, kwargs=route_kwargs(route, walk) or None)


def targets_norte_object(route: Route) -> bool:
    return route.name in URL_KWARGS and route.name not in SHARED_OBJECT_ROUTES


def norte_snapshot(walk) -> dict:
    """Everything of Norte a hostile write could touch, as plain values (per module)."""
    return DISCOVERED.snapshot(walk)


def body_text(response) -> str:
    """What the response shows: pages, JSON, streamed exports, and the sheets of an .xlsx."""
    if getattr(response, "streaming", False):
        raw = b"".join(response.streaming_content)
    else:
        raw = response.content
    if raw[:2] == b"PK":  # a zip container (.xlsx, .docx): read its parts
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                return " ".join(
                    archive.read(n).decode(errors="replace") for n in archive.namelist()
                )
        except zipfile.BadZipFile:
            pass
    return raw.decode(errors="replace")


def leaked(response, markers) -> list[str]:
    body = body_text(response)
    return [marker for marker in markers if marker in body]


def oscar_client(walk, **headers) -> Client:
    client = Client(**headers)
    client.force_login(walk.oscar)
    return client


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def request(client, method, url, route):
    data = HOSTILE_DATA
    if route.is_api and method in ("post", "put", "patch"):
        return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")
    if method in ("put", "patch", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, data=data) if method == "post" else client.get(url)
