"""Every write of the shipments app (standards 5 and 6).

Who may do what (checks from resguardo.core.permissions):
- Reading (pages, API, downloads, exports): Perm.VIEW. Site managers and staff see only
  the shipments of their sites.
- Recording shipments, documents, the pre-transmission verification, transmitting,
  clearing, cancelling and importing: Perm.RECORD, at a site the member may use.
- The customs badge register: Perm.MANAGE_COMPLIANCE (compliance officer, administrator).
"""

from .badges import badge_create, badge_update
from .documents import document_add, shipment_documents_check
from .imports import ImportReport, report_as_dict, shipment_import
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
    "report_as_dict",
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
