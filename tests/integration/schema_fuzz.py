"""Property-based run of the published OpenAPI schema against the app (schemathesis).

Each operation gets a bounded number of generated requests, with a fixed seed, sent through the
WSGI application as an admin and as an auditor of an organization holding one of each record.
Every answer must be free of server errors and match the schema (status, content type, body).

Each generated request runs inside a savepoint that is rolled back, so every example meets the
same records and a generated DELETE cannot starve the next one. Path parameters are drawn half
from the real records (so detail answers are checked) and half from the generator (404s).

The test modules `test_schema_fuzz_*.py` take a share of the operations each, so xdist spreads
them over the workers.
"""

import json
from functools import cache

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from resguardo.testing.transactions import atomic_as_testcase

EXAMPLES = 6
SEED = 20261211
CHECKS = [
    not_a_server_error,
    content_type_conformance,
    response_schema_conformance,
]
# Operations that change the caller's own credentials: a generated token deletion could revoke
# the very token the run signs in with.
EXCLUDED = {("POST", "/api/v1/tokens/"), ("DELETE", "/api/v1/tokens/{id}/")}
# Each test_schema_fuzz_<group>.py runs the operations of these tags (first tag of each).
GROUPS = {
    "compliance": {
        "assessments", "requirement-results", "evidence", "action-items", "internal-audits",
        "audit-findings", "assessment-reports",
    },
    "partners": {
        "partners", "partner-addresses", "partner-contacts", "partner-documents",
        "partner-certifications", "partner-policy",
    },
    "partner_reviews": {
        "partner-selection-decisions", "partner-agreements", "partner-questionnaires",
        "partner-reviews", "partner-findings", "screening-hits", "screening-runs",
        "watchlist-versions", "watchlist-entries",
    },
    "conveyance": {
        "seals", "seal-lots", "seal-events", "seal-audits", "seal-discrepancies", "inspections",
    },
    "shipments": {"shipments", "shipment-documents", "shipment-imports", "customs-badges"},
    "core": {
        "sites", "members", "audit-log", "tokens", "aduanas", "organization", "me",
        "frameworks", "libraries", "requirements", "mappings", "checklists",
    },
}  # fmt: skip


@cache
def loaded_schema():
    document = SchemaGenerator().get_schema(request=None, public=True)
    as_dict = json.loads(OpenApiJsonRenderer().render(document))
    schema = schemathesis.openapi.from_dict(as_dict)
    return schema


def operation_tag(operation) -> str:
    return (operation.tags or ["untagged"])[0]


def operations(tags: set[str] | None = None):
    """(label, operation) of the operations under these tags (all when None), sorted."""
    found = []
    for result in loaded_schema().get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if key in EXCLUDED:
            continue
        if tags is None or operation_tag(operation) in tags:
            found.append((f"{operation.method.upper()} {operation.path}", operation))
    return sorted(found, key=lambda item: item[0])


def _collection(path: str) -> str | None:
    """`/api/v1/seals/{id}/history/` → `/api/v1/seals/`."""
    head, _, _rest = path.partition("{")
    return head if head != path else None


def real_path_parameters(operation, client) -> dict | None:
    """Path parameters naming a record the caller can see: the first row of the collection."""
    collection = _collection(operation.path)
    if collection is None:
        return None
    names = [p.name for p in operation.path_parameters]
    response = client.get(collection, {"page_size": 1})
    if response.status_code != 200:
        return None
    body = response.json()
    rows = body.get("results", []) if isinstance(body, dict) else body
    if not rows or len(names) != 1:
        return None
    value = rows[0].get(names[0]) if names[0] in rows[0] else rows[0].get("id")
    return None if value is None else {names[0]: value}


def fuzz(operation, *, token: str, client) -> None:
    """Send EXAMPLES generated requests for `operation`; raise on the first failing check."""
    app = get_wsgi_application()
    headers = {"Authorization": f"Token {token}"}
    strategies = [operation.as_strategy()]
    real = real_path_parameters(operation, client)
    if real:
        strategies.insert(0, operation.as_strategy(path_parameters=real))

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(*strategies))
    def run(case):
        with atomic_as_testcase():
            response = case.call(app=app, headers=headers)
            transaction.set_rollback(True)
        case.validate_response(response, checks=CHECKS, headers=headers)

    # Django's WSGI handler closes the database connection at the end of each request when it
    # is inside a transaction (as it is here, on PostgreSQL): do what the test client does and
    # keep the connection for the whole run.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        run()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup, django_db_blocker):
    """Norte with one of each record, and API tokens for its admin and its auditor; built once
    per module inside a transaction rolled back at the end."""
    from resguardo.accounts.services import api_token_create
    from resguardo.testing.personas import build_world
    from resguardo.testing.walk import discover

    with django_db_blocker.unblock(), atomic_as_testcase():
        world = build_world()
        # Every installed module's walk records (the same ones the tenancy walks use).
        discover().build(world)
        tokens = {
            persona: api_token_create(user=getattr(world, name), name="schema fuzz")[1]
            for persona, name in PERSONAS.items()
        }
        yield world, tokens
        transaction.set_rollback(True)


PERSONAS = {"admin": "alice", "auditor": "audrey"}
OTHERS = "others"


def other_operations():
    """The operations of tags no group names: a newly installed module's, run by
    test_schema_fuzz_others.py until it earns a group of its own."""
    grouped = set().union(*GROUPS.values())
    return [(label, op) for label, op in operations() if operation_tag(op) not in grouped]


def parametrize_group(group: str):
    """The test's (operation, persona) parameters for one group, named after the operation."""
    found = other_operations() if group == OTHERS else operations(GROUPS[group])
    return [
        pytest.param(operation, persona, id=f"{label} as {persona}")
        for label, operation in found
        for persona in PERSONAS
    ]


def check_operation(fuzz_world, django_db_blocker, operation, persona):
    from rest_framework.test import APIClient

    _world, tokens = fuzz_world
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {tokens[persona]}")
    with django_db_blocker.unblock():
        fuzz(operation, token=tokens[persona], client=client)
