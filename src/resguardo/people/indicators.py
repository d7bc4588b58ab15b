"""The people module's indicators (standards 8 and 10)."""

import datetime

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import PersonStatus
from .models import Departure, Person
from .rules import clearance_current
from .selectors import policy_get
from .selectors.training import matrix_for

WINDOW_DAYS = 365


def _active(organization, site):
    people = Person.objects.filter(organization=organization, status=PersonStatus.ACTIVE)
    return people.filter(site=site) if site is not None else people


def background_checks_current(organization, site=None) -> Reading:
    """Active people cleared and not yet due for a re-check or an expired item."""
    people = list(_active(organization, site).select_related("post"))
    if not people:
        return Reading(None, _("No one in the personnel register yet"))
    months = policy_get(organization=organization).recheck_months
    today = timezone.localdate()
    current = sum(clearance_current(p, recheck_months=months, today=today) for p in people)
    return Reading(
        100 * current / len(people),
        _("%(n)s of %(total)s people cleared and current") % {"n": current, "total": len(people)},
        current,
        len(people),
    )


def offboarding_access_removed(organization, site=None) -> Reading:
    """Departures of the last year whose clock has run out or that are complete: the share
    completed before the deadline. A departure still open after its deadline counts late."""
    now = timezone.now()
    departures = Departure.objects.filter(
        organization=organization, left_at__gte=now - datetime.timedelta(days=WINDOW_DAYS)
    ).filter(Q(completed_at__isnull=False) | Q(deadline__lt=now))
    if site is not None:
        departures = departures.filter(person__site=site)
    total = departures.count()
    if not total:
        return Reading(None, _("No departures in the last 12 months"))
    on_time = departures.filter(completed_at__lte=F("deadline")).count()
    return Reading(
        100 * on_time / total,
        _("%(n)s of %(total)s departures completed on time") % {"n": on_time, "total": total},
        on_time,
        total,
    )


def training_coverage(organization, site=None) -> Reading:
    matrix = matrix_for(organization=organization, people=_active(organization, site))
    if matrix.coverage is None:
        return Reading(None, _("No course is required of anyone yet"))
    done = matrix.required - matrix.counts["missing"] - matrix.counts["expired"]
    return Reading(
        matrix.coverage,
        _("%(n)s of %(total)s required courses current") % {"n": done, "total": matrix.required},
        done,
        matrix.required,
    )


INDICATORS = [
    Indicator(
        key="people.background_checks_current",
        label=gettext_lazy("Staff cleared with a current background check"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=background_checks_current,
        description=gettext_lazy(
            "Active people whose background check is cleared, with sensitive posts re-checked "
            "on the policy's interval and no check item expired."
        ),
        standards=(8,),
    ),
    Indicator(
        key="people.offboarding_access_removed",
        label=gettext_lazy("Departures with everything returned or revoked on time"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=offboarding_access_removed,
        description=gettext_lazy(
            "Departures of the last 12 months whose checklist was completed within the "
            "policy's clock (24 hours by default)."
        ),
        standards=(8,),
    ),
    Indicator(
        key="people.training_coverage",
        label=gettext_lazy("Required training current"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=training_coverage,
        description=gettext_lazy(
            "Required courses (by post) that active people hold and that have not expired."
        ),
        standards=(1, 10),
    ),
]
