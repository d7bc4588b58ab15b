"""OSCAL export validates against NIST's official catalog schema, for every shipped framework."""

import json

import pytest
from django.core.management import call_command
from jsonschema import Draft7Validator
from jsonschema.validators import validator_for

from resguardo.standards import selectors
from resguardo.standards.models import Library
from resguardo.standards.oscal import library_to_oscal
from resguardo.standards.services import libraries_load

from .oscal.validator import load_schema, oscal_errors

pytestmark = pytest.mark.django_db


def test_schema_is_nists_draft_7_catalog_schema():
    schema = load_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"].endswith("/oscal/1.0.6/oscal-catalog-schema.json")
    assert validator_for(schema) is Draft7Validator


def test_validator_rejects_a_bad_catalog():
    bad = {
        "catalog": {
            "uuid": "x",
            "metadata": {"title": "t"},
            "groups": [{"id": "1.1", "title": "t", "controls": []}],
        }
    }
    errors = oscal_errors(bad)
    assert any(e.startswith("catalog/groups/0/id:") for e in errors)  # \p{L} pattern enforced
    assert any("last-modified" in e for e in errors)
    assert any(e.startswith("catalog/uuid:") for e in errors)


@pytest.mark.parametrize("language", ["es", "en"])
def test_fixture_export_structure_and_validity(mini_catalog, language):
    document = library_to_oscal(selectors.library_get("urn:resguardo:alpha:1"), language)
    assert oscal_errors(document) == []
    catalog = document["catalog"]
    group = catalog["groups"][0]
    assert group["id"] == "alpha-1" and "controls" in group
    control = group["controls"][0]
    props = {p["name"]: p["value"] for p in control["props"]}
    assert props["label"] == "1.1" and props["level"] == "must"
    assert props["weight"] == "2" and props["verified"] == "true"
    parts = {p["name"]: p for p in control["parts"]}
    assert set(parts) == {"statement", "guidance", "evidence"}
    expected = "Signed matrix" if language == "en" else "Matriz firmada"
    assert parts["evidence"]["parts"][0]["prose"] == expected
    citation = catalog["back-matter"]["resources"][0]["citation"]["text"]
    assert citation == "Test fixture written for Resguardo"


def test_every_shipped_framework_exports_valid_oscal():
    libraries_load()
    libraries = list(Library.objects.select_related("framework"))
    assert {lib.framework.key for lib in libraries} >= {
        "neec-aa",
        "ctpat-msc",
        "wco-safe",
        "iso-28000",
    }
    for library in libraries:
        for language in ("es", "en"):
            errors = oscal_errors(library_to_oscal(library, language))
            assert errors == [], f"{library.urn} ({language}): {errors[:5]}"


def test_oscal_command_prints_json(mini_catalog, capsys):
    call_command("standards", "oscal", "urn:resguardo:beta:1")
    document = json.loads(capsys.readouterr().out)
    assert document["catalog"]["metadata"]["oscal-version"] == "1.0.6"
