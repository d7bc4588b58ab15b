"""Search in both languages: texts are folded (lower case, accents removed) once at load time,
and the query is folded the same way, so "analisis" finds "Análisis de riesgo"."""

import re
import unicodedata

# Combining marks left by NFKD decomposition (accents, tildes, diaereses, cedillas).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    text = text or ""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def node_search_text(*, ref_id, title, description=None, notes=()) -> str:
    """`title`, `description` and each note are `{"es": ..., "en": ...}` dicts."""
    parts = [ref_id]
    for text in (title, description, *notes):
        if text:
            parts.extend((text.get("es") or "", text.get("en") or ""))
    return fold("\n".join(parts))


def query_words(query: str) -> list[str]:
    return [word for word in fold(query).split() if word]
