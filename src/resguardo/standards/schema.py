"""The shape of the three kinds of library file (see docs/library-format.md).

These pydantic models check one file on its own: types, required keys, unknown keys, both
translations present. Checks that need the whole file or other files (duplicate URNs, parents,
flags, mappings to existing nodes) live in `validation.py`.
"""

import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .choices import Level, Relationship

URN_PATTERN = r"^urn:resguardo:[a-z0-9][a-z0-9.-]*(:[A-Za-z0-9][A-Za-z0-9._-]*)+$"
KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
VERSION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
INDICATOR_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


def _quoted_string(value):
    """Numbers must be written in quotes: YAML reads 1.10 as the number 1.1."""
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "quoted_string",
            'must be a quoted string (write it as "{value}"; YAML reads unquoted numbers '
            "as numbers)",
            {"value": value},
        )
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


Urn = Annotated[str, StringConstraints(pattern=URN_PATTERN, max_length=250)]
Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN, max_length=60)]
QuotedStr = Annotated[str, BeforeValidator(_quoted_string)]
RefId = Annotated[QuotedStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=False)


class Text(_Model):
    """A human text in both languages; both are required and non-empty."""

    es: str
    en: str

    @field_validator("es", "en", mode="before")
    @classmethod
    def translation_present(cls, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PydanticCustomError("missing_translation", "missing translation (empty)")
        return value


class ShortText(Text):
    @field_validator("es", "en")
    @classmethod
    def short_enough(cls, value: str) -> str:
        if len(value) > 300:
            raise PydanticCustomError("too_long", "longer than 300 characters")
        return value


class Flag(_Model):
    key: Key
    label: ShortText
    description: Text | None = None


class Node(_Model):
    urn: Urn
    parent: Urn | None = None
    ref_id: RefId
    title: ShortText
    description: Text | None = None
    notes: list[Text] = []
    evidence: list[Text] = []
    level: Level | None = None
    weight: Annotated[int, Field(ge=0, le=1000, strict=True)] = 1
    applies_if: list[Key] = []
    indicators: list[Annotated[str, StringConstraints(pattern=INDICATOR_PATTERN)]] = []
    assessable: bool | None = None
    verified: bool = False
    resguardo_numbering: bool = False


class FrameworkFile(_Model):
    kind: Literal["framework"]
    urn: Urn
    framework: Key
    version: Annotated[QuotedStr, StringConstraints(pattern=VERSION_PATTERN, max_length=40)]
    name: ShortText
    short_name: ShortText | None = None
    description: Text | None = None
    publisher: ShortText | None = None
    source: Annotated[str, BeforeValidator(_non_blank)] | None = None
    effective_date: datetime.date | None = None
    applicability_flags: list[Flag] = []
    nodes: Annotated[list[Node], Field(min_length=1)]


class MappingEntry(_Model):
    source: Urn
    target: Urn
    relationship: Relationship
    strength: Annotated[int, Field(ge=1, le=5, strict=True)]
    rationale: Text


class MappingSetFile(_Model):
    kind: Literal["mapping_set"]
    urn: Urn
    name: ShortText
    description: Text | None = None
    source_library: Urn
    target_library: Urn
    mappings: Annotated[list[MappingEntry], Field(min_length=1)]


class ChecklistPointEntry(_Model):
    code: Annotated[
        QuotedStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
    ]
    title: ShortText
    guidance: Text | None = None


class ChecklistEntry(_Model):
    key: Key
    name: ShortText
    description: Text | None = None
    points: Annotated[list[ChecklistPointEntry], Field(min_length=1)]


class ChecklistSetFile(_Model):
    kind: Literal["checklist_set"]
    urn: Urn
    name: ShortText
    source: Annotated[str, BeforeValidator(_non_blank)] | None = None
    checklists: Annotated[list[ChecklistEntry], Field(min_length=1)]


FILE_MODELS: dict[str, type[BaseModel]] = {
    "framework": FrameworkFile,
    "mapping_set": MappingSetFile,
    "checklist_set": ChecklistSetFile,
}
