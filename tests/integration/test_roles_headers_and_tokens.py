"""Every page and file answer carries the security headers, every file is an attachment;
tokens, organization headers, the second factor and CSRF hold for every route."""

import json

import pytest
from django.test import Client

from resguardo.core.models import Membership

from .roles import (
    is_self_service,
    tenant_rows,
)
from .walking import (
    PUBLIC_ROUTES,
    leaked,
    route_url,
    signed_in,
    walkable_routes,
)

# Raster images (checked by their first bytes at upload, served with nosniff) run no script,
# so a photo may be shown in the tab. Anything else (PDF, XML, SVG, HTML, CSV...) downloads.
INLINE_SAFE_TYPES = {"image/jpeg", "image/png", "image/webp"}
API_FILE_WORDS = ("download", "photo", "export", "pdf", "xlsx", "evidence-package", "oscal")


def is_file(route, response) -> bool:
    """A download, an export or a photo: anything but a page or an API answer."""
    if response.has_header("Content-Disposition"):
        return True
    if route.is_api:
        return any(word in route.name for word in API_FILE_WORDS)
    content_type = response.get("Content-Type", "")
    return not content_type.startswith(("text/html", "application/json", "application/vnd.oai"))


def test_every_answer_carries_the_security_headers_and_files_are_attachments(walk):
    alice = signed_in(walk.alice)
    problems = []
    files = 0
    for route in walkable_routes():
        if route.name == "accounts:logout":
            continue
        url = route_url(route, walk)
        response = alice.get(url)
        if response.status_code != 200:
            continue
        headers = {
            "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        }
        for header, value in headers.items():
            if response.get(header) != value:
                problems.append(f"GET {url}: {header} is {response.get(header)!r}")
        cache = response.get("Cache-Control", "")
        if "private" not in cache and route.name not in PUBLIC_ROUTES:
            problems.append(f"GET {url}: Cache-Control is {cache!r}, not private")
        if route.name in PUBLIC_ROUTES or not is_file(route, response):
            continue
        files += 1
        disposition = response.get("Content-Disposition", "")
        if response.get("Content-Type") in INLINE_SAFE_TYPES:
            continue  # a photo checked to be a raster image may open in the browser tab
        if not disposition.startswith("attachment"):
            problems.append(f"GET {url}: Content-Disposition is {disposition!r}, not attachment")
    assert not problems, "\n".join(problems)
    assert files >= 10


def test_uploaded_files_are_never_served_from_a_public_address(walk, office, settings):
    stored = office.records["document"].file.name
    assert Client().get(settings.MEDIA_URL + stored).status_code == 404
    assert signed_in(walk.alice).get(settings.MEDIA_URL + stored).status_code == 404
    alice = signed_in(walk.alice)
    for route in walkable_routes():
        if route.name == "accounts:logout":
            continue
        response = alice.get(route_url(route, walk))
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            assert settings.MEDIA_URL not in response.content.decode(), route.name


def test_api_answers_to_a_token_are_private(walk, api_for):
    response = api_for(walk.alice).get("/api/v1/sites/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_api_token_of_someone_removed_from_the_organization_stops_working(walk, api_for):
    api = api_for(walk.sofia)
    assert api.get("/api/v1/sites/").status_code == 200
    membership = walk.world.membership(walk.sofia)
    Membership.objects.filter(pk=membership.pk).update(is_active=False)
    for url in ("/api/v1/sites/", "/api/v1/shipments/", "/api/v1/seals/", "/api/v1/evidence/"):
        response = api.get(url)
        assert response.status_code == 403, url
        assert "Patio Norte" not in response.content.decode()
    response = api.get("/api/v1/sites/", HTTP_X_ORGANIZATION=str(walk.org.pk))
    assert response.status_code == 403


@pytest.mark.parametrize("header", ["abc", "-1", "999999", "1 OR 1=1", ""])
def test_a_meaningless_organization_header_reaches_nothing(walk, api_for, header):
    api = api_for(walk.oscar)
    response = api.get("/api/v1/sites/", HTTP_X_ORGANIZATION=header)
    assert response.status_code in (200, 403)
    assert "Patio Norte" not in response.content.decode()
    assert "Oficina Norte" not in response.content.decode()


def test_required_second_factor_cannot_be_bypassed_by_partials_or_the_api(walk, api_for):
    walk.org.require_mfa = True
    walk.org.save(update_fields=["require_mfa"])
    api = api_for(walk.sofia)
    sofia = signed_in(walk.sofia)
    problems = []
    for route in walkable_routes():
        if is_self_service(route):
            continue
        url = route_url(route, walk)
        if route.is_api:
            for client in (api, sofia):
                response = client.get(url)
                if response.status_code != 403:
                    problems.append(f"GET {url}: {response.status_code}, not 403")
            continue
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = sofia.get(url, **headers)
            if response.status_code != 302 or "/accounts/two-factor/" not in response["Location"]:
                problems.append(f"GET {url} {headers}: {response.status_code}")
            if leaked(response, walk.markers):
                problems.append(f"GET {url} {headers}: shows {leaked(response, walk.markers)}")
    assert not problems, "\n".join(problems)


def test_public_questionnaire_link_shows_only_its_own_questionnaire(walk):
    names = [n for n in PUBLIC_ROUTES if n.startswith("partners_public:")]
    assert names
    for name in names:
        response = Client().get(
            route_url(next(r for r in walkable_routes() if r.name == name), walk)
        )
        assert response.status_code in (200, 404, 410)
        body = response.content.decode()
        for marker in ["Patio Norte", "Oficina Norte", "alice@norte", "Matriz de riesgos Norte"]:
            assert marker not in body
        assert response.get("X-Frame-Options") == "DENY"


def test_session_and_csrf_settings(settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE in ("Lax", "Strict")
    assert settings.CSRF_COOKIE_HTTPONLY is False or settings.CSRF_USE_SESSIONS is False
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.SECURE_CONTENT_TYPE_NOSNIFF is True


def test_sign_in_page_enforces_csrf(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/login/", {"username": "a@b.mx", "email": "a@b.mx", "password": "x" * 12}
    )
    assert response.status_code == 403


def test_cross_site_write_without_a_token_is_refused(walk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(walk.alice)
    before = tenant_rows(walk.org)
    response = client.post("/sites/new/", {"name": "Sitio forjado", "kind": "office"})
    assert response.status_code == 403
    response = client.post(
        "/api/v1/sites/", data=json.dumps({"name": "Forjado"}), content_type="application/json"
    )
    assert response.status_code == 403
    assert tenant_rows(walk.org) == before
