from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("In progress")
    IN_REVIEW = "in_review", _("In review")
    FROZEN = "frozen", _("Frozen")


class Result(models.TextChoices):
    """The answer to one requirement. Same values as standards.ResultStatus (coverage input)."""

    NOT_ASSESSED = "not_assessed", _("Not assessed")
    COMPLIANT = "compliant", _("Compliant")
    PARTIAL = "partial", _("Partially compliant")
    NON_COMPLIANT = "non_compliant", _("Non-compliant")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


GAP_RESULTS = frozenset({Result.PARTIAL, Result.NON_COMPLIANT})


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")


class Classification(models.TextChoices):
    """Standard 9: who may see a document. Confidential: admin, compliance officer, auditor."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    CONFIDENTIAL = "confidential", _("Confidential")


class ActionKind(models.TextChoices):
    CORRECTIVE = "corrective", _("Corrective")
    PREVENTIVE = "preventive", _("Preventive")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action status", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented, awaiting verification")
    VERIFIED = "verified", _("Verified effective")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ACTION_STATUSES = frozenset(
    {ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.IMPLEMENTED}
)
# Overdue means the fix itself is late: an implemented action waits for verification only.
LATE_ACTION_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class ActionSource(models.TextChoices):
    MANUAL = "manual", _("Raised by hand")
    REQUIREMENT = "requirement", _("Requirement result")
    FINDING = "finding", _("Audit finding")
    INCIDENT = "incident", _("Incident")
    RISK = "risk", _("Risk")
    OTHER = "other", _("Other")


class AuditStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Severity(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    MINOR = "minor", _("Minor non-conformity")
    MAJOR = "major", _("Major non-conformity")
    CRITICAL = "critical", _("Critical")
