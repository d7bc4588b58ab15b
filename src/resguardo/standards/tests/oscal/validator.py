"""Validate OSCAL documents against NIST's official OSCAL 1.0.6 catalog JSON Schema.

The schema (`oscal_catalog_schema.json`, copied unchanged from NIST, public domain) is a
JSON Schema Draft 7 document. One of its regular expressions (TokenDatatype, used for ids and
names) uses the Unicode property classes `\\p{L}` (letters) and `\\p{N}` (numbers), which
Python's `re` does not support. The only adaptation: the `pattern` keyword is replaced by one
that first rewrites those two classes into explicit character classes listing exactly the code
points of Unicode categories L* and N* (from Python's Unicode database), then applies the
pattern as JSON Schema does (`re.search`). Nothing else changes and nothing is skipped.
"""

import functools
import json
import re
import sys
import unicodedata
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker, ValidationError, validators

SCHEMA_PATH = Path(__file__).with_name("oscal_catalog_schema.json")


@functools.cache
def _category_class(prefix: str) -> str:
    """A regex character class with every code point whose category starts with `prefix`."""
    ranges, start, previous = [], None, None
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)).startswith(prefix):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append((start, previous))
            start = None
    if start is not None:
        ranges.append((start, previous))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return f"[{body}]"


@functools.cache
def python_pattern(pattern: str) -> re.Pattern:
    translated = pattern.replace(r"\p{L}", _category_class("L")).replace(
        r"\p{N}", _category_class("N")
    )
    return re.compile(translated)


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not python_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OscalDraft7Validator = validators.extend(Draft7Validator, {"pattern": _pattern})


@functools.cache
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def oscal_errors(document: dict) -> list[str]:
    validator = OscalDraft7Validator(load_schema(), format_checker=FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]
