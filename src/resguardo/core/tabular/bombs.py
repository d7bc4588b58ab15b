"""Hostile spreadsheets for tests and the bench: tiny files that declare or hold huge ranges.

Written by hand (zipfile and XML strings), because openpyxl would never write such a file.
"""

import io
import zipfile

_NS = "http://schemas.openxmlformats.org"
_MAIN = f"{_NS}/spreadsheetml/2006/main"
_RELS = f"{_NS}/package/2006/relationships"
_DOC = f"{_NS}/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _sheet_xml(cells: dict[str, str], dimension: str) -> str:
    rows: dict[int, list[str]] = {}
    for ref, text in cells.items():
        number = int("".join(c for c in ref if c.isdigit()))
        rows.setdefault(number, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
    body = "".join(
        f'<row r="{number}">{"".join(row)}</row>' for number, row in sorted(rows.items())
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    )


def xlsx_with_sheets(sheets: dict[str, dict[str, str]], *, dimension="A1:XFD1048576") -> bytes:
    """An .xlsx whose sheets (name → {cell reference: text}) all declare `dimension`."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_DOC}">'
        "<sheets>"
        + "".join(
            f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{_DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for i, name in enumerate(names, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheets[name], dimension))
    return buffer.getvalue()


def xlsx_with_cells(cells: dict[str, str], *, dimension: str = "A1:XFD1048576") -> bytes:
    """An .xlsx whose only sheet declares `dimension` and holds `cells` (reference → text)."""
    return xlsx_with_sheets({"Hoja1": cells}, dimension=dimension)


def far_row_bomb() -> bytes:
    """Declares A1:XFD1048576 and holds one cell, in the sheet's very last row."""
    return xlsx_with_cells({"A1048576": "x"})


def far_column_bomb() -> bytes:
    """Declares A1:XFD1048576 and holds a header and one cell in column XFD of row 1."""
    return xlsx_with_cells({"A1": "pedimento", "XFD1": "x"})


def peak_memory(call):
    """(result, peak bytes allocated by Python, seconds) of `call()`, for tests."""
    import time
    import tracemalloc

    tracemalloc.start()
    started = time.monotonic()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1], time.monotonic() - started
    finally:
        tracemalloc.stop()
