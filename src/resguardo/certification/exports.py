"""The E4 profile as files the officer copies from: XLSX (openpyxl) and PDF (WeasyPrint),
always in Spanish, as VUCEM asks."""

import tempfile

from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from resguardo.core.exports import XLSX_TYPE
from resguardo.core.text import xlsx_row

PDF_TYPE = "application/pdf"
LANGUAGE = "es-mx"
CHANGE_LABELS = {"new": "Nuevo", "changed": "Modificado", "unchanged": "Sin cambios", "": "—"}


def _file_stem(profile) -> str:
    scope = f"sitio-{profile.site.pk}" if profile.site else "organizacion"
    return f"perfil-e4-{scope}-{timezone.localdate():%Y%m%d}"


def e4_xlsx(profile, organization) -> FileResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Perfil E4"
    sheet.append(xlsx_row([f"Perfil del Agente Aduanal (E4) · {organization.legal_name}"]))
    sheet.append(
        xlsx_row(["Instalación", profile.site.name if profile.site else "Toda la organización"])
    )
    sheet.append(xlsx_row(["Tipo de solicitud", str(_request_type_es(profile))]))
    sheet.append([])
    header = ["Número", "Sub-estándar", "Respuesta", "Procedimientos anexos", "Cambio"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for standard in profile.standards:
        sheet.append(xlsx_row([standard.ref_id, standard.title]))
        sheet[sheet.max_row][0].font = Font(bold=True)
        sheet[sheet.max_row][1].font = Font(bold=True)
        for item in standard.items:
            sheet.append(
                xlsx_row(
                    [
                        item.ref_id,
                        item.title,
                        item.full_answer,
                        "\n".join(item.procedures),
                        CHANGE_LABELS[item.change],
                    ]
                )
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDE", (9, 40, 90, 40, 14), strict=True):
        sheet.column_dimensions[column].width = width
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle, as_attachment=True, filename=f"{_file_stem(profile)}.xlsx", content_type=XLSX_TYPE
    )


def _request_type_es(profile) -> str:
    with translation.override(LANGUAGE):
        return str(profile.request_type_label())


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"the E4 PDF loads nothing from outside: {url}")


def e4_pdf(profile, organization) -> HttpResponse:
    from weasyprint import HTML

    with translation.override(LANGUAGE):
        html = render_to_string(
            "certification/e4_print.html",
            {
                "profile": profile,
                "organization": organization,
                "request_type": _request_type_es(profile),
                "change_labels": CHANGE_LABELS,
                "today": timezone.localdate(),
            },
        )
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    response = HttpResponse(pdf, content_type=PDF_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_file_stem(profile)}.pdf"'
    return response
