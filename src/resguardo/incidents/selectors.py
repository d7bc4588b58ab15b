"""Every read of the incidents module, restricted to the member's organization and to what
their role may see (confidential incidents: officers and the people added to the case)."""

import datetime
from collections import Counter

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.modules import DueDate
from resguardo.core.permissions import Perm

from .access import sees_everything, visible_incidents
from .choices import OPEN_STATUSES, IncidentStatus, NoticeRecipient, NoticeStatus
from .models import (
    Category,
    Evidence,
    Incident,
    IncidentAccess,
    Notice,
    ReportingLink,
)


def incident_list(*, membership):
    base = Incident.objects.filter(organization=membership.organization).select_related(
        "site", "category"
    )
    return visible_incidents(base, membership)


def incident_get(*, membership, pk) -> Incident:
    return get_object_or_404(incident_list(membership=membership), pk=pk)


def incident_file(*, membership, pk) -> Incident:
    """One incident with everything its file page shows, in a fixed number of queries."""
    queryset = (
        incident_list(membership=membership)
        .select_related("reporter", "closed_by")
        .prefetch_related(
            "people",
            Prefetch("timeline", queryset=_timeline_qs()),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
            "notices",
            Prefetch("access", queryset=IncidentAccess.objects.select_related("user")),
            "actions__action__owner",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def _timeline_qs():
    from .models import TimelineEntry

    return TimelineEntry.objects.select_related("author")


def category_list(*, membership, active_only=False):
    categories = Category.objects.filter(organization=membership.organization)
    return categories.filter(is_active=True) if active_only else categories


def category_get(*, membership, pk) -> Category:
    return get_object_or_404(category_list(membership=membership), pk=pk)


def notice_list(*, membership):
    """Notices of the incidents this member may read."""
    incidents = incident_list(membership=membership)
    return (
        Notice.objects.filter(organization=membership.organization, incident__in=incidents)
        .select_related("incident", "incident__site")
        .order_by("due_at", "pk")
    )


def notice_get(*, membership, pk) -> Notice:
    return get_object_or_404(notice_list(membership=membership), pk=pk)


def evidence_list(*, membership):
    incidents = incident_list(membership=membership)
    return Evidence.objects.filter(
        organization=membership.organization, incident__in=incidents
    ).select_related("incident", "added_by")


def evidence_get(*, membership, pk) -> Evidence:
    return get_object_or_404(evidence_list(membership=membership), pk=pk)


def evidence_custody(*, evidence):
    return evidence.views.select_related("viewer").order_by("viewed_at", "pk")


def access_get(*, membership, pk) -> IncidentAccess:
    incidents = incident_list(membership=membership)
    return get_object_or_404(
        IncidentAccess.objects.filter(incident__in=incidents).select_related("incident", "user"),
        pk=pk,
    )


def reporting_link_list(*, membership):
    if not sees_everything(membership):
        return ReportingLink.objects.none()
    return ReportingLink.objects.filter(organization=membership.organization).select_related("site")


def reporting_link_get(*, membership, pk) -> ReportingLink:
    return get_object_or_404(reporting_link_list(membership=membership), pk=pk)


# --- the obligations calendar ----------------------------------------------------------------


def notice_due_dates(*, organization, start, end) -> list[DueDate]:
    """Pending notices due in [start, end] (everything overdue when start is None). Only the
    officers see them: the titles name confidential incidents."""
    notices = Notice.objects.filter(
        organization=organization, status=NoticeStatus.PENDING, due_at__date__lte=end
    )
    if start is not None:
        notices = notices.filter(due_at__date__gte=start)
    found = []
    for notice in notices.select_related("incident"):
        incident = notice.incident
        found.append(
            DueDate(
                key=f"incidents.notice:{notice.pk}",
                title=_("%(notice)s for %(ref)s")
                % {"notice": notice.get_recipient_display(), "ref": incident.reference},
                due_on=timezone.localtime(notice.due_at).date(),
                url=incident.get_absolute_url(),
                standard=11,
                site_id=incident.site_id,
                perm=Perm.MANAGE_COMPLIANCE,
            )
        )
    return found


# --- statistics -----------------------------------------------------------------------------


def _hours(delta: datetime.timedelta | None) -> float | None:
    return None if delta is None else delta.total_seconds() / 3600


def _duration(end: str, start: str):
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


def _month_starts(since: datetime.datetime) -> list[datetime.datetime]:
    local = timezone.localtime(since)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = [start]
    while starts[-1] < timezone.localtime():
        last = starts[-1]
        following = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        starts.append(timezone.make_aware(following.replace(tzinfo=None)))
    return starts


def _month_counts(since) -> list[tuple[str, str, Count]]:
    """(month, alias, aggregate) counting the incidents of each month: plain range comparisons
    the index serves (a per-row month function would run Python code for every row on
    SQLite)."""
    starts = _month_starts(since)
    return [
        (
            start.strftime("%Y-%m"),
            f"month_{index}",
            Count("id", filter=Q(reported_at__gte=start, reported_at__lt=end)),
        )
        for index, (start, end) in enumerate(zip(starts, starts[1:], strict=False))
    ]


def statistics(*, membership, months: int = 12) -> dict:
    """Counts by category, site and month, and the times to notify and to close, each one
    grouped in the database (a year of a busy agency is tens of thousands of rows)."""
    incidents = incident_list(membership=membership)
    since = timezone.now() - datetime.timedelta(days=31 * months)
    recent = incidents.filter(reported_at__gte=since)
    labels = {c.pk: c.label for c in category_list(membership=membership)}
    by_category = Counter()
    for row in recent.order_by().values("category_id").annotate(n=Count("id")):
        by_category[str(labels.get(row["category_id"], "?"))] += row["n"]
    by_site = Counter()
    for row in recent.order_by().values("site__name").annotate(n=Count("id")):
        by_site[row["site__name"] or _("Organization-wide")] += row["n"]
    month_counts = _month_counts(since)
    closed = Q(status=IncidentStatus.CLOSED)
    # one pass over the period's incidents for the totals, the months and the time to close
    counts = recent.order_by().aggregate(
        total=Count("id"),
        open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
        closed=Count("id", filter=closed),
        mean_to_close=Avg(_duration("closed_at", "reported_at"), filter=closed),
        **{alias: count for _month, alias, count in month_counts},
    )
    by_month = [(month, counts[alias]) for month, alias, _count in month_counts if counts[alias]]
    notify = Notice.objects.filter(
        organization=membership.organization,
        incident__in=recent.values("pk"),
        recipient=NoticeRecipient.OEA_AVISO,
        status=NoticeStatus.FILED,
    ).aggregate(
        n=Count("id"),
        mean=Avg(_duration("filed_at", "incident__reported_at")),
        on_time=Count("id", filter=Q(filed_at__lte=F("due_at"))),
    )
    mean_close = _hours(counts["mean_to_close"])
    return {
        "total": counts["total"],
        "open": counts["open"],
        "by_category": by_category.most_common(),
        "by_site": by_site.most_common(),
        "by_month": by_month,
        "avisos_filed": notify["n"],
        "avisos_on_time": notify["on_time"],
        "mean_hours_to_notify": _hours(notify["mean"]),
        "closed": counts["closed"],
        "mean_days_to_close": None if mean_close is None else mean_close / 24,
    }


def dashboard_panel(membership) -> dict:
    if not sees_everything(membership):
        return {"show": False}
    incidents = incident_list(membership=membership)
    now = timezone.now()
    overdue = Notice.objects.filter(
        organization=membership.organization, status=NoticeStatus.PENDING, due_at__lt=now
    ).count()
    return {
        "show": True,
        "open_incidents": incidents.filter(status__in=OPEN_STATUSES).count(),
        "overdue_notices": overdue,
    }
