"""Publishing: the event becomes an outbox row in the publisher's own transaction."""

from django.db import transaction

from .subscriptions import handlers_for
from .types import DomainEvent, event_name_of, event_to_payload, stamp_event_id


class PublishOutsideTransactionError(RuntimeError):
    """`publish` needs the transaction of the change the event reports."""


def publish(event: DomainEvent) -> None:
    """Store `event` and one pending delivery per subscribed handler, in the current
    transaction; delivery is enqueued once it commits. A rollback removes both, so a change
    that did not happen is never announced.

    Refused outside a transaction (like the audit log): an event written on its own could be
    committed while the change it reports is not, or the other way round.
    """
    from resguardo.core.models import EventDelivery, OutboxEvent

    if not transaction.get_connection().in_atomic_block:
        raise PublishOutsideTransactionError(
            f"publish({type(event).__name__}) must run inside the transaction of its change"
        )
    name = event_name_of(event)
    row = OutboxEvent.objects.create(
        organization_id=event.organization_id,
        event_type=name,
        payload=event_to_payload(event),
    )
    stamp_event_id(event, row.id)
    handlers = handlers_for(type(event))
    if not handlers:
        return
    EventDelivery.objects.bulk_create(
        EventDelivery(event=row, handler=handler, next_attempt_at=row.created_at)
        for handler in sorted(handlers)
    )
    # robust: a failed enqueue must not fail the committed request; the sweep re-enqueues it.
    transaction.on_commit(lambda: _enqueue(row.id), robust=True)


def _enqueue(event_id) -> None:
    from .delivery import enqueue_delivery

    enqueue_delivery(event_id)
