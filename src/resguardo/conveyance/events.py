"""Domain events published by conveyance. The incidents module subscribes to them."""

import datetime
from dataclasses import dataclass

from resguardo.core.events import DomainEvent


@dataclass(frozen=True)
class SealDiscrepancyRecorded(DomainEvent, name="conveyance.seal_discrepancy_recorded"):
    """A seal did not match its documents, was tampered with or broken, or an audit found it
    missing, duplicated or unaccounted. Published inside the recording transaction; delivered
    after it commits."""

    discrepancy_id: int
    seal_id: int | None
    seal_number: str
    shipment_id: int | None
    site_id: int | None
    kind: str  # conveyance.choices.DiscrepancyKind value
    description: str
    occurred_at: datetime.datetime


@dataclass(frozen=True)
class InspectionHoldRejected(DomainEvent, name="conveyance.inspection_hold_rejected"):
    """A supervisor rejected a unit held by its inspection's failed points: it must not be
    loaded or sealed. Published inside the review's transaction; delivered after it commits."""

    inspection_id: int
    site_id: int
    unit_number: str
    shipment_id: int | None
    failed_count: int
    decision_note: str
    rejected_at: datetime.datetime
