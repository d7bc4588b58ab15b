"""Live measures of standard 7, computed from the seal log and the inspections."""

import datetime
from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.dates import local_date_text
from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import SealEventKind
from .models import Inspection, Seal, SealAudit, SealDiscrepancy, SealEvent

WINDOW_DAYS = 90
AUDIT_TARGET_DAYS = 30


def _since():
    return timezone.now() - datetime.timedelta(days=WINDOW_DAYS)


def _at_site(queryset, site):
    return queryset if site is None else queryset.filter(site=site)


def seal_verification_rate(organization, site=None) -> Reading:
    verified = SealEvent.objects.filter(seal=OuterRef("pk"), kind=SealEventKind.VERIFIED)
    seals = _at_site(
        Seal.objects.filter(
            organization=organization, shipment__isnull=False, applied_at__gte=_since()
        ),
        site,
    ).annotate(verified=Exists(verified))
    per_shipment = defaultdict(bool)
    for shipment_id, is_verified in seals.values_list("shipment_id", "verified"):
        per_shipment[shipment_id] = per_shipment.get(shipment_id, True) and is_verified
    total = len(per_shipment)
    if not total:
        return Reading(None, _("No seal applied in the last 90 days."))
    done = sum(per_shipment.values())
    return Reading(
        round(100.0 * done / total, 1),
        _("%(n)s of %(total)s sealed shipments of the last 90 days had every seal verified (VVTT).")
        % {"n": done, "total": total},
        done,
        total,
    )


def inspections_complete(organization, site=None) -> Reading:
    inspections = _at_site(
        Inspection.objects.filter(organization=organization, inspected_at__gte=_since()), site
    )
    counts = inspections.aggregate(
        total=Count("id"), done=Count("id", filter=Q(reviewed_at__isnull=False))
    )
    if not counts["total"]:
        return Reading(None, _("No inspection in the last 90 days."))
    return Reading(
        round(100.0 * counts["done"] / counts["total"], 1),
        _(
            "%(n)s of %(total)s inspections of the last 90 days are signed and reviewed by a "
            "supervisor."
        )
        % {"n": counts["done"], "total": counts["total"]},
        counts["done"],
        counts["total"],
    )


def seal_discrepancies_90d(organization, site=None) -> Reading:
    count = _at_site(
        SealDiscrepancy.objects.filter(organization=organization, occurred_at__gte=_since()),
        site,
    ).count()
    return Reading(count, _("%(n)s seal discrepancies in the last 90 days.") % {"n": count}, count)


def seal_audit_age(organization, site=None) -> Reading:
    last = (
        _at_site(SealAudit.objects.filter(organization=organization), site)
        .order_by("-performed_at")
        .values_list("performed_at", flat=True)
        .first()
    )
    if last is None:
        return Reading(None, _("No seal audit recorded yet."))
    days = (timezone.localdate() - timezone.localtime(last).date()).days
    return Reading(
        days,
        _("Last seal audit on %(date)s.") % {"date": local_date_text(last)},
    )


INDICATORS = [
    Indicator(
        key="conveyance.seal_verification_rate",
        label=gettext_lazy("Sealed shipments with every seal verified (VVTT)"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=seal_verification_rate,
        description=gettext_lazy(
            "Share of the shipments sealed in the last 90 days whose every seal has at least "
            "one VVTT verification (view, verify, tug, twist) recorded after it was applied."
        ),
        standards=(7,),
    ),
    Indicator(
        key="conveyance.inspections_complete",
        label=gettext_lazy("Complete inspections (signed and reviewed)"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=inspections_complete,
        description=gettext_lazy(
            "Share of the 7-, 8- and 17-point inspections of the last 90 days with every point "
            "answered, signed by the inspector and reviewed by a supervisor."
        ),
        standards=(7,),
    ),
    Indicator(
        key="conveyance.seal_discrepancies_90d",
        label=gettext_lazy("Seal discrepancies in the last 90 days"),
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=seal_discrepancies_90d,
        description=gettext_lazy(
            "Numbers that differ from the documents, tampered or broken seals, and missing, "
            "duplicated or unaccounted seals found by audits."
        ),
        standards=(7,),
    ),
    Indicator(
        key="conveyance.seal_audit_age",
        label=gettext_lazy("Days since the last seal audit"),
        unit=Unit.DAYS,
        target=AUDIT_TARGET_DAYS,
        direction=Direction.LOWER_IS_BETTER,
        compute=seal_audit_age,
        description=gettext_lazy(
            "Seal audits reconcile the inventory, the seal log and the shipment documents; "
            "the target is one at least every 30 days."
        ),
        standards=(7,),
    ),
]
