"""Validate OSCAL documents against NIST's official OSCAL 1.0.6 assessment-results schema.

The one adaptation (Unicode classes in the TokenDatatype pattern) is the standards app's: see
README.md here and `resguardo.standards.tests.oscal.validator`.
"""

import functools
import json
from pathlib import Path

from jsonschema import FormatChecker

from resguardo.standards.tests.oscal.validator import OscalDraft7Validator

SCHEMA_PATH = Path(__file__).with_name("oscal_assessment-results_schema.json")


@functools.cache
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def oscal_errors(document: dict) -> list[str]:
    validator = OscalDraft7Validator(load_schema(), format_checker=FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]
