"""Reading CSV and XLSX files row by row, within limits, never trusting what a file declares.

An .xlsx sheet says its own size (`<dimension ref="A1:XFD1048576"/>`) and openpyxl's row
iterator pads every row to that width and yields every empty row up to the last one: a 1.5 KB
file then costs gigabytes. Here the sheet's XML is parsed as a stream: only cells present in
the file are read, empty cells cost nothing, and reading stops with a clear message at the
first cell beyond the row or column limit, at the size or time limit. Memory stays that of
one row (plus the workbook's shared strings, whose size is bounded before they are loaded).

Limits come from settings (documented in .env.example): IMPORT_MAX_ROWS, IMPORT_MAX_COLUMNS,
IMPORT_MAX_UPLOAD_MB, IMPORT_MAX_UNZIPPED_MB, IMPORT_MAX_SECONDS.
"""

import csv
import io
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
XLSX = "xlsx"
CSV = "csv"


class UnreadableFile(ValidationError):
    """The file is not a CSV or XLSX file that can be read. Apps may word it their own way."""


class OverLimit(ValidationError):
    """The file is beyond a row, column, size or time limit."""


@dataclass(frozen=True)
class Limits:
    rows: int
    columns: int
    bytes: int
    unzipped_bytes: int
    seconds: float

    @classmethod
    def from_settings(cls, **overrides) -> "Limits":
        values = {
            "rows": settings.IMPORT_MAX_ROWS,
            "columns": settings.IMPORT_MAX_COLUMNS,
            "bytes": settings.IMPORT_MAX_UPLOAD_MB * MB,
            "unzipped_bytes": settings.IMPORT_MAX_UNZIPPED_MB * MB,
            "seconds": settings.IMPORT_MAX_SECONDS,
        }
        values.update(overrides)
        return cls(**values)


def file_format(file_name: str, head: bytes) -> str:
    """XLSX when the content is a zip archive; a name ending in .xlsx that is not one is
    refused rather than read as text."""
    if head[:4] == b"PK\x03\x04":
        return XLSX
    if file_name.lower().endswith((".xlsx", ".xlsm")):
        raise UnreadableFile(_("The file is not a valid Excel (.xlsx) workbook."))
    return CSV


class _Clock:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise OverLimit(
                _("Reading the file took longer than %(n)s seconds; split it into smaller files.")
                % {"n": int(self.limits.seconds)}
            )


def _too_many_rows(limits: Limits) -> OverLimit:
    return OverLimit(
        _("The sheet has data beyond row %(n)s; at most %(rows)s rows are read. Split the file.")
        % {"n": limits.rows + 1, "rows": limits.rows}
    )


def _too_many_columns(limits: Limits, column: int) -> OverLimit:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(column) if column <= 18278 else str(column)
    return OverLimit(
        _("The sheet has data in column %(column)s; at most %(n)s columns are read.")
        % {"column": letter, "n": limits.columns}
    )


