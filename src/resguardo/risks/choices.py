from django.db import models
from django.utils.translation import gettext_lazy as _


class Treatment(models.TextChoices):
    MITIGATE = "mitigate", _("Mitigate")
    ACCEPT = "accept", _("Accept")
    TRANSFER = "transfer", _("Transfer")
    AVOID = "avoid", _("Avoid")


class RiskStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Scenario(models.TextChoices):
    SEAL_BREACH = "seal_breach", _("Seal breach")
    CONTAMINATION = "contamination", _("Contaminated container found")
    SYSTEM_OUTAGE = "system_outage", _("System outage")
    CYBER_ATTACK = "cyber_attack", _("Cyber attack")
    NATURAL_DISASTER = "natural_disaster", _("Natural disaster")
    FIRE = "fire", _("Fire")
    THEFT_ON_ROUTE = "theft_on_route", _("Theft or hijacking on route")
    CUSTOMS_CLOSURE = "customs_closure", _("Customs office closure")
    OTHER = "other", _("Other")


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (no approved version)")
    IN_FORCE = "in_force", _("In force")
    WITHDRAWN = "withdrawn", _("Withdrawn")
