from .audit import AuditChainHead, AuditEntry
from .base import TenantModel, TimestampedModel
from .tenancy import Aduana, Invitation, Membership, Organization, Patente, Site

__all__ = [
    "Aduana",
    "Invitation",
    "AuditChainHead",
    "AuditEntry",
    "Membership",
    "Organization",
    "Patente",
    "Site",
    "TenantModel",
    "TimestampedModel",
]