def _check_size(size: int, limits: Limits) -> None:
    if size > limits.bytes:
        raise OverLimit(_("The file is larger than %(n)s MB.") % {"n": max(1, limits.bytes // MB)})


# --- CSV --------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Mexico often saves CSV as Windows-1252.
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UnreadableFile(_("The file is not a readable CSV (UTF-16 or binary)."))
    return text


def csv_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list]]:
    """(row number, cells) for every row, the header included (row 1)."""
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    clock = _Clock(limits)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            if number % 1000 == 0:
                clock.check()
            if len(row) > limits.columns and any(c.strip() for c in row[limits.columns :]):
                raise _too_many_columns(limits, len(row))
            if number > limits.rows + 1 and any(c.strip() for c in row):
                raise _too_many_rows(limits)
            yield number, row[: limits.columns]
    except csv.Error as error:
        raise UnreadableFile(
            _("The file is not a readable CSV (%(error)s).") % {"error": error}
        ) from None


# --- XLSX -------------------------------------------------------------------------------------


class XlsxBook:
    """An .xlsx workbook opened for streaming reads. Use as a context manager."""

    def __init__(self, data, limits: Limits):
        from openpyxl import load_workbook

        self.limits = limits
        source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
        try:
            source.seek(0)
            with zipfile.ZipFile(source) as archive:
                unzipped = sum(info.file_size for info in archive.infolist())
            source.seek(0)
            if unzipped > limits.unzipped_bytes:
                raise OverLimit(
                    _("The workbook unpacks to more than %(n)s MB; split it into smaller files.")
                    % {"n": limits.unzipped_bytes // MB}
                )
            self.workbook = load_workbook(source, read_only=True, data_only=True)
        except OverLimit:
            raise
        except Exception as error:  # noqa: BLE001 - openpyxl raises many types for bad files
            raise UnreadableFile(
                _("The file is not a valid Excel (.xlsx) workbook (%(error)s).") % {"error": error}
            ) from None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self.workbook.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self.workbook.sheetnames)

    def rows(self, sheet_name: str | None = None, *, max_row: int | None = None):
        """(row number, cells) of each row holding a value, the header included. Cells are
        values (None where empty), as many as the last filled column of that row."""
        sheet = self.workbook[sheet_name] if sheet_name else self.workbook.worksheets[0]
        try:
            yield from _sheet_rows(sheet, self.limits, max_row=max_row)
        except (OverLimit, UnreadableFile):
            raise
        except Exception as error:  # noqa: BLE001 - a damaged sheet: many possible errors
            raise UnreadableFile(
                _("The file is not a valid Excel (.xlsx) workbook (%(error)s).") % {"error": error}
            ) from None


def _sheet_rows(sheet, limits: Limits, *, max_row=None):
    from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    book = sheet.parent
    parser = WorkSheetParser(
        None,
        book.shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    clock = _Clock(limits)
    cells: dict[int, object] = {}
    seen = 0
    parents = []  # sheetData, then the current row: read elements are removed from them
    with sheet._get_source() as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag.endswith("}sheetData") or tag == ROW_TAG:
                    parents = [*parents[:1], element] if tag == ROW_TAG else [element]
                if tag == ROW_TAG:
                    number = element.get("r")
                    parser.row_counter = int(number) if number else parser.row_counter + 1
                    parser.col_counter = 0
                    cells = {}
                continue
            if tag == CELL_TAG:
                seen += 1
                if seen % 5000 == 0:
                    clock.check()
                cell = parser.parse_cell(element)
                element.clear()
                parents[-1].remove(element)
                value = cell["value"]
                if value is None or value == "":
                    continue
                if cell["column"] > limits.columns:
                    raise _too_many_columns(limits, cell["column"])
                if cell["row"] > limits.rows + 1:
                    raise _too_many_rows(limits)
                cells[cell["column"]] = value
            elif tag == ROW_TAG:
                element.clear()
                parents[0].remove(element)
                if parser.row_counter % 1000 == 0:
                    clock.check()
                if max_row is not None and parser.row_counter > max_row:
                    return
                if cells:
                    width = max(cells)
                    yield parser.row_counter, [cells.get(i) for i in range(1, width + 1)]
                    cells = {}
            elif tag.endswith("}sheetData"):
                return


# --- One table: the first sheet of an XLSX, or a CSV ------------------------------------------


@dataclass
class Table:
    file_format: str
    header: list
    rows: Iterator[tuple[int, list]]  # (row number, cells) of non-empty rows after the header


def _non_empty(rows):
    for number, row in rows:
        if any(str(cell).strip() for cell in row if cell is not None):
            yield number, ["" if cell is None else cell for cell in row]


def read_table(data: bytes, file_name: str = "", *, limits: Limits | None = None) -> Table:
    """The header row and a stream of the rows below it. Raises `UnreadableFile` or
    `OverLimit` (both ValidationError) with a message for the person importing."""
    limits = limits or Limits.from_settings()
    _check_size(len(data), limits)
    kind = file_format(file_name, data[:8])
    if kind == XLSX:
        book = XlsxBook(data, limits)

        def rows():
            try:
                yield from book.rows()
            finally:
                book.close()

        stream = rows()
    else:
        stream = csv_rows(data, limits)
    stream = _non_empty(stream)
    first = next(stream, None)
    if first is None:
        raise UnreadableFile(_("The file is empty."), code="empty")
    return Table(file_format=kind, header=list(first[1]), rows=stream)
