"""Standard 9 indicators, computed from the inventory, the reviews and the restore tests."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from . import selectors

RESTORE_TEST_WINDOW_DAYS = 365


def access_review_age(organization, site=None) -> Reading:
    """Days since the oldest "latest signed review" among the systems in use (a system never
    reviewed counts from the day it was listed): the worst system sets the figure."""
    today = timezone.localdate()
    ages = []
    never = 0
    for system in selectors.systems_with_review_dates(organization):
        since = system.last_review_at or system.created_at
        never += system.last_review_at is None
        ages.append((today - timezone.localtime(since).date()).days)
    if not ages:
        return Reading(None, _("No systems in the inventory yet."))
    worst = max(ages)
    detail = _("Oldest review: %(days)s days ago (systems in use: %(n)s)") % {
        "days": worst,
        "n": len(ages),
    }
    if never:
        detail += "; " + _("%(n)s never reviewed") % {"n": never}
    return Reading(worst, detail)


def mfa_coverage(organization, site=None) -> Reading:
    covered, total = selectors.mfa_coverage(organization)
    if not total:
        return Reading(None, _("No accounts yet."))
    value = round(100 * covered / total, 1)
    return Reading(
        value,
        _("%(covered)s of %(total)s accounts use a second factor") % {
            "covered": covered, "total": total},
        covered,
        total,
    )  # fmt: skip


def backup_restore_tested(organization, site=None) -> Reading:
    since = timezone.localdate() - datetime.timedelta(days=RESTORE_TEST_WINDOW_DAYS)
    tested, total, _untested = selectors.restore_tested(organization, since=since)
    if not total:
        return Reading(None, _("No systems in the inventory yet."))
    return Reading(
        round(100 * tested / total, 1),
        _("%(tested)s of %(total)s systems restored successfully in the last 12 months")
        % {"tested": tested, "total": total},
        tested,
        total,
    )


INDICATORS = [
    Indicator(
        key="infosec.access_review_age",
        label=gettext_lazy("Days since the oldest system access review"),
        unit=Unit.DAYS,
        target=92,
        direction=Direction.LOWER_IS_BETTER,
        compute=access_review_age,
        description=gettext_lazy(
            "Each system's accounts are reviewed every quarter by default; the figure is the "
            "age of the oldest last review among the systems in use."
        ),
        standards=(9,),
    ),
    Indicator(
        key="infosec.mfa_coverage",
        label=gettext_lazy("Accounts protected by two-factor sign-in"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=mfa_coverage,
        description=gettext_lazy(
            "Resguardo's current members with two-factor sign-in, and the active accounts of "
            "the other systems in use whose system enforces it or that use it."
        ),
        standards=(9,),
    ),
    Indicator(
        key="infosec.backup_restore_tested",
        label=gettext_lazy("Systems with a successful restore test in the last 12 months"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=backup_restore_tested,
        standards=(9,),
    ),
]
