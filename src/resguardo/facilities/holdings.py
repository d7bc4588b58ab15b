"""What a person still holds from facilities (the departure checklist): badges and keys."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.modules import HeldItem

from .choices import BadgeStatus, KeyStatus
from .models import Badge, Key


def held_items(*, organization, user, employee_number, full_name):
    match = Q()
    if user is not None:
        match |= Q(holder_user=user)
    if employee_number:
        match |= Q(employee_number=employee_number)
    if not match:
        return []
    badges = Badge.objects.filter(match, organization=organization, status=BadgeStatus.ISSUED)
    keys = Key.objects.filter(match, organization=organization, status=KeyStatus.ISSUED)
    return [
        HeldItem(
            key=f"facilities.badge:{badge.pk}",
            kind=_("Badge"),
            label=_("Badge %(number)s (%(kind)s)")
            % {"number": badge.number, "kind": badge.get_kind_display()},
            url=reverse("facilities:badge_detail", args=[badge.pk]),
        )
        for badge in badges.order_by("number")
    ] + [
        HeldItem(
            key=f"facilities.key:{key.pk}",
            kind=_("Key"),
            label=_("Key %(number)s (%(opens)s)") % {"number": key.number, "opens": key.opens},
            url=reverse("facilities:key_list") + f"?q={key.number}",
        )
        for key in keys.order_by("number")
    ]
