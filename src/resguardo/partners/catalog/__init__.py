"""The built-in catalogs: questionnaire questions, selection criteria and security
requirements, in Spanish and English. Loaded once and validated with pydantic."""

from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import get_language
from pydantic import BaseModel, Field, field_validator

from ..choices import PartnerKind

HERE = Path(__file__).resolve().parent
_KINDS = {k.value for k in PartnerKind}


class Text(BaseModel):
    es: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str | None = None) -> str:
        language = (language or get_language() or "es").lower()
        return self.es if language.startswith("es") else self.en


class _Applicable(BaseModel):
    code: str
    text: Text
    applies_to: list[str] = Field(default_factory=list)

    @field_validator("applies_to")
    @classmethod
    def _known_kinds(cls, value):
        unknown = set(value) - _KINDS
        if unknown:
            raise ValueError(f"unknown partner types: {sorted(unknown)}")
        return value

    def applies(self, kind: str) -> bool:
        return not self.applies_to or kind in self.applies_to


class Section(BaseModel):
    key: str
    title: Text


class Question(_Applicable):
    section: str
    kind: str = "choice"  # choice (yes / partly / no / n.a.) or text
    weight: int = Field(default=1, ge=0)
    critical: bool = False
    evidence: bool = False
    ref: str = ""


class Criterion(_Applicable):
    required: bool = False
    automatic: str = ""


class Requirement(_Applicable):
    pass


class QuestionnaireCatalog(BaseModel):
    sections: list[Section]
    questions: list[Question]

    def for_kind(self, kind: str) -> list[Question]:
        return [q for q in self.questions if q.applies(kind)]


class SelectionCatalog(BaseModel):
    criteria: list[Criterion]
    requirements: list[Requirement]

    def criteria_for(self, kind: str) -> list[Criterion]:
        return [c for c in self.criteria if c.applies(kind)]

    def requirements_for(self, kind: str) -> list[Requirement]:
        return [r for r in self.requirements if r.applies(kind)]

    def requirement(self, code: str) -> Requirement | None:
        return next((r for r in self.requirements if r.code == code), None)


def _load(name: str) -> dict:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


@cache
def questionnaire_catalog() -> QuestionnaireCatalog:
    return QuestionnaireCatalog.model_validate(_load("questionnaire.yaml"))


@cache
def selection_catalog() -> SelectionCatalog:
    return SelectionCatalog.model_validate(_load("selection.yaml"))
