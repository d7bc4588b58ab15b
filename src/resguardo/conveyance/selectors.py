"""Reads for seals, their history, audits, discrepancies and inspections, always limited to
the acting membership (organization, and sites for site managers and staff)."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from resguardo.core.identifiers import normalize_code
from resguardo.core.permissions import restrict_to_sites

from .choices import DiscrepancyStatus, InspectionStatus, SealStatus
from .models import (
    Inspection,
    InspectionPointResult,
    Seal,
    SealAudit,
    SealAuditFinding,
    SealDiscrepancy,
    SealEvent,
    SealLot,
)


def _scoped(model, membership, site_field="site"):
    queryset = model.objects.filter(organization=membership.organization)
    return restrict_to_sites(queryset, membership, site_field)


def lot_list(*, membership):
    return _scoped(SealLot, membership).select_related("site", "received_by")


def lot_get(*, membership, pk) -> SealLot:
    return get_object_or_404(lot_list(membership=membership), pk=pk)


def seal_list(*, membership):
    return _scoped(Seal, membership).select_related("lot", "site", "shipment")


def seal_get(*, membership, pk) -> Seal:
    return get_object_or_404(seal_list(membership=membership), pk=pk)


def seals_by_number(*, membership, number):
    return seal_list(membership=membership).filter(number=normalize_code(number))


def seal_history(*, membership, pk) -> Seal:
    """A seal with its whole chain of custody and its discrepancies, in a fixed number of
    queries however long the history."""
    events = SealEvent.objects.select_related(
        "recorded_by", "person", "shipment", "container", "site", "witness", "related_seal"
    ).order_by("sequence")
    discrepancies = SealDiscrepancy.objects.select_related("closed_by").order_by("occurred_at")
    queryset = (
        seal_list(membership=membership)
        .select_related("lot__received_by", "holder", "container")
        .prefetch_related(
            Prefetch("events", queryset=events),
            Prefetch("discrepancies", queryset=discrepancies),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def seals_issued_to_me(*, membership, user):
    return seal_list(membership=membership).filter(status=SealStatus.ISSUED, holder=user)


def event_list(*, membership):
    return _scoped(SealEvent, membership).select_related(
        "seal__lot", "site", "recorded_by", "shipment", "container"
    )


def event_log(*, membership):
    """The seal log as the API lists it: each event with its seal number and who recorded it
    (the other related records are sent as ids; joining them cost half of each page)."""
    return (
        _scoped(SealEvent, membership)
        .select_related("seal", "recorded_by")
        .order_by("-occurred_at", "-id")
    )


def event_get(*, membership, pk) -> SealEvent:
    return get_object_or_404(event_list(membership=membership), pk=pk)


def discrepancy_list(*, membership):
    return _scoped(SealDiscrepancy, membership).select_related(
        "seal", "shipment", "site", "recorded_by", "closed_by"
    )


def discrepancy_get(*, membership, pk) -> SealDiscrepancy:
    return get_object_or_404(discrepancy_list(membership=membership), pk=pk)


def open_discrepancies(*, membership):
    return discrepancy_list(membership=membership).filter(status=DiscrepancyStatus.OPEN)


def audit_list(*, membership):
    return _scoped(SealAudit, membership).select_related("site", "performed_by")


def audit_get(*, membership, pk) -> SealAudit:
    findings = SealAuditFinding.objects.select_related("seal", "shipment", "discrepancy")
    return get_object_or_404(
        audit_list(membership=membership).prefetch_related(Prefetch("findings", findings)), pk=pk
    )


def inspection_list(*, membership):
    return _scoped(Inspection, membership).select_related(
        "site", "inspector", "reviewed_by", "shipment", "container", "checklist"
    )


def inspection_get(*, membership, pk) -> Inspection:
    results = InspectionPointResult.objects.select_related("point").order_by("point__order")
    return get_object_or_404(
        inspection_list(membership=membership).prefetch_related(Prefetch("results", results)),
        pk=pk,
    )


def point_result_get(*, membership, pk) -> InspectionPointResult:
    return get_object_or_404(
        _scoped(InspectionPointResult, membership, "inspection__site").select_related("inspection"),
        pk=pk,
    )


def awaiting_review_q() -> Q:
    return Q(reviewed_at__isnull=True)


def held_q() -> Q:
    return Q(status=InspectionStatus.HELD)


def inspections_awaiting_review(*, membership):
    return inspection_list(membership=membership).filter(awaiting_review_q())


def held_units(*, membership):
    return inspection_list(membership=membership).filter(held_q())


def shipment_panel(membership, shipment) -> dict:
    """Seals and inspections of a shipment, for the shipment page (a Panel on its host)."""
    seals = seal_list(membership=membership).filter(shipment=shipment).select_related("container")
    inspections = inspection_list(membership=membership).filter(shipment=shipment)
    discrepancies = discrepancy_list(membership=membership).filter(shipment=shipment)
    return {
        "seals": list(seals),
        "inspections": list(inspections),
        "discrepancies": list(discrepancies),
    }


def dashboard_panel(membership) -> dict:
    # held units and inspections awaiting review (the two selectors' filters), one query
    inspections = _scoped(Inspection, membership).aggregate(
        held=Count("pk", filter=held_q()), awaiting=Count("pk", filter=awaiting_review_q())
    )
    return {**inspections, "discrepancies": open_discrepancies(membership=membership).count()}
