"""Bilingual catalog text: every text is stored in Spanish and English side by side.

`Bilingual("title")` on a model gives `obj.title`, the text of the active language (Spanish
when the language starts with "es", English otherwise), falling back to the other language
when the preferred one is empty. `pick_text` does the same for `{"es": ..., "en": ...}` dicts
found in JSON lists (notes, evidence, flag labels).
"""

from django.conf import settings
from django.utils.translation import get_language


def prefers_spanish() -> bool:
    language = get_language() or settings.LANGUAGE_CODE
    return language.lower().startswith("es")


def pick(es: str | None, en: str | None) -> str:
    first, second = (es, en) if prefers_spanish() else (en, es)
    return first or second or ""


def pick_text(text: dict | None) -> str:
    if not text:
        return ""
    return pick(text.get("es"), text.get("en"))


class Bilingual:
    """A read-only attribute returning `<name>_es` or `<name>_en` for the active language."""

    def __init__(self, name: str):
        self.name = name

    def __set_name__(self, owner, attribute):
        self.attribute = attribute

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return pick(getattr(obj, f"{self.name}_es"), getattr(obj, f"{self.name}_en"))
