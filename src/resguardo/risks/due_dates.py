"""Standard 1 obligations for the calendar: the yearly register review, each plan's drill and
each policy's review."""

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.modules import DueDate
from resguardo.core.permissions import Perm

from .models import ContingencyPlan, Policy, RegisterReview, Risk
from .services.common import add_months


def _register_review_due(organization):
    """Twelve months after the last signed version; with none, as soon as risks exist."""
    last = RegisterReview.objects.filter(organization=organization).aggregate(
        last=Max("reviewed_at")
    )["last"]
    if last is not None:
        return add_months(timezone.localdate(last), 12)
    first = Risk.objects.filter(organization=organization).aggregate(first=Min("created_at"))
    return timezone.localdate(first["first"]) if first["first"] else None


def due_dates(*, organization, start, end):
    found = []
    review_due = _register_review_due(organization)
    if review_due is not None and review_due <= end and (start is None or review_due >= start):
        found.append(
            DueDate(
                key=f"risks.register_review:{organization.pk}",
                title=_("Yearly review of the risk register"),
                due_on=review_due,
                url=reverse("risks:review_list"),
                standard=1,
                perm=Perm.APPROVE,
            )
        )
    plans = ContingencyPlan.objects.filter(
        organization=organization, is_active=True, next_drill_on__lte=end
    )
    policies = Policy.objects.filter(
        organization=organization, is_active=True, next_review_on__lte=end
    )
    if start is not None:
        plans = plans.filter(next_drill_on__gte=start)
        policies = policies.filter(next_review_on__gte=start)
    for plan in plans:
        found.append(
            DueDate(
                key=f"risks.drill:{plan.pk}",
                title=_("Drill of the contingency plan “%(plan)s”") % {"plan": plan.title},
                due_on=plan.next_drill_on,
                url=plan.get_absolute_url(),
                standard=1,
                site_id=plan.site_id,
                owner_id=plan.owner_id,
            )
        )
    for policy in policies:
        found.append(
            DueDate(
                key=f"risks.policy_review:{policy.pk}",
                title=_("Review of the security policy “%(policy)s”") % {"policy": policy.title},
                due_on=policy.next_review_on,
                url=policy.get_absolute_url(),
                standard=1,
                owner_id=policy.owner_id,
            )
        )
    return found
