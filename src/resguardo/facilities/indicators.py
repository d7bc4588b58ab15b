"""Live measures of standards 2 and 3, computed from the gate log and the badge register."""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import BadgeKind, BadgeStatus
from .models import Badge, Visit

WINDOW_DAYS = 90
# A visit still open after this long was never checked out: the log is incomplete.
OPEN_VISIT_HOURS = 24


def _at_site(queryset, site):
    return queryset if site is None else queryset.filter(site=site)


def incomplete_visit_q(now) -> Q:
    never_left = Q(
        checked_out_at__isnull=True,
        checked_in_at__lt=now - datetime.timedelta(hours=OPEN_VISIT_HOURS),
    )
    badge_kept = Q(
        checked_out_at__isnull=False,
        badge__isnull=False,
        badge_returned_at__isnull=True,
        badge__status=BadgeStatus.ISSUED,
        badge__visit=F("pk"),
    )
    return never_left | badge_kept


def visitor_log_complete(organization, site=None) -> Reading:
    now = timezone.now()
    visits = _at_site(
        Visit.objects.filter(
            organization=organization,
            checked_in_at__gte=now - datetime.timedelta(days=WINDOW_DAYS),
        ),
        site,
    )
    counts = visits.aggregate(total=Count("id"), bad=Count("id", filter=incomplete_visit_q(now)))
    if not counts["total"]:
        return Reading(None, _("No visit logged in the last 90 days."))
    done = counts["total"] - counts["bad"]
    return Reading(
        round(100.0 * done / counts["total"], 1),
        _(
            "%(n)s of %(total)s visits of the last 90 days were checked out with their badge "
            "returned."
        )
        % {"n": done, "total": counts["total"]},
        done,
        counts["total"],
    )


def current_badge_q(today) -> Q:
    employee_valid = Q(kind=BadgeKind.EMPLOYEE) & (
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )
    visitor_inside = ~Q(kind=BadgeKind.EMPLOYEE) & Q(
        visit__isnull=False, visit__checked_out_at__isnull=True
    )
    return employee_valid | visitor_inside


def badges_current(organization, site=None) -> Reading:
    today = timezone.localdate()
    badges = _at_site(
        Badge.objects.filter(organization=organization, status=BadgeStatus.ISSUED), site
    )
    counts = badges.aggregate(total=Count("id"), good=Count("id", filter=current_badge_q(today)))
    if not counts["total"]:
        return Reading(None, _("No badge is out."))
    return Reading(
        round(100.0 * counts["good"] / counts["total"], 1),
        _(
            "%(n)s of %(total)s badges out are accounted for (valid employee badges, visitor "
            "badges of people inside)."
        )
        % {"n": counts["good"], "total": counts["total"]},
        counts["good"],
        counts["total"],
    )


INDICATORS = [
    Indicator(
        key="facilities.visitor_log_complete",
        label=gettext_lazy("Visits checked out with their badge returned"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=visitor_log_complete,
        description=gettext_lazy(
            "Visits of the last 90 days that were checked out (within 24 hours) and whose "
            "visitor badge came back."
        ),
        standards=(3,),
    ),
    Indicator(
        key="facilities.badges_current",
        label=gettext_lazy("Badges out that are accounted for"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=badges_current,
        description=gettext_lazy(
            "Issued badges that are employee badges not yet expired, or visitor and provider "
            "badges held by someone still on site."
        ),
        standards=(3,),
    ),
]


def physical_checks_current(organization, site=None) -> Reading:
    from .models import CheckType

    today = timezone.localdate()
    checks = _at_site(CheckType.objects.filter(organization=organization, is_active=True), site)
    counts = checks.aggregate(total=Count("id"), good=Count("id", filter=Q(next_due_on__gte=today)))
    if not counts["total"]:
        return Reading(None, _("No scheduled physical check yet."))
    return Reading(
        round(100.0 * counts["good"] / counts["total"], 1),
        _("%(n)s of %(total)s scheduled checks and rounds are not overdue.")
        % {"n": counts["good"], "total": counts["total"]},
        counts["good"],
        counts["total"],
    )


def cctv_review_age(organization, site=None) -> Reading:
    from .choices import CheckKind, RunStatus
    from .models import CheckRun

    last = (
        _at_site(
            CheckRun.objects.filter(
                organization=organization,
                check_type__kind=CheckKind.CCTV_REVIEW,
                status__in=[RunStatus.PASSED, RunStatus.FAILED],
            ),
            site,
        )
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    if last is None:
        return Reading(None, _("No CCTV recording review recorded yet."))
    days = (timezone.now() - last).days
    return Reading(days, _("The last CCTV recording review was %(n)s days ago.") % {"n": days})


INDICATORS += [
    Indicator(
        key="facilities.physical_checks_current",
        label=gettext_lazy("Scheduled physical checks and rounds not overdue"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=physical_checks_current,
        description=gettext_lazy(
            "Active checks (rounds, fence, lighting, alarm, CCTV) whose next date has not passed."
        ),
        standards=(2,),
    ),
    Indicator(
        key="facilities.cctv_review_age",
        label=gettext_lazy("Days since the last CCTV recording review"),
        unit=Unit.DAYS,
        target=30,
        direction=Direction.LOWER_IS_BETTER,
        compute=cctv_review_age,
        standards=(2,),
    ),
]


def key_audit_age(organization, site=None) -> Reading:
    from .models import KeyAudit

    last = (
        _at_site(KeyAudit.objects.filter(organization=organization), site)
        .order_by("-performed_at")
        .values_list("performed_at", flat=True)
        .first()
    )
    if last is None:
        return Reading(None, _("No key audit recorded yet."))
    days = (timezone.now() - last).days
    return Reading(days, _("The last key audit was %(n)s days ago.") % {"n": days})


INDICATORS.append(
    Indicator(
        key="facilities.key_audit_age",
        label=gettext_lazy("Days since the last key audit"),
        unit=Unit.DAYS,
        target=90,
        direction=Direction.LOWER_IS_BETTER,
        compute=key_audit_age,
        standards=(2,),
    )
)
