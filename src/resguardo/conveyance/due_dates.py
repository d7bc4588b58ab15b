"""Conveyance dates for the obligations calendar (core.modules.due_dates): the next seal
audit of every site that keeps seals (one at least every AUDIT_TARGET_DAYS), and inspections
waiting for a supervisor's review. Titles are lazy (each reader's language)."""

import datetime

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate, record_url
from resguardo.core.permissions import Perm

from .indicators import AUDIT_TARGET_DAYS
from .models import Inspection, SealAudit, SealLot

# A supervisor should review an inspection the day after it was recorded.
INSPECTION_REVIEW_DAYS = 1


def seal_audits(*, organization, start, end):
    """Two queries: the sites holding seal lots, and their last audit."""
    sites = (
        SealLot.objects.filter(organization=organization)
        .values("site_id", "site__name")
        .annotate(first_received=Min("received_on"))
    )
    last_audit = dict(
        SealAudit.objects.filter(organization=organization)
        .values("site_id")
        .annotate(last=Max("performed_at"))
        .values_list("site_id", "last")
    )
    audits_url = reverse("conveyance:audit_list")
    found = []
    for row in sites:
        last = last_audit.get(row["site_id"])
        since = timezone.localdate(last) if last else row["first_received"]
        due_on = since + datetime.timedelta(days=AUDIT_TARGET_DAYS)
        if due_on > end or (start is not None and due_on < start):
            continue
        found.append(
            DueDate(
                key=f"conveyance.seal_audit:{row['site_id']}",
                title=format_lazy("{}: {}", _("Seal audit"), row["site__name"]),
                due_on=due_on,
                # the audits of the site (starting one is for supervisors only)
                url=audits_url + f"?site={row['site_id']}",
                standard=7,
                site_id=row["site_id"],
                perm=Perm.RECORD,
            )
        )
    return found


def inspections_to_review(*, organization, start, end):
    late = datetime.timedelta(days=INSPECTION_REVIEW_DAYS)
    url = record_url("conveyance:inspection_detail")
    rows = Inspection.objects.filter(organization=organization, reviewed_at__isnull=True)
    # inspected_at is a moment: bound it a day wide of the range, then compare local dates
    rows = rows.filter(inspected_at__date__lte=end)
    if start is not None:
        rows = rows.filter(inspected_at__date__gte=start - late - datetime.timedelta(days=1))
    found = []
    for row in rows.values("pk", "inspected_at", "unit_number", "site_id"):
        due_on = timezone.localdate(row["inspected_at"]) + late
        if due_on > end or (start is not None and due_on < start):
            continue
        found.append(
            DueDate(
                key=f"conveyance.inspection_review:{row['pk']}",
                title=format_lazy("{}: {}", _("Awaiting supervisor"), row["unit_number"]),
                due_on=due_on,
                url=url(row["pk"]),
                standard=7,
                site_id=row["site_id"],
                perm=Perm.RECORD,
            )
        )
    return found
