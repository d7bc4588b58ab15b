"""Every write of the conveyance app (standard 7)."""

from .audits import seal_audit_run
from .custody import (
    seal_apply,
    seal_destroy,
    seal_issue,
    seal_remove,
    seal_return,
    seal_verify,
    seal_void,
)
from .discrepancies import discrepancy_close
from .inspections import inspection_photo_add, inspection_record, inspection_review
from .lots import seal_lot_receive
from .reseal import seal_customs_recognition, seal_replace

__all__ = [
    "discrepancy_close",
    "inspection_photo_add",
    "inspection_record",
    "inspection_review",
    "seal_apply",
    "seal_audit_run",
    "seal_customs_recognition",
    "seal_destroy",
    "seal_issue",
    "seal_lot_receive",
    "seal_remove",
    "seal_replace",
    "seal_return",
    "seal_verify",
    "seal_void",
]
