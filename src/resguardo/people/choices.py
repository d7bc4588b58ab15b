from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PersonKind(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    MANDATARIO = "mandatario", _("Mandatario")
    CONTRACTOR = "contractor", _("Contractor")


class PersonStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DEPARTED = "departed", _("Departed")


class ClearanceStatus(models.TextChoices):
    PENDING = "pending", _("Not cleared yet")
    CLEARED = "cleared", _("Cleared")
    RECHECK_DUE = "recheck_due", _("Re-check due")


class CheckKind(models.TextChoices):
    HIRING = "hiring", _("Before hiring")
    RECHECK = "recheck", _("Periodic re-check")


class CheckStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLEARED = "cleared", pgettext_lazy("background check", "Cleared")
    REJECTED = "rejected", _("Not cleared")


class CheckResult(models.TextChoices):
    SATISFACTORY = "satisfactory", _("Satisfactory")
    OBSERVATIONS = "observations", _("With observations")
    UNSATISFACTORY = "unsatisfactory", _("Unsatisfactory")


class DepartureReason(models.TextChoices):
    RESIGNATION = "resignation", _("Resignation")
    DISMISSAL = "dismissal", _("Dismissal")
    SECURITY = "security", _("Dismissal for security reasons")
    CONTRACT_END = "contract_end", _("End of contract")
    RETIREMENT = "retirement", _("Retirement")
    OTHER = "other", _("Other")


class ItemOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    RETURNED = "returned", _("Returned")
    REVOKED = "revoked", _("Revoked")
    MISSING = "missing", _("Not returned")


class AcknowledgedDocument(models.TextChoices):
    CODE_OF_CONDUCT = "code_of_conduct", _("Code of conduct")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality agreement")


class TrainingState(models.TextChoices):
    CURRENT = "current", _("Current")
    EXPIRING = "expiring", _("Expiring")
    EXPIRED = "expired", _("Expired")
    MISSING = "missing", _("Not taken")
