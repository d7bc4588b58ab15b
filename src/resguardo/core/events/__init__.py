"""The domain event hub: one app publishes, others subscribe; arrows stay one-way.

    # conveyance/events.py
    @dataclass(frozen=True)
    class SealDiscrepancyRecorded(DomainEvent, name="conveyance.seal_discrepancy_recorded"):
        ...

    # conveyance/services.py, inside the transaction that records the discrepancy
    publish(SealDiscrepancyRecorded(organization_id=..., seal_id=..., ...))

    # incidents/apps.py ready()
    subscribe(SealDiscrepancyRecorded, incident_open_from_seal_discrepancy)

Events are durable. `publish` writes the event to the outbox and one pending delivery per
subscribed handler in the publisher's transaction (it refuses to run outside one), so a
rolled-back change is never announced and a committed one is never lost. Delivery runs as a
background task enqueued on commit (inline with the immediate task backend of the demo; by
`resguardo worker` with the database backend), each handler on its own, retried with
exponential backoff until it succeeds once; a handler that keeps failing stays visible in
`resguardo events status` and is re-run by `resguardo events retry`. The publisher's change
stays whatever the handlers do. See `delivery.py` for the guarantees.

This module imports no models, so apps may import it from anywhere (apps.py included).
"""

from .outbox import PublishOutsideTransactionError, publish
from .subscriptions import subscribe, unsubscribe
from .types import DomainEvent, EventTypeError

__all__ = [
    "DomainEvent",
    "EventTypeError",
    "PublishOutsideTransactionError",
    "publish",
    "subscribe",
    "unsubscribe",
]
