"""The risk matrix as an XLSX workbook (core.exports) and a PDF (WeasyPrint) with its heat map."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.exports import xlsx_response

from .choices import RiskLevel, RiskStatus, Treatment
from .heatmap import register_heat_map
from .presenters import threat_label

PDF_TYPE = "application/pdf"


def matrix_header() -> list[str]:
    return [
        _("Code"),
        _("Risk"),
        _("Site"),
        _("Process or place"),
        _("Threat"),
        _("Vulnerabilities"),
        _("Inherent likelihood"),
        _("Inherent impact"),
        _("Inherent level"),
        _("Controls in place"),
        _("Requirements"),
        _("Residual likelihood"),
        _("Residual impact"),
        _("Residual level"),
        _("Treatment"),
        _("Owner"),
        _("Status"),
    ]


def matrix_rows(rows: list[dict]):
    """Rows of a register as `services.register_snapshot` writes them (live or frozen)."""
    for row in rows:
        yield [
            row["code"],
            row["title"],
            row["site"] or str(_("Whole organization")),
            row["process"],
            threat_label(row),
            row["vulnerabilities"],
            row["inherent_likelihood"],
            row["inherent_impact"],
            str(RiskLevel(row["inherent_level"]).label),
            row["controls"],
            ", ".join(row["requirements"]),
            row["residual_likelihood"],
            row["residual_impact"],
            str(RiskLevel(row["residual_level"]).label),
            str(Treatment(row["treatment"]).label),
            row["owner"],
            str(RiskStatus(row["status"]).label),
        ]


def matrix_xlsx(*, rows: list[dict], filename: str):
    return xlsx_response(filename, _("Risk matrix"), matrix_header(), matrix_rows(rows))


def matrix_pdf(*, organization, rows: list[dict], scale, heading: str, counts, filename: str):
    from weasyprint import HTML

    html = render_to_string(
        "risks/matrix_pdf.html",
        {
            "organization": organization,
            "heading": heading,
            "header": matrix_header(),
            "rows": list(matrix_rows(rows)),
            "heat_map": register_heat_map(counts, scale, title=_("Residual risk")),
            "printed_at": timezone.localtime(),
        },
    )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type=PDF_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
