"""Import of an edited assessment workbook: every row checked, then all of it or none.

`check_workbook` reads the file and lists what would change and every problem (row, column,
message) without writing anything. `import_workbook` does the same and, when the file is
clean and this is not a dry run, hands every change to the compliance app's
`results_update_many` service, which applies them in one transaction (same rules and audit
entries as answering one by one) or none of them.
"""

import datetime
from contextlib import closing
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.compliance import selectors
from resguardo.compliance.choices import Result
from resguardo.compliance.services.bulk import BulkChangeError, ResultChange, results_update_many
from resguardo.core.actors import Actor
from resguardo.core.exceptions import FrozenRecordError
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.tabular import (
    ImportReport,
    Limits,
    RowProblem,
    UnreadableFile,
    XlsxBook,
    simplify,
)

from .xlsx_columns import (
    COLUMNS,
    META_SHEET,
    REQUIRED_KEYS,
    header_aliases,
    result_aliases,
)
from .xlsx_export import current_members

MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
ANSWER_KEYS = ("result", "score", "answer", "justification", "comments")
ASSIGNMENT_KEYS = ("owner", "due_date")
SERVICE_FIELD_COLUMNS = {
    "owner": "owner",
    "due_date": "due_date",
    "version": "version",
    **{key: key for key in ANSWER_KEYS},
}


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str


@dataclass
class RowChange:
    row: int
    ref_id: str
    title: str
    fields: list[FieldChange]
    change: ResultChange


def _label(key: str) -> str:
    return next((str(c.label) for c in COLUMNS if c.key == key), "") if key else ""


