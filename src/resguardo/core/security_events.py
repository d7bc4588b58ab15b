"""Security events any module can raise, for the incidents module to open an investigation.

A module that notices something an incident file should exist for (an unauthorized person
challenged at the gate, a suspicious package, a cyber event) publishes its own named subclass
inside the transaction that records it:

    @dataclass(frozen=True)
    class PersonChallenged(SecurityEventReported, name="facilities.person_challenged"):
        pass

    publish(PersonChallenged(organization_id=..., source_key=f"facilities.challenge:{c.pk}",
                             kind=SecurityEventKind.UNAUTHORIZED_ACCESS, summary=..., ...))

The incidents module subscribes to this abstract class, so it receives every subclass without
importing the modules that raise them; `source_key` names the record, so an event delivered
twice opens one incident. Nothing here depends on the incidents module being installed.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import DomainEvent


class SecurityEventKind(models.TextChoices):
    """The kinds of security event the facts name (FACTS.md section 1, incidents)."""

    SEAL_TAMPERING = "seal_tampering", _("Seal tampering or discrepancy")
    NARCOTICS_CONTRABAND = "narcotics_contraband", _("Narcotics or contraband")
    STOWAWAYS = "stowaways", _("Stowaways or human smuggling")
    SHORTAGE_OVERAGE = "shortage_overage", _("Shortage or overage")
    HIDDEN_COMPARTMENT = "hidden_compartment", _("Hidden compartment")
    PESTS = "pests", _("Pest contamination")
    THEFT_HIJACKING = "theft_hijacking", _("Theft, hijacking or route deviation")
    UNAUTHORIZED_ACCESS = "unauthorized_access", _("Unauthorized access")
    SUSPICIOUS_DOCUMENTS = "suspicious_documents", _("Suspicious documents")
    SUSPICIOUS_PACKAGE = "suspicious_package", _("Suspicious mail or package")
    CYBER_BREACH = "cyber_breach", _("Cyber breach")
    INTERNAL_CONSPIRACY = "internal_conspiracy", _("Internal conspiracy")
    BLOCKED_PARTNER = "blocked_partner", _("Business partner on a watchlist")
    OTHER = "other", _("Other security event")


@dataclass(frozen=True)
class SecurityEventReported(DomainEvent):
    """Abstract: subscribe to it; publish a named subclass."""

    source_key: str  # "<app>.<record>:<pk>": one incident per key
    kind: str  # a SecurityEventKind value
    summary: str  # what happened, in the words of the record
    site_id: int | None = None
    occurred_at: datetime.datetime | None = None
    url: str = ""  # the record that raised it
    reported_by_id: int | None = None  # the user who recorded it, when there is one
