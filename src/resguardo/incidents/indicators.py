"""Live measures of standard 11, computed from incidents and their notices."""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import OPEN_STATUSES, NoticeStatus
from .models import Incident, Notice

WINDOW_DAYS = 365
STALE_DAYS = 30


def notice_timeliness(organization, site=None) -> Reading:
    """Notices of the last 12 months that were due: the share filed by their due time."""
    now = timezone.now()
    notices = Notice.objects.filter(
        organization=organization,
        due_at__gte=now - datetime.timedelta(days=WINDOW_DAYS),
    ).filter(Q(status=NoticeStatus.FILED) | Q(status=NoticeStatus.PENDING, due_at__lt=now))
    if site is not None:
        notices = notices.filter(incident__site=site)
    counts = notices.aggregate(
        total=Count("id"),
        on_time=Count("id", filter=Q(status=NoticeStatus.FILED, filed_at__lte=F("due_at"))),
    )
    total = counts["total"]
    if not total:
        return Reading(None, _("No incident notice was due in the last 12 months."))
    on_time = counts["on_time"]
    return Reading(
        round(100.0 * on_time / total, 1),
        _("%(n)s of %(total)s notices due in the last 12 months were filed on time.")
        % {"n": on_time, "total": total},
        on_time,
        total,
    )


def open_investigations(organization, site=None) -> Reading:
    """Investigations still open more than 30 days after the report (0 is the target)."""
    incidents = Incident.objects.filter(organization=organization, status__in=OPEN_STATUSES)
    if site is not None:
        incidents = incidents.filter(site=site)
    limit = timezone.now() - datetime.timedelta(days=STALE_DAYS)
    counts = incidents.aggregate(
        open=Count("id"), stale=Count("id", filter=Q(reported_at__lt=limit))
    )
    stale, total = counts["stale"], counts["open"]
    return Reading(
        stale,
        _("%(stale)s of %(open)s open investigations were reported more than 30 days ago.")
        % {"stale": stale, "open": total},
        stale,
        total,
    )


INDICATORS = [
    Indicator(
        key="incidents.notice_timeliness",
        label=gettext_lazy("Incident notices filed on time"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=notice_timeliness,
        description=gettext_lazy(
            "Share of the notices due in the last 12 months (the OEA aviso within its days, "
            "and the others each case called for) filed by their due time."
        ),
        standards=(11,),
    ),
    Indicator(
        key="incidents.open_investigations",
        label=gettext_lazy("Investigations open for more than 30 days"),
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=open_investigations,
        description=gettext_lazy(
            "Incidents whose investigation is still open more than 30 days after the report."
        ),
        standards=(11,),
    ),
]
