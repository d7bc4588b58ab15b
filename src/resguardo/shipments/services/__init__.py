"""Every write of the shipments app (standards 5 and 6)."""

from .badges import badge_create, badge_update
from .documents import document_add, shipment_documents_check
from .imports import ImportReport, shipment_import
from .shipments import (
    load_catalogs,
    shipment_cancel,
    shipment_clear,
    shipment_create,
    shipment_transmit,
    shipment_update,
)

__all__ = [
    "ImportReport",
    "badge_create",
    "badge_update",
    "document_add",
    "load_catalogs",
    "shipment_cancel",
    "shipment_clear",
    "shipment_create",
    "shipment_documents_check",
    "shipment_import",
    "shipment_transmit",
    "shipment_update",
]
