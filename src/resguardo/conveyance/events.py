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
