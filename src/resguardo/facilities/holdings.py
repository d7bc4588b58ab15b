"""What a person still holds from facilities (the departure checklist): issued badges."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.modules import HeldItem

from .choices import BadgeStatus
from .models import Badge


def held_items(*, organization, user, employee_number, full_name):
    match = Q()
    if user is not None:
        match |= Q(holder_user=user)
    if employee_number:
        match |= Q(employee_number=employee_number)
    if not match:
        return []
    badges = Badge.objects.filter(match, organization=organization, status=BadgeStatus.ISSUED)
    return [
        HeldItem(
            key=f"facilities.badge:{badge.pk}",
            kind=_("Badge"),
            label=_("Badge %(number)s (%(kind)s)")
            % {"number": badge.number, "kind": badge.get_kind_display()},
            url=reverse("facilities:badge_detail", args=[badge.pk]),
        )
        for badge in badges.order_by("number")
    ]
