"""The columns of the assessment workbook, shared by the export and the import.

The import finds each column by its header, in Spanish or English, or by its key, so a file
exported in one language may be edited and imported by a user working in the other.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from resguardo.compliance.choices import Result
from resguardo.core.tabular.headers import simplify

META_SHEET = "resguardo"  # hidden sheet: what the file was exported from
LISTS_SHEET = "lists"  # hidden sheet: the values offered by the drop-down lists
FORMAT = "resguardo.assessment-workbook/1"


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazy translation
    width: int
    editable: bool
    help: object = ""


COLUMNS = [
    Column("urn", _("Requirement URN"), 30, False, _("The requirement's key. Do not change it.")),
    Column("ref_id", _("Ref."), 8, False),
    Column("title", _("Requirement"), 40, False),
    Column("result", _("Result"), 22, True, _("Choose from the list.")),
    Column("score", _("Score (0-100)"), 11, True, _("Optional: a whole number from 0 to 100.")),
    Column("answer", _("Answer"), 60, True, _("The written answer the profile asks for.")),
    Column(
        "justification",
        _("Justification (not applicable)"),
        36,
        True,
        _("Required when the result is “Not applicable”."),
    ),
    Column(
        "owner",
        _("Owner e-mail"),
        28,
        True,
        _("The e-mail of a member of the organization, or empty for nobody."),
    ),
    Column("due_date", _("Due date"), 13, True, _("A date (YYYY-MM-DD), or empty.")),
    Column("comments", _("Comments"), 36, True),
    Column(
        "version",
        _("Row version"),
        10,
        False,
        _("Do not change it: it tells whether someone changed the row after the export."),
    ),
]
COLUMN_KEYS = [c.key for c in COLUMNS]
REQUIRED_KEYS = ("urn", "result", "version")


def _in_each_language(label) -> set[str]:
    names = set()
    for code in ("en", "es-mx"):
        with translation.override(code):
            names.add(simplify(str(label)))
    return names


def header_aliases() -> dict[str, str]:
    """simplified header text → column key, for both languages and the bare keys."""
    aliases = {}
    for column in COLUMNS:
        aliases[simplify(column.key)] = column.key
        for name in _in_each_language(column.label):
            aliases[name] = column.key
    return aliases


def result_aliases() -> dict[str, str]:
    """simplified result label (either language) or code → result value."""
    aliases = {}
    for value, label in Result.choices:
        aliases[simplify(value)] = value
        aliases[simplify(value.replace("_", " "))] = value
        for name in _in_each_language(label):
            aliases[name] = value
    return aliases
