"""Excel export of the partner registry (openpyxl)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from resguardo.core.text import xlsx_row

from .choices import HitStatus


def _certifications(partner) -> str:
    today = timezone.localdate()
    parts = []
    for cert in partner.certifications.all():
        until = cert.valid_until.isoformat() if cert.valid_until else "—"
        parts.append(f"{cert.get_program_display()} ({until}, {cert.status_on(today)})")
    return "; ".join(parts)


def partners_workbook(partners) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Partners")[:31]
    header = [
        _("Legal name"),
        _("Trade name"),
        _("Type"),
        _("RFC"),
        _("Foreign tax id"),
        _("Country"),
        _("Status"),
        _("Risk"),
        _("Risk score"),
        _("Risk set by hand"),
        _("Next review due"),
        _("Last screened"),
        _("Watchlist hits to review"),
        _("Certifications"),
        _("RFC warning"),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for partner in partners:
        open_hits = sum(
            1 for h in partner.hits.all() if h.is_current and h.status == HitStatus.OPEN
        )
        screened = (
            timezone.localtime(partner.last_screened_at).replace(tzinfo=None)
            if partner.last_screened_at
            else None
        )
        sheet.append(
            xlsx_row(
                [
                    partner.legal_name,
                    partner.trade_name,
                    partner.get_kind_display(),
                    partner.rfc,
                    partner.tax_id,
                    partner.country,
                    partner.get_status_display(),
                    partner.get_effective_risk_display(),
                    partner.risk_score,
                    _("yes") if partner.risk_override else "",
                    partner.next_review_due,
                    screened,
                    open_hits,
                    _certifications(partner),
                    str(partner.rfc_warning),
                ]
            )
        )
    for column, width in zip(
        "ABCDEFGHIJKLMNO", (45, 30, 24, 15, 15, 8, 22, 10, 10, 10, 14, 18, 12, 50, 40), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