def _open(file) -> XlsxBook:
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("The file is larger than the %(mb)s MB limit.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    file.seek(0)
    data = file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("The file is larger than the %(mb)s MB limit.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    try:
        return XlsxBook(data, Limits.from_settings())
    except UnreadableFile:
        raise ValidationError(_("This is not an Excel (.xlsx) file.")) from None


def _first_row(book: XlsxBook, sheet_name: str) -> list:
    with closing(book.rows(sheet_name, max_row=1)) as rows:
        found = next(rows, None)
    return found[1] if found else []


def _check_origin(book: XlsxBook, assessment) -> None:
    meta = {}
    if META_SHEET in book.sheet_names:
        for _number, row in book.rows(META_SHEET):
            if row and row[0]:
                meta[str(row[0])] = row[1] if len(row) > 1 else None
    if str(meta.get("assessment", "")) != str(assessment.pk):
        raise ValidationError(
            _(
                "This file was not exported from this assessment. Export the assessment, "
                "edit that file and import it here."
            )
        )


def _find_sheet(book: XlsxBook):
    """The sheet whose first row holds the URN column, and its column index → key map."""
    aliases = header_aliases()
    for name in book.sheet_names:
        if name == META_SHEET:
            continue
        header = _first_row(book, name)
        columns = {i: aliases[simplify(v)] for i, v in enumerate(header) if simplify(v) in aliases}
        if "urn" in columns.values():
            missing = [key for key in REQUIRED_KEYS if key not in columns.values()]
            if missing:
                raise ValidationError(
                    _("Columns missing from the sheet: %(columns)s.")
                    % {"columns": ", ".join(_label(key) for key in missing)}
                )
            return name, columns
    raise ValidationError(_("No sheet of this file has the requirement URN column."))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Row:
    """One spreadsheet row being parsed; problems are collected, never raised."""

    def __init__(self, number: int, values: dict, context):
        self.number, self.values, self.context = number, values, context
        self.errors: list[RowProblem] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(RowProblem(self.number, _label(key), message))

    def result(self):
        raw = self.values.get("result")
        if _text(raw) == "":
            return self.error("result", _("Choose a result from the list."))
        value = self.context.results.get(simplify(raw))
        if value is None:
            self.error("result", _("“%(value)s” is not a result in the list.") % {"value": raw})
        return value

    def score(self):
        raw = self.values.get("score")
        if _text(raw) == "":
            return None
        try:
            number = float(str(raw).strip())
        except ValueError:
            number = None
        if number is None or not number.is_integer() or not 0 <= number <= 100:
            return self.error("score", _("The score must be a whole number from 0 to 100."))
        return int(number)

    def owner(self, stored_owner):
        email = _text(self.values.get("owner")).lower()
        if not email:
            return None
        if stored_owner is not None and stored_owner.email.lower() == email:
            return stored_owner  # unchanged, even if that person has left since
        user = self.context.members.get(email)
        if user is None:
            self.error(
                "owner", _("%(email)s is not a member of the organization.") % {"email": email}
            )
        return user

    def due_date(self):
        raw = self.values.get("due_date")
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        text = _text(raw)
        if not text:
            return None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        return self.error(
            "due_date", _("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": text}
        )

    def version(self, stored: int):
        text = _text(self.values.get("version"))
        if not text.isdigit():
            return self.error("version", _("The row version is missing: export the file again."))
        version = int(text)
        if version < stored:
            self.error(
                "version",
                _(
                    "Someone changed this requirement in Resguardo after the export (row version "
                    "%(file)s, now %(current)s). Export again and redo your change on this row."
                )
                % {"file": version, "current": stored},
            )
        elif version > stored:
            self.error(
                "version", _("The row version was changed in the file; it must stay as exported.")
            )
        return version


@dataclass
class _Context:
    stored: dict  # urn → RequirementResult
    members: dict  # lower-case e-mail → user
    results: dict  # simplified label/code → result value


def _context(membership, assessment) -> _Context:
    data = selectors.assessment_report_data(membership=membership, assessment=assessment)
    stored = {item.result.node.urn: item.result for s in data.sections for item in s.requirements}
    members = {email.lower(): user for email, user in current_members(membership).items()}
    return _Context(stored=stored, members=members, results=result_aliases())


def _display(key: str, value) -> str:
    if value is None or value == "":
        return "—"
    if key == "result":
        return str(Result(value).label)
    if key == "owner":
        return value.email
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def _parse_row(row: _Row, stored) -> RowChange | None:
    parsed = {
        "result": row.result(),
        "score": row.score(),
        "answer": _text(row.values.get("answer")),
        "justification": _text(row.values.get("justification")),
        "comments": _text(row.values.get("comments")),
        "owner": row.owner(stored.owner),
        "due_date": row.due_date(),
    }
    if parsed["result"] == Result.NOT_APPLICABLE and not parsed["justification"]:
        row.error("justification", _("Explain why this requirement does not apply."))
    if row.errors:
        return None
    current = {key: getattr(stored, key) for key in ANSWER_KEYS}
    current["owner"], current["due_date"] = stored.owner, stored.due_date
    for key in ("answer", "justification", "comments"):
        current[key] = (current[key] or "").strip()
    changed = [key for key in (*ANSWER_KEYS, *ASSIGNMENT_KEYS) if parsed[key] != current[key]]
    if not changed:
        return None  # the row says what is saved: nothing to write, so nothing to conflict
    version = row.version(stored.version)
    if row.errors:
        return None
    assignment = None
    if any(key in changed for key in ASSIGNMENT_KEYS):
        assignment = {key: parsed[key] for key in ASSIGNMENT_KEYS}
    return RowChange(
        row=row.number,
        ref_id=stored.node.ref_id,
        title=stored.node.title,
        fields=[
            FieldChange(_label(key), _display(key, current[key]), _display(key, parsed[key]))
            for key in changed
        ],
        change=ResultChange(
            key=row.number,
            result_id=stored.pk,
            version=version,
            answer={key: parsed[key] for key in ANSWER_KEYS if key in changed},
            assignment=assignment,
        ),
    )


def _read_rows(book, sheet_name, columns, context, report: ImportReport) -> None:
    seen: dict[str, int] = {}
    for number, values in book.rows(sheet_name):
        if number < 2:
            continue
        cells = {key: values[i] for i, key in columns.items() if i < len(values)}
        if all(_text(v) == "" for v in cells.values()):
            continue
        report.rows += 1
        if report.rows > MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(n)s rows; it is not an export of an assessment.")
                % {"n": MAX_ROWS}
            )
        row = _Row(number, cells, context)
        urn = _text(cells.get("urn"))
        stored = context.stored.get(urn)
        if not urn:
            row.error("urn", _("The requirement URN is missing."))
        elif stored is None:
            row.error("urn", _("“%(urn)s” is not a requirement of this assessment.") % {"urn": urn})
        elif urn in seen:
            row.error(
                "urn",
                _("This requirement appears twice (also in row %(row)s).") % {"row": seen[urn]},
            )
        else:
            seen[urn] = number
            change = _parse_row(row, stored)
            if change is not None:
                report.changes.append(change)
        report.errors.extend(row.errors)


def check_workbook(*, membership, assessment, file, file_name="", dry_run=True) -> ImportReport:
    """Read and check the whole file; nothing is written."""
    require_perm(membership, Perm.MANAGE_COMPLIANCE)
    if assessment.is_frozen:
        raise FrozenRecordError(
            _("This assessment is frozen: it was signed off and can no longer change.")
        )
    report = ImportReport(file_name=file_name or getattr(file, "name", ""), dry_run=dry_run)
    with _open(file) as book:
        _check_origin(book, assessment)
        sheet_name, columns = _find_sheet(book)
        _read_rows(book, sheet_name, columns, _context(membership, assessment), report)
    return report


def import_workbook(*, actor: Actor, assessment, file, dry_run=False, file_name=""):
    """Check the file and, unless it is a dry run or has errors, apply every change."""
    report = check_workbook(
        membership=actor.membership,
        assessment=assessment,
        file=file,
        file_name=file_name,
        dry_run=dry_run,
    )
    if dry_run or not report.ok or not report.changes:
        return report
    try:
        results_update_many(
            actor=actor,
            assessment=assessment,
            changes=[c.change for c in report.changes],
        )
    except BulkChangeError as error:
        report.errors = [
            RowProblem(e.key, _label(SERVICE_FIELD_COLUMNS.get(e.field, "")), e.message)
            for e in error.errors_by_change
        ]
        return report
    report.applied, report.written = True, len(report.changes)
    return report
