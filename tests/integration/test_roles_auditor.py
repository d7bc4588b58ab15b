"""The auditor (audrey, read-only): every write is refused and changes nothing; an auditor
whose access has expired gets nothing at all."""

import datetime
import re

from django.urls import Resolver404, resolve
from django.utils import timezone

from resguardo.core.models import Membership

from .roles import (
    SELF_SERVICE_ROUTES,
    is_self_service,
    tenant_rows,
)
from .walking import (
    body_text,
    leaked,
    request,
    route_url,
    signed_in,
    walkable_routes,
)


def test_auditor_cannot_write_anywhere_and_nothing_changes(walk):
    before = tenant_rows(walk.org)
    audrey = signed_in(walk.audrey)
    problems = []
    for route in walkable_routes():
        if is_self_service(route):
            continue
        url = route_url(route, walk)
        methods = ("post", "put", "patch", "delete") if route.is_api else ("post",)
        for method in methods:
            response = request(audrey, method, url, route)
            if response.status_code not in (403, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}, not 403")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)


def test_auditor_api_token_cannot_write_either(walk, api_for):
    before = tenant_rows(walk.org)
    api = api_for(walk.audrey)
    problems = []
    for route in walkable_routes():
        if not route.is_api or is_self_service(route):
            continue
        url = route_url(route, walk)
        for method in ("post", "put", "patch", "delete"):
            response = getattr(api, method)(url, data={"name": "Auditor"}, format="json")
            if response.status_code not in (403, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}, not 403")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)


WRITE_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>", re.IGNORECASE)
ACTION = re.compile(r"\baction=\"([^\"]*)\"")
HX_WRITE = re.compile(r"\bhx-(?:post|put|patch|delete)=\"([^\"]*)\"")


def write_targets(html: str, page_url: str) -> set[str]:
    targets = set()
    for form in WRITE_FORM.findall(html):
        found = ACTION.search(form)
        targets.add(found.group(1) if found and found.group(1) else page_url)
    targets.update(HX_WRITE.findall(html))
    return targets


def route_name_of(url: str) -> str | None:
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def test_auditor_pages_render_and_offer_no_write_she_cannot_use(walk):
    audrey = signed_in(walk.audrey)
    problems = []
    for route in walkable_routes():
        if route.is_api or is_self_service(route):
            continue
        url = route_url(route, walk)
        response = audrey.get(url)
        if response.status_code not in (200, 403, 404, 405):
            problems.append(f"GET {url}: {response.status_code}")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for target in write_targets(body_text(response), url):
            name = route_name_of(target)
            if name is None or name in SELF_SERVICE_ROUTES or name.startswith("accounts:"):
                continue
            problems.append(f"GET {url}: offers a write to {target} ({name})")
    assert not problems, "\n".join(sorted(set(problems)))


def test_auditor_whose_access_expired_gets_nothing(walk, api_for):
    api = api_for(walk.audrey)
    Membership.objects.filter(user=walk.audrey).update(
        expires_at=timezone.localdate() - datetime.timedelta(days=1)
    )
    before = tenant_rows(walk.org)
    audrey = signed_in(walk.audrey)
    problems = []
    for route in walkable_routes():
        if is_self_service(route):
            continue
        url = route_url(route, walk)
        for client in (audrey, api) if route.is_api else (audrey,):
            for method in ("get", "post"):
                response = request(client, method, url, route)
                shown = leaked(response, walk.markers)
                if shown:
                    problems.append(f"{method.upper()} {url}: shows {shown}")
                if response.status_code not in (403, 404, 405):
                    problems.append(f"{method.upper()} {url}: {response.status_code}")
    assert tenant_rows(walk.org) == before  # first: a change is worse than a wrong status
    assert not problems, "\n".join(problems)
