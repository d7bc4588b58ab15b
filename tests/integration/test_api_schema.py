"""The API as an integrator sees it: a warning-free OpenAPI schema that lists every route, and
the documentation page served from local assets."""

import re

import pytest
from django.core.management import call_command
from django.urls import URLResolver, get_resolver
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

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
