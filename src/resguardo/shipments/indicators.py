"""Live measures of standards 5 and 6, computed from the shipment records."""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import BadgeStatus, ShipmentStatus
from .models import CustomsBadge, Shipment

WINDOW_DAYS = 90


def _percent(numerator: int, denominator: int) -> float:
    return round(100.0 * numerator / denominator, 1)


def documents_verified(organization, site=None) -> Reading:
    since = timezone.now() - datetime.timedelta(days=WINDOW_DAYS)
    shipments = Shipment.objects.filter(
        organization=organization,
        status__in=[ShipmentStatus.TRANSMITTED, ShipmentStatus.CLEARED],
        transmitted_at__gte=since,
    )
    if site is not None:
        shipments = shipments.filter(site=site)
    counts = shipments.aggregate(
        total=Count("id"),
        verified=Count(
            "id",
            filter=Q(
                documents_verified_at__isnull=False,
                documents_verified_at__lte=F("transmitted_at"),
            ),
        ),
    )
    total, verified = counts["total"], counts["verified"]
    if not total:
        return Reading(None, _("No pedimento transmitted in the last 90 days."))
    return Reading(
        _percent(verified, total),
        _(
            "%(n)s of %(total)s pedimentos transmitted in the last 90 days had their documents "
            "verified first."
        )
        % {"n": verified, "total": total},
        verified,
        total,
    )


def customs_badges_current(organization, site=None) -> Reading:
    today = timezone.localdate()
    badges = CustomsBadge.objects.filter(organization=organization, status=BadgeStatus.ACTIVE)
    if site is not None:
        badges = badges.filter(aduana_id=site.aduana_id)
    counts = badges.aggregate(
        total=Count("id"), current=Count("id", filter=Q(expires_on__gte=today))
    )
    total, current = counts["total"], counts["current"]
    if not total:
        return Reading(None, _("No customs badge in the register."))
    return Reading(
        _percent(current, total),
        _("%(n)s of %(total)s badges in use are within their validity.")
        % {"n": current, "total": total},
        current,
        total,
    )


INDICATORS = [
    Indicator(
        key="shipments.documents_verified",
        label=gettext_lazy("Pedimentos transmitted after their documents were verified"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=documents_verified,
        description=gettext_lazy(
            "Share of the pedimentos transmitted in the last 90 days whose verification "
            "checklist was complete, with no problem open, before transmission."
        ),
        standards=(5, 6),
    ),
    Indicator(
        key="shipments.customs_badges_current",
        label=gettext_lazy("Customs badges within their validity"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=customs_badges_current,
        description=gettext_lazy(
            "Share of the badges marked as in use whose expiry date has not passed. An expired "
            "badge still in use must be renewed or returned."
        ),
        standards=(6,),
    ),
]
