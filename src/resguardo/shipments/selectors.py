"""Reads for shipments, documents and customs badges, always limited to the acting membership
(organization, and sites for site managers and staff)."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.models import Patente
from resguardo.core.permissions import restrict_to_sites

from .choices import BadgeStatus, DocumentCheckItem, ShipmentStatus
from .models import (
    CustomsBadge,
    DocumentCheck,
    Shipment,
    ShipmentContainer,
    ShipmentDocument,
    ShipmentImport,
)

BADGE_EXPIRY_WARNING_DAYS = 30


def shipment_list(*, membership):
    queryset = Shipment.objects.filter(organization=membership.organization).select_related(
        "site", "aduana", "patente"
    )
    return restrict_to_sites(queryset, membership, "site")


def shipment_list_with_containers(*, membership):
    return shipment_list(membership=membership).prefetch_related(
        Prefetch("containers", queryset=ShipmentContainer.objects.order_by("number"))
    )


def shipment_get(*, membership, pk) -> Shipment:
    return get_object_or_404(shipment_list(membership=membership), pk=pk)


def shipment_detail(*, membership, pk) -> Shipment:
    queryset = (
        shipment_list(membership=membership)
        .select_related("documents_verified_by", "created_by", "import_batch")
        .prefetch_related(
            Prefetch("containers", queryset=ShipmentContainer.objects.order_by("number")),
            Prefetch(
                "documents",
                queryset=ShipmentDocument.objects.select_related("uploaded_by").order_by(
                    "kind", "created_at"
                ),
            ),
            Prefetch(
                "document_checks", queryset=DocumentCheck.objects.select_related("checked_by")
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def container_list(*, membership):
    queryset = ShipmentContainer.objects.filter(
        organization=membership.organization
    ).select_related("shipment")
    return restrict_to_sites(queryset, membership, "shipment__site")


def container_get(*, membership, pk) -> ShipmentContainer:
    return get_object_or_404(container_list(membership=membership), pk=pk)


def document_list(*, membership):
    queryset = ShipmentDocument.objects.filter(organization=membership.organization).select_related(
        "shipment", "uploaded_by"
    )
    return restrict_to_sites(queryset, membership, "shipment__site")


def document_get(*, membership, pk) -> ShipmentDocument:
    return get_object_or_404(document_list(membership=membership), pk=pk)


def document_checks_by_item(shipment) -> dict:
    """The current answer for each verification item (None where not answered yet)."""
    answers = {check.item: check for check in shipment.document_checks.all()}
    return {item: answers.get(item) for item in DocumentCheckItem.values}


def import_list(*, membership):
    return ShipmentImport.objects.filter(organization=membership.organization).select_related(
        "imported_by", "site"
    )


def organization_patentes(*, organization) -> list[str]:
    return list(
        Patente.objects.filter(organization=organization)
        .order_by("number")
        .values_list("number", flat=True)
    )


def badge_list(*, membership):
    return CustomsBadge.objects.filter(organization=membership.organization).select_related(
        "aduana", "user"
    )


def badge_get(*, membership, pk) -> CustomsBadge:
    return get_object_or_404(badge_list(membership=membership), pk=pk)


def badges_expiring(*, membership, days=BADGE_EXPIRY_WARNING_DAYS):
    today = timezone.localdate()
    return badge_list(membership=membership).filter(
        status=BadgeStatus.ACTIVE, expires_on__lte=today + datetime.timedelta(days=days)
    )


def dashboard_panel(membership) -> dict:
    return {
        "to_verify": shipment_list(membership=membership)
        .filter(status=ShipmentStatus.OPEN, documents_verified_at__isnull=True)
        .count(),
        "badges": badges_expiring(membership=membership).count(),
    }
