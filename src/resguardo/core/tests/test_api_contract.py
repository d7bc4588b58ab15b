"""The API as an integrator sees it: a warning-free OpenAPI schema that lists every route, list
endpoints with one envelope and a query count that does not grow with the rows, and the
documentation page served from local assets."""

import re
import warnings

import pytest
from django.core.management import call_command
from django.core.paginator import UnorderedObjectListWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

from resguardo.compliance import services as compliance_services
from resguardo.compliance.choices import EvidenceKind
from resguardo.compliance.tests import walk as compliance_walk
from resguardo.compliance.tests.factories import ActionItemFactory, pdf_upload
from resguardo.conveyance import services as conveyance_services
from resguardo.conveyance.tests import walk as conveyance_walk
from resguardo.conveyance.tests.factories import receive_lot, shipment_at
from resguardo.partners.models import ScreeningHit
from resguardo.partners.tests import walk as partners_walk
from resguardo.partners.tests.factories import create_partner
from resguardo.shipments.tests.factories import container_number

ENVELOPE = ["count", "next", "previous", "results"]
# The schema and its documentation page describe the API; they are not part of it.
NOT_IN_SCHEMA = {"api:schema", "api:docs"}


def api_routes(resolver=None, prefix="", namespace=""):
    """(name, path pattern) of every route under /api/v1/."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from api_routes(entry, pattern, inner)
        elif namespace == "api":
            yield f"api:{entry.name}", pattern


def normalized(pattern: str) -> str:
    """`^api/v1/seals/(?P<pk>[^/.]+)/$`, `api/v1/me/` and `/api/v1/seals/{id}/` alike."""
    path = pattern.replace("^", "").replace("$", "")
    path = re.sub(r"\(\?P<\w+>[^)]*\)|<[\w:]+>|\{\w+\}", "{}", path)
    return "/" + path.lstrip("/")


def schema_warnings(language: str) -> list[str]:
    from django.utils import translation

    GENERATOR_STATS.reset()
    with translation.override(language):
        SchemaGenerator().get_schema(request=None, public=True)
    found = list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache)
    GENERATOR_STATS.reset()
    return found


@pytest.mark.parametrize("language", ["en", "es-mx"])
def test_schema_generates_without_warnings_or_errors(db, language):
    assert schema_warnings(language) == []


def test_schema_command_validates_with_fail_on_warn(db, tmp_path):
    GENERATOR_STATS.reset()
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert text.startswith("openapi: 3.")
    # Choice sets have stable names, never a hash suffix such as "KindB3fEnum".
    assert not re.search(r"\b[A-Z][A-Za-z]*[0-9a-f]{3}Enum\b", text)
    assert "PartnerKindEnum" in text and "RiskLevelEnum" in text


def test_every_api_route_is_in_the_schema(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    documented = {normalized(path) for path in schema["paths"]}
    routes = {name: normalized(pattern) for name, pattern in api_routes()}
    assert len(routes) > 100
    missing = {
        name: path
        for name, path in routes.items()
        if name not in NOT_IN_SCHEMA and path not in documented
    }
    assert missing == {}


def test_schema_and_docs_pages_use_local_assets(client):
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200 and b"openapi: 3." in schema.content
    docs = client.get("/api/v1/docs/")
    body = docs.content.decode()
    assert docs.status_code == 200
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in body
    assert "/api/v1/schema/" in body
    assert not re.search(r"https?://(?!testserver)", body)


# --- list endpoints -------------------------------------------------------------------------


@pytest.fixture
def records(world):
    """One of each of Norte's records, as the tenancy walk builds them."""
    compliance_walk.compliance_walk_objects(world)
    conveyance_walk.norte_records(world)
    partners_walk.norte_records(world)
    return world


def _list_routes():
    for name, pattern in api_routes():
        if name.endswith("-list"):
            yield name, normalized(pattern)


def test_every_list_endpoint_answers_the_paginated_envelope(records, api_for):
    """One envelope everywhere, over a fixed order (pages never skip or repeat rows)."""
    api = api_for(records.alice)
    shapes = {}
    for name, path in _list_routes():
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnorderedObjectListWarning)
            response = api.get(path, {"page_size": 1})
        body = response.json()
        shapes[name] = (response.status_code, list(body) if isinstance(body, dict) else "list")
    assert shapes == {name: (200, ENVELOPE) for name in shapes}


def _grow_results(world):
    return "/api/v1/requirement-results/"  # the walk's assessment has 35 results


def _grow_evidence(world):
    membership = world.membership(world.carla)
    for n in range(30):
        compliance_services.evidence_create(
            actor=world.carla,
            membership=membership,
            title=f"Procedimiento {n}",
            kind=EvidenceKind.FILE,
            file=pdf_upload(f"procedimiento-{n}.pdf"),
            site=world.yard,
        )
    return "/api/v1/evidence/"


def _grow_actions(world):
    for n in range(30):
        ActionItemFactory(
            organization=world.org, title=f"Acción {n}", owner=world.sam, site=world.yard
        )
    return "/api/v1/action-items/"


def _grow_partners(world):
    for n in range(30):
        create_partner(world, legal_name=f"Cliente Número {n}, S.A. de C.V.")
    return "/api/v1/partners/"


def _grow_hits(world):
    hit = ScreeningHit.objects.filter(organization=world.org).first()
    for n in range(30):
        partner = create_partner(world, legal_name=f"Proveedor Número {n}, S.A. de C.V.")
        ScreeningHit.objects.create(
            organization=world.org,
            partner=partner,
            source=hit.source,
            entry_key=hit.entry_key,
            entry=hit.entry,
            list_version=hit.list_version,
            match_kind=hit.match_kind,
            score=hit.score,
            matched_name=hit.matched_name,
            partner_name=partner.legal_name,
        )
    return "/api/v1/screening-hits/"


def _grow_shipments(world):
    for _n in range(30):
        shipment_at(world.yard, containers=2)
    return "/api/v1/shipments/"


def _grow_seal_events(world):
    for _n in range(3):
        receive_lot(world, prefix="QC")
    return "/api/v1/seal-events/"


def _grow_inspections(world):
    membership = world.membership(world.sofia)
    for n in range(30):
        conveyance_services.inspection_record(
            actor=world.sofia,
            membership=membership,
            checklist_key="container-7",
            site=world.yard,
            place="Andén",
            signed_name="Sofia",
            unit_number=container_number(serial=n + 1),
            results=[
                {"code": str(c), "passed": c != 3, "note": "Soldadura" if c == 3 else ""}
                for c in range(1, 8)
            ],
        )
    return "/api/v1/inspections/"


GROWERS = [
    _grow_results,
    _grow_evidence,
    _grow_actions,
    _grow_partners,
    _grow_hits,
    _grow_shipments,
    _grow_seal_events,
    _grow_inspections,
]


def _count(api, url, page_size) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, {"page_size": page_size})
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("grow", GROWERS, ids=lambda g: g.__name__.removeprefix("_grow_"))
def test_list_queries_do_not_grow_with_the_rows(
    records, api_for, grow, django_assert_max_num_queries
):
    url = grow(records)
    api = api_for(records.alice)
    api.get(url)  # warm-up: per-process caches (content types, translations)
    few, shown = _count(api, url, 3)
    assert shown == 3
    with django_assert_max_num_queries(few):
        response = api.get(url, {"page_size": 30})
    assert len(response.json()["results"]) == 30
