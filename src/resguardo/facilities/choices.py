from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitorKind(models.TextChoices):
    VISITOR = "visitor", _("Visitor")
    PROVIDER = "provider", _("Provider")
    MESSENGER = "messenger", _("Messenger or courier")
    CONTRACTOR = "contractor", _("Contractor")


class IdType(models.TextChoices):
    INE = "ine", _("Voter ID (INE)")
    PASSPORT = "passport", _("Passport")
    DRIVER_LICENSE = "driver_license", _("Driver's licence")
    COMPANY_ID = "company_id", _("Company ID")
    OTHER = "other", _("Other ID")


class IdMasking(models.TextChoices):
    """How much of an ID number the gate log keeps (what the privacy notice allows)."""

    FULL = "full", _("Keep the whole number")
    LAST_FOUR = "last_four", _("Keep only the last four characters")
    NONE = "none", _("Do not keep the number")


class BadgeKind(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    VISITOR = "visitor", _("Visitor")
    PROVIDER = "provider", _("Provider")


class BadgeStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    ISSUED = "issued", _("Issued")
    LOST = "lost", _("Lost (deactivated)")
    RETIRED = "retired", _("Retired")


class CheckKind(models.TextChoices):
    GUARD_ROUND = "guard_round", _("Guard round with checkpoints")
    PERIMETER = "perimeter", _("Fence and perimeter inspection")
    LIGHTING = "lighting", _("Lighting check")
    ALARM_TEST = "alarm_test", _("Alarm test")
    CCTV_REVIEW = "cctv_review", _("CCTV recording review")
    CCTV_HEALTH = "cctv_health", _("CCTV health (recording present, retention met)")


class RunStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Problem found")
    INCOMPLETE = "incomplete", _("Incomplete")


class KeyStatus(models.TextChoices):
    IN_BOX = "in_box", _("In the key box")
    ISSUED = "issued", _("Issued")
    LOST = "lost", _("Lost")
    RETIRED = "retired", _("Retired")


class ChallengeSubject(models.TextChoices):
    PERSON = "person", _("Person")
    VEHICLE = "vehicle", _("Vehicle")


class GuardEmployer(models.TextChoices):
    OWN = "own", _("Own staff")
    CONTRACTED = "contracted", _("Contracted security company")
