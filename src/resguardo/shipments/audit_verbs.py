"""Sentences of the shipments audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "shipment.transmitted": _("Shipment %(object)s transmitted"),
        "shipment.cleared": _("Shipment %(object)s cleared"),
        "shipment.cancelled": _("Shipment %(object)s cancelled"),
        "shipment.document_added": _("Document %(object)s added to shipment %(shipment)s"),
        "shipments.imported": _("Shipments imported from %(object)s"),
    }
)
