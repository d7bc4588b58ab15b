"""Matching a file's column titles to field names, in Spanish or English, with or without
accents, spaces or underscores."""

import functools
import unicodedata


@functools.lru_cache(maxsize=4096)
def simplify(text) -> str:
    """Lower case, no accents, words joined by underscores: 'Fecha de Operación' and
    'fecha_de_operacion' both give 'fecha_de_operacion'."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return "_".join(text.lower().replace("-", " ").replace(".", " ").replace("_", " ").split())


class HeaderMap:
    """Field name → accepted titles. `map(header)` finds each field's column."""

    def __init__(self, aliases: dict[str, tuple | list | set]):
        self.lookup = {
            simplify(title): name for name, titles in aliases.items() for title in (name, *titles)
        }

    def field(self, title) -> str | None:
        return self.lookup.get(simplify(title))

    def map(self, header: list) -> tuple[dict[int, str], list[str]]:
        """Column index → field name (the first column wins when two name one field), and
        the titles of columns no field claims."""
        mapping: dict[int, str] = {}
        unknown: list[str] = []
        for index, title in enumerate(header):
            name = self.field(title)
            if name is None:
                if str(title or "").strip():
                    unknown.append(str(title))
            elif name not in mapping.values():
                mapping[index] = name
        return mapping, unknown


def row_values(cells: list, mapping: dict[int, str], empty="") -> dict:
    """Field name → the row's cell in that field's column."""
    return {name: cells[i] if i < len(cells) else empty for i, name in mapping.items()}
