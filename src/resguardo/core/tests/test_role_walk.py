"""The role dimension of the tenancy walk: every UI route and API endpoint, tried by the people
of organization Norte itself, each within the limits of their role.

- audrey (auditor, read-only): every write is refused and changes nothing;
- sofia (staff at the yard): records of Norte's office are never shown, downloaded or
  exported to her, and she cannot touch them;
- an auditor whose access has expired gets nothing at all;
- every page and file answer carries the security headers, every file is an attachment.

The routes and their kwargs come from the URL walk (test_url_walk.py): a new route is walked
here as soon as it has its entry there.
"""

import datetime
import json
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from resguardo.conveyance import services as conveyance_services
from resguardo.conveyance.tests import walk as conveyance_walk
from resguardo.conveyance.tests.factories import png
from resguardo.core.models import AuditEntry, Membership
from resguardo.core.models.base import TenantModel
from resguardo.shipments import services as shipment_services
from resguardo.shipments.tests.factories import container_number, pedimento_for

from . import test_url_walk
from .test_url_walk import (
    PUBLIC_ROUTES,
    URL_KWARGS,
    USER_ROUTES,
    body_text,
    leaked,
    request,
    route_url,
    walkable_routes,
)

walk = test_url_walk.walk  # the URL walk's fixture: Norte's objects

# Routes about the signed-in person themself (their password, language, tokens, sign-out),
# which every member may use whatever their role in the organization.
SELF_SERVICE_ROUTES = {
    "core:set_language",
    "core:org_switch",
    *USER_ROUTES,
    *(name for name in URL_KWARGS if name.startswith("accounts:")),
}


def is_self_service(route) -> bool:
    return (
        route.name in SELF_SERVICE_ROUTES
        or route.name in PUBLIC_ROUTES
        or route.name.startswith("accounts:")
    )


def tenant_rows(organization) -> dict:
    """Every row of every organization-owned model, as plain values."""
    rows = {}
    for model in apps.get_models():
        if issubclass(model, TenantModel) or model is Membership:
            queryset = model.objects.filter(organization=organization).order_by("pk")
            rows[model._meta.label] = list(queryset.values())
    rows["audit_entries"] = AuditEntry.objects.filter(organization=organization).count()
    return rows


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Records of Norte's office, which sofia (staff at the yard) must never reach ------------


def office_records(w) -> dict:
    """A shipment with its document, a seal lot with an applied seal, an inspection and a
    seal count, all at Norte's office (the URL walk's records are at the yard)."""
    alice = w.alice
    member = w.world.membership(alice)
    today = timezone.localdate()
    shipment = shipment_services.shipment_create(
        actor=alice,
        membership=member,
        site=w.office,
        pedimento=pedimento_for("3921", "24"),
        operation="import",
        mode="road",
        client_name="Cliente Oficina Walk",
        operation_date=today,
        trailer_number="OF1",
        containers=[(container_number(), "dry")],
    )
    document = shipment_services.document_add(
        actor=alice,
        membership=member,
        shipment=shipment,
        kind="invoice",
        file=SimpleUploadedFile("factura-oficina.pdf", b"%PDF-1.4 oficina"),
    )
    lot = conveyance_services.seal_lot_receive(
        actor=alice,
        membership=member,
        site=w.office,
        manufacturer="Oficina Seals",
        iso_class="H",
        prefix="OF",
        first_number=1,
        last_number=3,
        digits=4,
        received_on=today,
        storage_place="Archivo Oficina",
    )
    seal = lot.seals.order_by("number").first()
    conveyance_services.seal_issue(actor=alice, membership=member, seals=[seal], person=alice)
    applied = conveyance_services.seal_apply(
        actor=alice,
        membership=member,
        seal=seal,
        shipment=shipment,
        container=shipment.containers.first(),
        photo=png(),
    )
    inspection = conveyance_services.inspection_record(
        actor=alice,
        membership=member,
        checklist_key="container-7",
        site=w.office,
        place="Andén Oficina",
        signed_name="Alice",
        unit_number=shipment.containers.first().number,
        results=[
            {"code": str(c), "passed": True, "photo": png() if c == 1 else None}
            for c in range(1, 8)
        ],
    )
    audit = conveyance_services.seal_audit_run(
        actor=alice, membership=member, site=w.office, counted_numbers=["OF0002"]
    )
    return {
        "shipment": shipment,
        "document": document,
        "lot": lot,
        "seal": applied.seal,
        "event": applied,
        "audit": audit,
        "inspection": inspection,
        "point": inspection.results.get(code="1"),
        "discrepancy": audit.discrepancies.first() if hasattr(audit, "discrepancies") else None,
    }


OFFICE_MARKERS = [
    "Cliente Oficina Walk",
    "factura-oficina",
    "Oficina Seals",
    "Andén Oficina",
    "OF0001",
]


@pytest.fixture
def office(walk):
    records = office_records(walk)
    # The conveyance walk's kwargs read `_shipments_conveyance`: hand them the office's records.
    as_walk = SimpleNamespace(_shipments_conveyance=records)
    office_kwargs = {}
    for name, kwargs_of in conveyance_walk.URL_KWARGS.items():
        if name in conveyance_walk.SHARED_OBJECT_ROUTES:
            continue
        try:
            kwargs = kwargs_of(as_walk)
        except (KeyError, AttributeError):  # a record the office walk has no twin of
            continue
        if any(v is None for v in kwargs.values()):
            continue
        office_kwargs[name] = kwargs
    office_kwargs["core:site_detail"] = {"pk": walk.office.pk}
    office_kwargs["core:site_update"] = {"pk": walk.office.pk}
    office_kwargs["api:site-detail"] = {"pk": walk.office.pk}
    return SimpleNamespace(records=records, kwargs=office_kwargs)


def office_url(route, office) -> str:
    from django.urls import reverse

    kwargs = dict(office.kwargs[route.name])
    if "format" in route.kwarg_names:
        kwargs["format"] = "json"
    return reverse(route.name, kwargs=kwargs)


# The auditor -------------------------------------------------------------------------


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


# Staff limited to the yard -----------------------------------------------------------


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


# Headers and files -------------------------------------------------------------------


# Raster images (checked by their first bytes at upload, served with nosniff) run no script,
# so a photo may be shown in the tab. Anything else (PDF, XML, SVG, HTML, CSV...) downloads.
INLINE_SAFE_TYPES = {"image/jpeg", "image/png", "image/webp"}
API_FILE_WORDS = ("download", "photo", "export", "pdf", "xlsx", "package", "oscal")


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


# Tokens, headers and the second factor -----------------------------------------------


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
    from resguardo.partners.tests import walk as partners_walk

    names = [n for n in partners_walk.PUBLIC_ROUTES if n.startswith("partners_public:")]
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
