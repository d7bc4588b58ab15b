"""Choices of the incidents module: one TextChoices per set, exposed through the schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from resguardo.core.security_events import SecurityEventKind


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class IncidentStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("incident status", "Reported")
    INVESTIGATING = "investigating", _("Under investigation")
    CLOSED = "closed", pgettext_lazy("incident status", "Closed")


OPEN_STATUSES = (IncidentStatus.OPEN, IncidentStatus.INVESTIGATING)


class IncidentSource(models.TextChoices):
    MEMBER = "member", _("Reported by a member")
    ANONYMOUS = "anonymous", _("Anonymous report")
    EVENT = "event", _("Opened by another module")


class NoticeRecipient(models.TextChoices):
    OEA_AVISO = "oea_aviso", _("OEA incident aviso (SAT, rule 7.2.1)")
    CARRIER = "carrier", _("Carrier")
    CLIENT = "client", _("Client")
    POLICE = "police", _("Police or prosecutor")
    US_PARTNER = "us_partner", _("U.S. partner (before crossing)")
    FOREIGN_AUTHORITY = "foreign_auth", _("Foreign customs authority (tampered seal)")
    OTHER = "other", _("Other authority or party")


class NoticeStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    FILED = "filed", _("Filed")
    WAIVED = "waived", _("Not required")


class PersonRole(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    DRIVER = "driver", _("Driver")
    WITNESS = "witness", _("Witness")
    VISITOR = "visitor", _("Visitor or supplier")
    SUSPECT = "suspect", _("Suspected of involvement")
    OTHER = "other", _("Other")


class TimelineKind(models.TextChoices):
    NOTE = "note", _("Note")
    STATUS = "status", _("Status change")
    EVIDENCE = "evidence", _("Evidence")
    NOTICE = "notice", _("Notice")


class ChecklistItem(models.TextChoices):
    """What the investigation file gathers (FACTS section 1, incidents; E4 11.2)."""

    SHIPMENT_ORDER = "shipment_order", _("Shipment and purchase-order data")
    TRANSPORT_REQUEST = "transport_request", _("Transport request")
    DRIVER_ACCESS = "driver_access", _("Driver identification and access logs")
    INSPECTION_FORMS = "inspection_forms", _("Inspection forms and delivery records")
    CCTV = "cctv", _("CCTV footage")
    CARRIER_DOCUMENTS = (
        "carrier_documents",
        _("Documents given to the carrier (packing list, carta porte)"),
    )
    PARTNER_DOCUMENTS = "partner_documents", _("Documents given to partners (CFDI, proforma)")
    CUSTOMS_DOCUMENTS = (
        "customs_documents",
        _("Pedimentos, manifests and partners' inspection reports"),
    )
    GPS_REPORT = "gps_report", _("GPS tracking report")


# Severity a category starts with, per kind of security event (editable per organization).
DEFAULT_SEVERITY = {
    SecurityEventKind.SEAL_TAMPERING: Severity.HIGH,
    SecurityEventKind.NARCOTICS_CONTRABAND: Severity.CRITICAL,
    SecurityEventKind.STOWAWAYS: Severity.CRITICAL,
    SecurityEventKind.SHORTAGE_OVERAGE: Severity.MEDIUM,
    SecurityEventKind.HIDDEN_COMPARTMENT: Severity.HIGH,
    SecurityEventKind.PESTS: Severity.MEDIUM,
    SecurityEventKind.THEFT_HIJACKING: Severity.CRITICAL,
    SecurityEventKind.UNAUTHORIZED_ACCESS: Severity.MEDIUM,
    SecurityEventKind.SUSPICIOUS_DOCUMENTS: Severity.MEDIUM,
    SecurityEventKind.SUSPICIOUS_PACKAGE: Severity.HIGH,
    SecurityEventKind.CYBER_BREACH: Severity.HIGH,
    SecurityEventKind.INTERNAL_CONSPIRACY: Severity.HIGH,
    SecurityEventKind.BLOCKED_PARTNER: Severity.HIGH,
    SecurityEventKind.OTHER: Severity.LOW,
}
