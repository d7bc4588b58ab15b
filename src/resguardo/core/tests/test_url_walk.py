"""Every URL pattern and API route, tried by an anonymous visitor and by oscar (admin of the
other organization, "Sur"), against organization "Norte"'s data. Nothing of Norte may leak and
nothing of Norte may change.

Adding a URL pattern that takes kwargs? Add it to URL_KWARGS below: url name → function(walk)
→ kwargs pointing at one of Norte's objects (the `walk` fixture has them: add yours there too).
The walk fails for a pattern with kwargs that has no entry, so no page escapes this test.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from resguardo.accounts.models import ApiToken
from resguardo.accounts.services import api_token_create
from resguardo.compliance.tests import walk as compliance_walk
from resguardo.conveyance.tests import walk as conveyance_walk
from resguardo.core import services
from resguardo.core.choices import Role
from resguardo.core.models import AuditEntry, Invitation, Membership, Organization, Patente, Site
from resguardo.partners.tests import walk as partners_walk
from resguardo.reports.tests import walk as reports_walk

LOGIN_PATH = "/accounts/login/"

# url name → function(walk) → kwargs pointing at Norte's objects.
URL_KWARGS = {
    "accounts:api_token_revoke": lambda w: {"pk": w.token.pk},
    "accounts:invitation": lambda w: {"token": "not-a-real-invitation-token"},
    "accounts:password_reset_confirm": lambda w: {
        "uidb64": urlsafe_base64_encode(force_bytes(w.alice.pk)),
        "token": "not-a-real-reset-token",
    },
    "core:patente_remove": lambda w: {"pk": w.patente.pk},
    "core:site_detail": lambda w: {"pk": w.yard.pk},
    "core:site_update": lambda w: {"pk": w.yard.pk},
    "core:invitation_revoke": lambda w: {"pk": w.invitation.pk},
    "core:membership_edit": lambda w: {"pk": w.sam_membership.pk},
    "core:audit_entry": lambda w: {"pk": w.audit_entry.pk},
    "api:aduana-detail": lambda w: {"code": "24"},
    "api:site-detail": lambda w: {"pk": w.yard.pk},
    "api:member-detail": lambda w: {"pk": w.sam_membership.pk},
    "api:member-change-role": lambda w: {"pk": w.sam_membership.pk},
    "api:auditentry-detail": lambda w: {"sequence": w.audit_entry.sequence},
    "api:apitoken-detail": lambda w: {"pk": w.token.pk},
}
URL_KWARGS.update(compliance_walk.URL_KWARGS)
URL_KWARGS.update(reports_walk.URL_KWARGS)
URL_KWARGS.update(conveyance_walk.URL_KWARGS)
URL_KWARGS.update(partners_walk.URL_KWARGS)
# The standards catalog is shared reference data: its routes name catalog objects.
STANDARDS_KWARGS = {
    "standards:requirement": lambda w: {"urn": "urn:resguardo:neec-aa:2023:1.1"},
    "standards:oscal": lambda w: {"urn": "urn:resguardo:neec-aa:2023"},
    "api:framework-detail": lambda w: {"key": "neec-aa"},
    "api:library-detail": lambda w: {"urn": "urn:resguardo:neec-aa:2023"},
    "api:requirement-detail": lambda w: {"urn": "urn:resguardo:neec-aa:2023:1.1"},
    "api:mapping-detail": lambda w: {"pk": 1},
    "api:checklist-detail": lambda w: {"pk": 1},
}
URL_KWARGS.update(STANDARDS_KWARGS)

# Routes whose kwargs name something every organization shares (not Norte's own data).
SHARED_OBJECT_ROUTES = {
    "api:aduana-detail": "the official catalog of customs offices is the same for everyone",
    **{name: "the standards catalog is the same for everyone" for name in STANDARDS_KWARGS},
    **conveyance_walk.SHARED_OBJECT_ROUTES,
    **partners_walk.SHARED_OBJECT_ROUTES,
}

# Genuinely public routes: reachable without signing in. Still checked for leaks.
PUBLIC_ROUTES = {
    "healthz": "probed by load balancers without a session; shows no data",
    "accounts:login": "the sign-in page",
    "accounts:login_otp": "second sign-in step; with no pending sign-in it returns to login",
    "accounts:logout": "signing out needs no session",
    "accounts:password_reset": "asking for a reset link is done signed out",
    "accounts:password_reset_done": "the 'check your e-mail' page",
    "accounts:password_reset_confirm": "the e-mailed link: its token is the credential",
    "accounts:password_reset_complete": "the 'password was reset' page",
    "accounts:invitation": "the e-mailed invitation link: its token is the credential",
    "core:set_language": "anyone, also on the sign-in page, may choose the language",
    "api:schema": "the OpenAPI schema describes the API, never its data",
    "api:docs": "the API documentation page (assets served locally)",
    **partners_walk.PUBLIC_ROUTES,
}

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
    """Every named route whose kwargs the registry provides. The others are reported by
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


