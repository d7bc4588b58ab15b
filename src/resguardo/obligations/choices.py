from django.db import models
from django.utils.translation import gettext_lazy as _


class CycleKind(models.TextChoices):
    """The yearly internal cycle the E4 profile asks an agency to keep."""

    RISK_ANALYSIS = "risk_analysis", _("Risk analysis")
    INTERNAL_AUDIT = "internal_audit", _("Internal security audit")
    CONTINGENCY_DRILL = "contingency_drill", _("Contingency drill")
    PARTNER_VISITS = "partner_visits", _("Visits to business partners")
    SENSITIVE_POSTS = "sensitive_posts", _("Re-check of staff in sensitive posts")
    IT_PROCEDURE = "it_procedure", _("Review of the information technology procedure")
    SEAL_PROCEDURE = "seal_procedure", _("Review of the seal procedure")
    INCIDENT_PROCEDURE = "incident_procedure", _("Review of the incident procedure")
    CCTV_PROCEDURE = "cctv_procedure", _("Review of the CCTV procedure")
    OTHER = "other", _("Other recurring obligation")


# The standard each cycle item answers to (NEEC/OEA numbering), for the calendar's filter.
CYCLE_STANDARDS = {
    CycleKind.RISK_ANALYSIS: 1,
    CycleKind.INTERNAL_AUDIT: 1,
    CycleKind.CONTINGENCY_DRILL: 1,
    CycleKind.PARTNER_VISITS: 4,
    CycleKind.SENSITIVE_POSTS: 8,
    CycleKind.IT_PROCEDURE: 9,
    CycleKind.SEAL_PROCEDURE: 7,
    CycleKind.INCIDENT_PROCEDURE: 11,
    CycleKind.CCTV_PROCEDURE: 2,
}


class EmailPreference(models.TextChoices):
    IMMEDIATE = "immediate", _("Each one as it happens")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest (Mondays)")
    OFF = "off", _("No e-mail (in the app only)")


class FeedScope(models.TextChoices):
    ALL = "all", _("Every obligation I can see")
    MINE = "mine", _("Only the ones assigned to me")


class DueStatus(models.TextChoices):
    """The calendar's status filter."""

    OPEN = "open", _("Not yet due")
    OVERDUE = "overdue", _("Overdue")
