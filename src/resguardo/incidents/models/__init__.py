from .evidence import Evidence, EvidenceView
from .incidents import (
    Category,
    Incident,
    IncidentAccess,
    IncidentAction,
    IncidentPerson,
    TimelineEntry,
)
from .notices import Notice
from .reporting import ReportingLink

__all__ = [
    "Category",
    "Evidence",
    "EvidenceView",
    "Incident",
    "IncidentAccess",
    "IncidentAction",
    "IncidentPerson",
    "Notice",
    "ReportingLink",
    "TimelineEntry",
]
