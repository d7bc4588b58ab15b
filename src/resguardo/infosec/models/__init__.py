from .credentials import CredentialEvent, DigitalCredential
from .documents import DisposalRecord, DocumentType
from .reviews import AccessReview, AccessReviewItem
from .security import CyberEvent
from .systems import RestoreTest, System, SystemAccount

__all__ = [
    "AccessReview",
    "AccessReviewItem",
    "CredentialEvent",
    "CyberEvent",
    "DigitalCredential",
    "DisposalRecord",
    "DocumentType",
    "RestoreTest",
    "System",
    "SystemAccount",
]
