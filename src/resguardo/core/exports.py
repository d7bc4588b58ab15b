"""Tabular exports (CSV and XLSX) that never hold a whole large range in memory.

CSV is streamed row by row. XLSX is written by openpyxl's write-only workbook into a
temporary file on disk and sent from there. Every app's CSV/XLSX export goes through
`export_response`; `export_format(request)` reads the `?format=` a page asks for.
"""

import csv
import datetime
import tempfile

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone

from resguardo.core.text import xlsx_value

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")


def export_format(request) -> str:
    """The `?format=` of an export page (csv by default); another value is a page that does
    not exist."""
    value = request.GET.get("format", "csv")
    if value not in EXPORT_FORMATS:
        raise Http404
    return value


class _Echo:
    def write(self, value):
        return value


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, bool):
        return "1" if value else "0"
    return value


def csv_response(filename: str, header: list, rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # lets Excel open UTF-8 with accents intact
        yield writer.writerow([str(h) for h in header])
        for row in rows:
            yield writer.writerow([_plain(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_value(value):
    if isinstance(value, str):
        return xlsx_value(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool):
        return "✔" if value else "✘"
    return value


def xlsx_response(filename: str, sheet_title: str, header: list, rows) -> FileResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    bold = Font(bold=True)
    head = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=xlsx_value(str(title)))
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def export_response(export_format: str, filename: str, sheet_title: str, header, rows):
    if export_format == "xlsx":
        return xlsx_response(filename, sheet_title, header, rows)
    return csv_response(filename, header, rows)
