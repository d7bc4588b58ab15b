from .audit import AuditChainHead, AuditEntry
from .base import TenantModel, TimestampedModel
from .events import EventDelivery, OutboxEvent
from .notifications import Notification
from .ratelimit import RateWindow
from .staging import StagedImport
from .tenancy import Aduana, Invitation, Membership, Organization, Patente, Site

__all__ = [
    "Aduana",
    "Invitation",
    "AuditChainHead",
    "AuditEntry",
    "EventDelivery",
    "Membership",
    "Notification",
    "OutboxEvent",
    "Organization",
    "Patente",
    "RateWindow",
    "Site",
    "StagedImport",
    "TenantModel",
    "TimestampedModel",
]
