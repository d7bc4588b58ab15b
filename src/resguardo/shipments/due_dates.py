"""Shipments dates for the obligations calendar (core.modules.due_dates): active customs
badges (gafetes) that expire. One query; titles are lazy (each reader's language)."""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate

from .choices import BadgeStatus
from .models import CustomsBadge


def badge_expiry(*, organization, start, end):
    badges = CustomsBadge.objects.filter(
        organization=organization, status=BadgeStatus.ACTIVE, expires_on__lte=end
    )
    if start is not None:
        badges = badges.filter(expires_on__gte=start)
    return [
        DueDate(
            key=f"shipments.badge:{row['pk']}",
            title=format_lazy(
                "{} {}: {}", _("Customs badge expires"), row["badge_number"], row["holder_name"]
            ),
            due_on=row["expires_on"],
            # the list: editing a badge is for compliance officers, the holder is reminded too
            url=reverse("shipments:badge_list"),
            standard=6,
            owner_id=row["user_id"],
        )
        for row in badges.values("pk", "badge_number", "holder_name", "expires_on", "user_id")
    ]
