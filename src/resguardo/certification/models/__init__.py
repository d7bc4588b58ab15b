from .certification import Certification, CertificationDocument, Renewal, Representative
from .obligations import AnnualFee, AuthorityRequirement, Aviso, ProfileFiling, VisitFinding
from .prerequisites import ListingCheck, Prerequisite

__all__ = [
    "AnnualFee",
    "AuthorityRequirement",
    "Aviso",
    "Certification",
    "CertificationDocument",
    "ListingCheck",
    "Prerequisite",
    "ProfileFiling",
    "Renewal",
    "Representative",
    "VisitFinding",
]
