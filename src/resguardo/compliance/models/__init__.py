from .actions import ActionItem, AuditFinding, InternalAudit
from .assessments import Assessment, AssessmentSnapshot, ReadinessSnapshot, RequirementResult
from .evidence import Evidence, EvidenceRevision, ResultEvidence

__all__ = [
    "ActionItem",
    "Assessment",
    "AssessmentSnapshot",
    "AuditFinding",
    "Evidence",
    "EvidenceRevision",
    "InternalAudit",
    "ReadinessSnapshot",
    "RequirementResult",
    "ResultEvidence",
]
