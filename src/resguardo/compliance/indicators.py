"""Live indicators the compliance app computes from its own records.

Each reads one organization (and optionally one site, counting organization-wide records
too) in one or two queries.
"""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import LATE_ACTION_STATUSES, AssessmentStatus, AuditStatus
from .models import ActionItem, Assessment, Evidence, InternalAudit


def _site_q(site, field="site"):
    return Q() if site is None else Q(**{f"{field}__isnull": True}) | Q(**{field: site})


def evidence_fresh(*, organization, site=None) -> Reading:
    today = timezone.localdate()
    counts = Evidence.objects.filter(_site_q(site), organization=organization).aggregate(
        total=Count("id"),
        current=Count("id", filter=Q(valid_until__isnull=True) | Q(valid_until__gte=today)),
    )
    if not counts["total"]:
        return Reading(None, _("No evidence filed yet"))
    value = round(100 * counts["current"] / counts["total"], 1)
    return Reading(
        value,
        ngettext(
            "%(n)s of %(total)s evidence item is current",
            "%(n)s of %(total)s evidence items are current",
            counts["total"],
        )
        % {"n": counts["current"], "total": counts["total"]},
        counts["current"],
        counts["total"],
    )


def overdue_actions(*, organization, site=None) -> Reading:
    today = timezone.localdate()
    count = ActionItem.objects.filter(
        _site_q(site),
        organization=organization,
        status__in=LATE_ACTION_STATUSES,
        due_date__lt=today,
    ).count()
    label = ngettext(
        "%(n)s action past its due date", "%(n)s actions past their due date", count
    ) % {"n": count}
    return Reading(count, label, count)


def _age(last) -> Reading | None:
    if last is None:
        return None
    days = (timezone.localdate() - last).days
    return Reading(days, _("%(days)s days ago (%(date)s)") % {"days": days, "date": last})


def internal_audit_age(*, organization, site=None) -> Reading:
    queryset = InternalAudit.objects.filter(organization=organization, status=AuditStatus.COMPLETED)
    if site is not None:
        queryset = queryset.filter(Q(sites__isnull=True) | Q(sites=site))
    last = queryset.aggregate(last=Max("performed_on"))["last"]
    return _age(last) or Reading(None, _("No internal audit completed yet"))


def assessment_age(*, organization, site=None) -> Reading:
    last = Assessment.objects.filter(
        _site_q(site), organization=organization, status=AssessmentStatus.FROZEN
    ).aggregate(last=Max("frozen_at"))["last"]
    if last is None:
        return Reading(None, _("No self-assessment signed off yet"))
    return _age(timezone.localtime(last).date())


INDICATORS = [
    Indicator(
        key="compliance.evidence_fresh",
        label=gettext_lazy("Evidence still valid"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=evidence_fresh,
        description=gettext_lazy(
            "Share of evidence items whose valid-until date has not passed (items without "
            "a date count as current)."
        ),
        standards=(1, 9),
    ),
    Indicator(
        key="compliance.overdue_actions",
        label=gettext_lazy("Overdue corrective and preventive actions"),
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=overdue_actions,
        description=gettext_lazy("Open or in-progress actions past their due date."),
        standards=(1, 11),
    ),
    Indicator(
        key="compliance.internal_audit_age",
        label=gettext_lazy("Days since the last internal audit"),
        unit=Unit.DAYS,
        target=365,
        direction=Direction.LOWER_IS_BETTER,
        compute=internal_audit_age,
        description=gettext_lazy("Standard 1.3 asks for an internal audit at least yearly."),
        standards=(1,),
    ),
    Indicator(
        key="compliance.assessment_age",
        label=gettext_lazy("Days since the last signed-off self-assessment"),
        unit=Unit.DAYS,
        target=365,
        direction=Direction.LOWER_IS_BETTER,
        compute=assessment_age,
        description=gettext_lazy("A self-assessment signed off at least once a year."),
        standards=(1,),
    ),
]
