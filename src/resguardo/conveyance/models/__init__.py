from .inspections import Inspection, InspectionPointResult
from .seals import Seal, SealAudit, SealAuditFinding, SealDiscrepancy, SealEvent, SealLot

__all__ = [
    "Inspection",
    "InspectionPointResult",
    "Seal",
    "SealAudit",
    "SealAuditFinding",
    "SealDiscrepancy",
    "SealEvent",
    "SealLot",
]
