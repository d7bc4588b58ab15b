"""Standard 1 indicators: age of the signed risk register, age of the contingency drills,
and the staff's acknowledgement of the security policies in force."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .models import ContingencyPlan, Policy, PolicyAcknowledgement, RegisterReview
from .selectors import acknowledging_users


def assessment_age(*, organization, site=None) -> Reading:
    last = RegisterReview.objects.filter(organization=organization).aggregate(
        last=Max("reviewed_at")
    )["last"]
    if last is None:
        return Reading(None, _("The risk register has not been signed yet"))
    day = timezone.localdate(last)
    days = (timezone.localdate() - day).days
    return Reading(days, _("Signed %(days)s days ago (%(date)s)") % {"days": days, "date": day})


def contingency_drill_age(*, organization, site=None) -> Reading:
    """Days since the least recently drilled plan in force was drilled (a plan never drilled
    counts from the day it was written): every plan must be drilled yearly."""
    plans = ContingencyPlan.objects.filter(organization=organization, is_active=True)
    if site is not None:
        plans = plans.filter(Q(site__isnull=True) | Q(site=site))
    rows = list(plans.annotate(last=Max("drills__held_on")).values("title", "last", "created_at"))
    if not rows:
        return Reading(None, _("No contingency plan written yet"))
    today = timezone.localdate()

    def age(row):
        since = row["last"] or timezone.localdate(row["created_at"])
        return (today - since).days

    worst = max(rows, key=lambda row: (age(row), row["last"] is None))
    days = age(worst)
    if worst["last"] is None:
        detail = _("%(plan)s has never been drilled (%(days)s days since it was written)")
    else:
        detail = _("%(plan)s was last drilled %(days)s days ago")
    return Reading(days, detail % {"plan": worst["title"], "days": days})


def policy_acknowledgement(*, organization, site=None) -> Reading:
    """Share of (policy in force × staff member) pairs acknowledged for the current version."""
    policies = Policy.objects.filter(
        organization=organization, is_active=True, current_version__isnull=False
    )
    people = acknowledging_users(organization)
    policy_count, people_count = policies.count(), people.count()
    expected = policy_count * people_count
    if not expected:
        return Reading(None, _("No security policy in force yet"))
    done = PolicyAcknowledgement.objects.filter(
        version_id__in=policies.values("current_version_id"), user__in=people
    ).aggregate(n=Count("pk"))["n"]
    return Reading(
        round(100 * done / expected, 1),
        _("%(done)s of %(expected)s acknowledgements (%(policies)s policies, %(people)s people)")
        % {"done": done, "expected": expected, "policies": policy_count, "people": people_count},
        done,
        expected,
    )


INDICATORS = [
    Indicator(
        key="risks.assessment_age",
        label=gettext_lazy("Days since the risk register was last signed"),
        unit=Unit.DAYS,
        target=365,
        direction=Direction.LOWER_IS_BETTER,
        compute=assessment_age,
        description=gettext_lazy("The risk analysis is reviewed and signed at least yearly."),
        standards=(1,),
    ),
    Indicator(
        key="risks.contingency_drill_age",
        label=gettext_lazy("Days since the least recently drilled contingency plan"),
        unit=Unit.DAYS,
        target=365,
        direction=Direction.LOWER_IS_BETTER,
        compute=contingency_drill_age,
        description=gettext_lazy("Every contingency plan in force is drilled at least yearly."),
        standards=(1,),
    ),
    Indicator(
        key="risks.policy_acknowledgement",
        label=gettext_lazy("Security policies acknowledged by the staff"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=policy_acknowledgement,
        description=gettext_lazy(
            "Each member acknowledges the version in force of every security policy."
        ),
        standards=(1,),
    ),
]
