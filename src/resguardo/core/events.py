"""The domain event hub: one app publishes, others subscribe; arrows stay one-way.

    # conveyance/services.py, inside the transaction that records the discrepancy
    publish(SealDiscrepancyRecorded(organization_id=..., seal_id=..., ...))

    # incidents/apps.py ready()
    subscribe(SealDiscrepancyRecorded, incident_open_from_seal_discrepancy)

Handlers run after the publishing transaction commits (so a rolled-back change never
triggers work elsewhere), each in its own transaction. A handler that fails is logged and
does not undo the publisher's change.
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DomainEvent:
    organization_id: int


_SUBSCRIBERS: dict[type, list[Callable]] = defaultdict(list)


def subscribe(event_type: type[DomainEvent], handler: Callable[[DomainEvent], None]) -> None:
    if handler not in _SUBSCRIBERS[event_type]:
        _SUBSCRIBERS[event_type].append(handler)


def _deliver(event: DomainEvent) -> None:
    for event_type, handlers in list(_SUBSCRIBERS.items()):
        if not isinstance(event, event_type):
            continue
        for handler in handlers:
            try:
                with transaction.atomic():
                    handler(event)
            except Exception:
                logger.exception("handler %s failed for %r", handler, event)


def publish(event: DomainEvent) -> None:
    transaction.on_commit(lambda: _deliver(event))
