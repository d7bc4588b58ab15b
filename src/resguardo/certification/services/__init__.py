"""Every write of the certification app. Views, serializers, handlers and the demo call these."""

from .avisos import aviso_acknowledge, aviso_create, aviso_file, aviso_propose, change_aviso_propose
from .certification import (
    certification_create,
    certification_document_add,
    certification_update,
    renewal_acknowledge,
    renewal_file,
    representative_add,
    representative_remove,
)
from .fees import anniversary, fee_pay, fee_record, fee_update
from .listing import listing_check, listing_recheck_all
from .prerequisites import listing_check_now, prerequisite_record
from .profile import profile_filing_record
from .requirements import (
    requirement_answer,
    requirement_create,
    requirement_document_add,
    requirement_update,
    visit_finding_add,
)

__all__ = [
    "anniversary",
    "aviso_acknowledge",
    "aviso_create",
    "aviso_file",
    "aviso_propose",
    "certification_create",
    "certification_document_add",
    "certification_update",
    "change_aviso_propose",
    "fee_pay",
    "fee_record",
    "fee_update",
    "listing_check",
    "listing_check_now",
    "listing_recheck_all",
    "prerequisite_record",
    "profile_filing_record",
    "renewal_acknowledge",
    "renewal_file",
    "representative_add",
    "representative_remove",
    "requirement_answer",
    "requirement_create",
    "requirement_document_add",
    "requirement_update",
    "visit_finding_add",
]
