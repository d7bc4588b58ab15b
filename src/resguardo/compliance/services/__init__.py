"""Every write of the compliance app. Views, forms, serializers and imports call these."""

from .actions import (
    action_item_cancel,
    action_item_create,
    action_item_progress,
    action_item_raise,
    action_item_update,
    action_item_verify,
)
from .assessments import (
    assessment_create,
    assessment_freeze,
    assessment_mark_current,
    assessment_update,
    canonical_hash,
)
from .audits import finding_create, finding_update, internal_audit_create, internal_audit_update
from .evidence import (
    evidence_create,
    evidence_link,
    evidence_revise,
    evidence_unlink,
    evidence_update,
)
from .readiness import readiness_history_seed, readiness_of, readiness_record
from .results import result_assign, result_review, result_unreview, result_update, results_assign

__all__ = [
    "action_item_cancel",
    "action_item_create",
    "action_item_progress",
    "action_item_raise",
    "action_item_update",
    "action_item_verify",
    "assessment_create",
    "assessment_freeze",
    "assessment_mark_current",
    "assessment_update",
    "canonical_hash",
    "evidence_create",
    "evidence_link",
    "evidence_revise",
    "evidence_unlink",
    "evidence_update",
    "finding_create",
    "finding_update",
    "internal_audit_create",
    "internal_audit_update",
    "readiness_history_seed",
    "readiness_of",
    "readiness_record",
    "result_assign",
    "result_review",
    "result_unreview",
    "result_update",
    "results_assign",
]
