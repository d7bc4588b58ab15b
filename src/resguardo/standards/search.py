"""Search in both languages: texts are folded (lower case, accents removed) once at load time,
and the query is folded the same way, so "analisis" finds "Análisis de riesgo"."""

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def node_search_text(*, ref_id, title, description=None, notes=()) -> str:
    """`title`, `description` and each note are `{"es": ..., "en": ...}` dicts."""
    parts = [ref_id]
    for text in (title, description, *notes):
        if text:
            parts.extend((text.get("es") or "", text.get("en") or ""))
    return fold("\n".join(parts))


def query_words(query: str) -> list[str]:
    return [word for word in fold(query).split() if word]
