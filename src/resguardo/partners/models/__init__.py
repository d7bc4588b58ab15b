from .questionnaires import OPEN_STATUSES, Questionnaire
from .registry import (
    Certification,
    Partner,
    PartnerAddress,
    PartnerContact,
    PartnerDocument,
    PartnerPolicy,
)
from .reviews import PartnerReview, ReviewFinding
from .screening import ScreeningDecision, ScreeningHit, ScreeningRun
from .selection import SecurityAgreement, SelectionDecision
from .watchlists import ListEntry, ListEntryName, ListImportAttempt, ListVersion

__all__ = [
    "OPEN_STATUSES",
    "Certification",
    "ListEntry",
    "ListEntryName",
    "ListImportAttempt",
    "ListVersion",
    "Partner",
    "PartnerAddress",
    "PartnerContact",
    "PartnerDocument",
    "PartnerPolicy",
    "PartnerReview",
    "Questionnaire",
    "ReviewFinding",
    "ScreeningDecision",
    "ScreeningHit",
    "ScreeningRun",
    "SecurityAgreement",
    "SelectionDecision",
]
