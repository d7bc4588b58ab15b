"""Domain events the partners app publishes on the core hub.

Other apps subscribe without importing this app's models, e.g. shipments can refuse new
operations for a blocked partner's RFC:

    subscribe(PartnerBlocked, shipments_hold_for_partner)
"""

from dataclasses import dataclass

from resguardo.core.events import DomainEvent


@dataclass(frozen=True)
class PartnerBlocked(DomainEvent, name="partners.partner_blocked"):
    """A reviewer confirmed that a partner is on a watchlist: no new operations with it."""

    partner_id: int
    partner_name: str
    rfc: str
    source: str
    entry_key: str
    matched_name: str
    decided_by_id: int | None = None


@dataclass(frozen=True)
class PartnerUnblocked(DomainEvent, name="partners.partner_unblocked"):
    """The match that blocked a partner was found to be a false positive."""

    partner_id: int
    partner_name: str
    decided_by_id: int | None = None


@dataclass(frozen=True)
class PartnerFindingRecorded(DomainEvent, name="partners.partner_finding_recorded"):
    """A partner review produced a finding that needs action (for action-plan modules)."""

    finding_id: int
    partner_id: int
    description: str
    severity: str
    due_on: str