@pytest.fixture
def walk(world):
    """The world, plus one of each of Norte's objects that a URL can name."""
    alice_membership = world.membership(world.alice)
    patente = services.patente_add(
        actor=world.alice,
        membership=alice_membership,
        number="3901",
        holder_name="Agente Aduanal Norte Uno",
    )
    invitation, _token = services.invitation_create(
        actor=world.alice,
        membership=alice_membership,
        email="invitada@norte.example.mx",
        role=Role.STAFF,
        all_sites=True,
    )
    services.site_update(
        actor=world.alice,
        membership=alice_membership,
        site=world.office,
        address="Avenida Norte 100, Nuevo Laredo",
    )
    token, _key = api_token_create(user=world.alice, name="Integracion ERP Norte")
    compliance = compliance_walk.compliance_walk_objects(world)
    conveyance_walk.norte_records(world)
    partners_walk.norte_records(world)
    norte_users = [world.alice, world.carla, world.sam, world.sofia, world.audrey]
    return SimpleNamespace(
        **vars(world),
        world=world,
        patente=patente,
        invitation=invitation,
        token=token,
        compliance=compliance,
        sam_membership=world.membership(world.sam),
        audit_entry=AuditEntry.objects.filter(organization=world.org).order_by("sequence")[0],
        markers=[
            world.org.legal_name,
            world.org.rfc,
            world.office.name,
            world.yard.name,
            "Agente Aduanal Norte Uno",
            "invitada@norte.example.mx",
            "Integracion ERP Norte",
            "Avenida Norte 100",
            *[user.email for user in norte_users],
            *compliance.markers,
            *conveyance_walk.MARKERS,
            *partners_walk.MARKERS,
        ],
        norte_users=norte_users,
    )


def norte_snapshot(walk) -> dict:
    """Everything of Norte a hostile write could touch, as plain values."""
    org = walk.org
    user_ids = [u.pk for u in walk.norte_users]
    return {
        "organization": list(Organization.objects.filter(pk=org.pk).values()),
        "sites": list(Site.objects.filter(organization=org).order_by("pk").values()),
        "memberships": list(Membership.objects.filter(organization=org).order_by("pk").values()),
        "membership_sites": sorted(
            Membership.sites.through.objects.filter(membership__organization=org).values_list(
                "membership_id", "site_id"
            )
        ),
        "patentes": list(Patente.objects.filter(organization=org).order_by("pk").values()),
        "invitations": list(Invitation.objects.filter(organization=org).order_by("pk").values()),
        "users": list(
            get_user_model()
            .objects.filter(pk__in=user_ids)
            .order_by("pk")
            .values("pk", "email", "password", "is_active", "language", "totp_enabled")
        ),
        "tokens": list(ApiToken.objects.filter(user_id__in=user_ids).order_by("pk").values()),
        "audit_entries": AuditEntry.objects.filter(organization=org).count(),
        "compliance": compliance_walk.compliance_snapshot(org),
    }


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


def request(client, method, url, route):
    data = HOSTILE_DATA
    if route.is_api and method in ("post", "put", "patch"):
        return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")
    if method in ("put", "patch", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, data=data) if method == "post" else client.get(url)


# The walk -----------------------------------------------------------------------------


def test_every_pattern_is_named_and_has_kwargs_in_the_registry():
    unnamed = [r.pattern for r in all_routes() if r.name is None]
    assert not unnamed, (
        f"URL patterns without a name: {unnamed}. Give each one a name= so the tenancy walk "
        "in src/resguardo/core/tests/test_url_walk.py can reach it."
    )
    missing = sorted(
        {r.name for r in all_routes() if (r.kwarg_names - {"format"}) and r.name not in URL_KWARGS}
    )
    assert not missing, (
        f"URL pattern(s) {missing} take kwargs but have no entry in URL_KWARGS in "
        "src/resguardo/core/tests/test_url_walk.py. Add one per pattern: url name → "
        "function(walk) → kwargs pointing at one of organization Norte's objects (create the "
        "object in the `walk` fixture there), so the walk checks that another organization's "
        "user and an anonymous visitor cannot reach it."
    )


def test_the_walk_covers_core_accounts_and_the_api():
    names = {r.name for r in all_routes()}
    for expected in ("core:dashboard", "core:site_detail", "accounts:profile", "api:site-list"):
        assert expected in names


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
    norte_ids = {
        "api:site-list": ("id", {walk.office.pk, walk.yard.pk}),
        "api:member-list": (
            "id",
            set(Membership.objects.filter(organization=walk.org).values_list("pk", flat=True)),
        ),
        "api:auditentry-list": (
            "sequence",
            set(
                AuditEntry.objects.filter(organization=walk.org).values_list("sequence", flat=True)
            ),
        ),
        "api:apitoken-list": ("id", {walk.token.pk}),
    }
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
