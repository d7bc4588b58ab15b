"""Excel export of an assessment: one row per assessable requirement, ready to edit offline
and import again (see xlsx_import.py)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.compliance import selectors
from resguardo.compliance.choices import Result
from resguardo.core.selectors import member_list
from resguardo.core.text import xlsx_row, xlsx_value

from .choices import report_language, written_in
from .xlsx_columns import COLUMNS, FORMAT, LISTS_SHEET, META_SHEET

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = "123C5A"
LOCKED_FILL = "EEF2F5"
FIRST_DATE_SERIAL, LAST_DATE_SERIAL = 36526, 73415  # 2000-01-01 and 2100-12-31 in Excel


def current_members(membership) -> dict:
    """e-mail → user, for every current member of the organization (possible owners)."""
    return {
        m.user.email: m.user
        for m in member_list(membership=membership).filter(is_active=True)
        if m.is_current
    }


def _row(result) -> list:
    node = result.node
    return [
        node.urn,
        node.ref_id,
        node.title,
        str(Result(result.result).label),
        result.score,
        result.answer,
        result.justification,
        result.owner.email if result.owner else None,
        result.due_date,
        result.comments,
        result.version,
    ]


def _requirements_sheet(workbook, data, emails):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = workbook.active
    sheet.title = str(_("Requirements"))[:31]
    sheet.append([str(c.label) for c in COLUMNS])
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    locked_fill = PatternFill("solid", fgColor=LOCKED_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    count = 0
    for section in data.sections:
        for item in section.requirements:
            sheet.append(xlsx_row(_row(item.result)))
            count += 1
    last = count + 1
    for index, column in enumerate(COLUMNS, start=1):
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=index, max_col=index):
            cell.alignment = wrap
            if not column.editable:
                cell.fill = locked_fill
            if column.key == "due_date":
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, never a formula
    letters = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    validations = [
        (
            "result",
            DataValidation(
                type="list",
                formula1=f"={LISTS_SHEET}!$A$1:$A${len(Result.choices)}",
                allow_blank=False,
            ),
        ),
        (
            "score",
            DataValidation(
                type="whole", operator="between", formula1="0", formula2="100", allow_blank=True
            ),
        ),
        (
            "due_date",
            DataValidation(
                type="date",
                operator="between",
                formula1=str(FIRST_DATE_SERIAL),
                formula2=str(LAST_DATE_SERIAL),
                allow_blank=True,
            ),
        ),
    ]
    if emails:
        validations.append(
            (
                "owner",
                DataValidation(
                    type="list", formula1=f"={LISTS_SHEET}!$B$1:$B${len(emails)}", allow_blank=True
                ),
            )
        )
    for key, validation in validations:
        validation.error = str(_("This value is not accepted here: see the Instructions sheet."))
        validation.errorTitle = str(_("Value not accepted"))
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        validation.add(f"{letters[key]}2:{letters[key]}{max(last, 2)}")
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    return count


def _instructions_sheet(workbook, data):
    from openpyxl.styles import Alignment, Font

    sheet = workbook.create_sheet(str(_("Instructions"))[:31])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 90
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = [
        (_("Self-assessment"), str(data.assessment)),
        (_("Framework version"), str(data.library)),
        (_("Organization"), data.organization.legal_name),
        (_("Exported"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ("", ""),
        (
            _("How to use this file"),
            _(
                "Edit the white columns of the Requirements sheet and import the file again from "
                "the assessment's Reports page. Grey columns identify the row: do not change them."
            ),
        ),
        (
            _("All or nothing"),
            _(
                "The import checks every row first. If any row is wrong, nothing is saved and "
                "each problem is listed with its row and column."
            ),
        ),
        (
            _("Changes by others"),
            _(
                "If someone changed a requirement in Resguardo after this export, its row is "
                "refused as a conflict: export again and redo your change on the new file."
            ),
        ),
        (_("Rows left out"), _("Rows you delete from the sheet are left as they are.")),
        ("", ""),
        (_("Results"), ", ".join(str(label) for _value, label in Result.choices)),
    ]
    lines += [(c.label, c.help) for c in COLUMNS if c.help]
    bold = Font(bold=True)
    for label, text in lines:
        sheet.append(xlsx_row([str(label), str(text)]))
        row = sheet.max_row
        sheet.cell(row=row, column=1).font = bold
        sheet.cell(row=row, column=2).alignment = wrap


def _hidden_sheets(workbook, data, emails, membership, language):
    lists = workbook.create_sheet(LISTS_SHEET)
    for index, (_value, label) in enumerate(Result.choices, start=1):
        lists.cell(row=index, column=1, value=str(label))
    for index, email in enumerate(emails, start=1):
        lists.cell(row=index, column=2, value=xlsx_value(email))
    lists.sheet_state = "hidden"
    meta = workbook.create_sheet(META_SHEET)
    for key, value in [
        ("format", FORMAT),
        ("assessment", data.assessment.pk),
        ("organization", data.organization.pk),
        ("library", data.library.urn),
        ("language", language),
        ("exported_at", timezone.now().isoformat(timespec="seconds")),
        ("exported_by", membership.user.email),
    ]:
        meta.append(xlsx_row([key, value]))
    meta.sheet_state = "hidden"


def assessment_workbook(*, membership, assessment, language: str) -> bytes:
    """The .xlsx file of one (visible) assessment, in the report language."""
    from openpyxl import Workbook

    language = report_language(language)
    with written_in(language):
        data = selectors.assessment_report_data(membership=membership, assessment=assessment)
        emails = sorted(current_members(membership))
        workbook = Workbook()
        _requirements_sheet(workbook, data, emails)
        _instructions_sheet(workbook, data)
        _hidden_sheets(workbook, data, emails, membership, language)
        workbook.properties.title = str(assessment)
        workbook.properties.creator = "Resguardo"
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def workbook_filename(assessment) -> str:
    return f"assessment-{assessment.pk}.xlsx"
