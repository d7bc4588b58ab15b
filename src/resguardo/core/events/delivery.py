"""Delivery: run each pending (event, handler) pair until it succeeds once.

One background task per event (`deliver_event_task`, enqueued when the publishing transaction
commits) runs the event's due deliveries. Each attempt

1. claims the delivery in a short transaction: the row is locked (skipping rows another
   runner holds), must still be pending and due, and its next attempt is pushed forward by
   the lease, so a duplicate task or a second worker leaves it alone;
2. runs the handler outside any transaction of ours, so a handler may call top-level
   (durable) services, each atomic on its own;
3. records the outcome: delivered (never run again), or the error with the next attempt
   after an exponential backoff, or failed once the attempt limit is reached (visible in
   `resguardo events status`, re-run with `resguardo events retry`).

A failed attempt schedules the next one as a deferred task where the backend can defer
(the database backend); `sweep` re-enqueues whatever is overdue (a task lost in a crash
between commit and enqueue, or a worker killed during an attempt once its lease ends), and the
worker and the demo run it every minute. A worker that dies mid-handler means that handler
runs again after the lease: handlers whose effects are not one transaction should key them by
`event.event_id`.
"""

import dataclasses
import datetime
import logging
import threading
import time
import traceback
import uuid

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django_tasks import task

from resguardo.core.choices import DeliveryStatus
from resguardo.core.models import EventDelivery

from .subscriptions import handlers_for
from .types import event_from_payload

logger = logging.getLogger(__name__)

MAX_BACKOFF = datetime.timedelta(hours=1)


class HandlerNotSubscribed(LookupError):
    """The delivery names a handler this process does not have (renamed or removed)."""


@dataclasses.dataclass(frozen=True)
class Attempt:
    delivery_id: int
    handler: str
    status: str
    attempts: int
    error: str = ""


def backoff(attempts: int) -> datetime.timedelta:
    """Wait before attempt `attempts + 1`: base, 2×base, 4×base… capped at one hour."""
    base = settings.EVENT_DELIVERY_BACKOFF_SECONDS
    return min(datetime.timedelta(seconds=base * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _claim(deliveries, *, ignore_schedule: bool) -> list[EventDelivery]:
    """Take the deliveries no other runner holds, counting the attempt and setting its lease."""
    now = timezone.now()
    lease = datetime.timedelta(seconds=settings.EVENT_DELIVERY_LEASE_SECONDS)
    if ignore_schedule:  # an operator's retry: still never beside an attempt in progress
        deliveries = deliveries.exclude(running_since__gt=now - lease)
    else:
        deliveries = deliveries.filter(next_attempt_at__lte=now)
    lease_end = now + lease
    with transaction.atomic():
        claimed = list(
            deliveries.select_for_update(skip_locked=True, of=("self",))
            .select_related("event")
            .order_by("pk")
        )
        if claimed:
            EventDelivery.objects.filter(pk__in=[delivery.pk for delivery in claimed]).update(
                attempts=F("attempts") + 1,
                next_attempt_at=lease_end,
                running_since=now,
                updated_at=now,
            )
    for delivery in claimed:
        delivery.attempts += 1
        delivery.next_attempt_at = lease_end
    return claimed


def _run_handler(delivery: EventDelivery) -> None:
    stored = delivery.event
    event = event_from_payload(
        stored.event_type,
        organization_id=stored.organization_id,
        event_id=stored.id,
        payload=stored.payload,
    )
    handler = handlers_for(type(event)).get(delivery.handler)
    if handler is None:
        raise HandlerNotSubscribed(
            f"no handler named {delivery.handler} is subscribed to {stored.event_type}"
        )
    handler(event)


def _run(delivery: EventDelivery) -> Attempt:
    now = timezone.now()
    try:
        _run_handler(delivery)
    except Exception as error:
        logger.exception("event handler %s failed (delivery %s)", delivery.handler, delivery.pk)
        message = f"{type(error).__name__}: {error}"
        details = "".join(traceback.format_exception(error))[-4000:]
        gave_up = delivery.attempts >= settings.EVENT_DELIVERY_MAX_ATTEMPTS
        status = DeliveryStatus.FAILED if gave_up else DeliveryStatus.PENDING
        EventDelivery.objects.filter(pk=delivery.pk).update(
            status=status,
            last_error=f"{message}\n{details}",
            next_attempt_at=now + backoff(delivery.attempts),
            running_since=None,
            updated_at=now,
        )
        return Attempt(delivery.pk, delivery.handler, status, delivery.attempts, message)
    EventDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.DELIVERED, delivered_at=now, running_since=None, updated_at=now
    )
    return Attempt(delivery.pk, delivery.handler, DeliveryStatus.DELIVERED, delivery.attempts)


def deliver_event(event_id: uuid.UUID) -> list[Attempt]:
    """Run the due pending deliveries of one event; schedule the next try of those that failed."""
    pending = EventDelivery.objects.filter(event_id=event_id, status=DeliveryStatus.PENDING)
    results = [_run(delivery) for delivery in _claim(pending, ignore_schedule=False)]
    if any(result.status == DeliveryStatus.PENDING for result in results):
        next_at = (
            EventDelivery.objects.filter(event_id=event_id, status=DeliveryStatus.PENDING)
            .order_by("next_attempt_at")
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        if next_at is not None and deliver_event_task.get_backend().supports_defer:
            enqueue_delivery(event_id, run_after=next_at)
        # Without a deferring backend (the demo's immediate one) the sweep runs it when due.
    return results


@task()
def deliver_event_task(*, event_id: str) -> dict:
    results = deliver_event(uuid.UUID(event_id))
    return {result.handler: result.status for result in results}


def enqueue_delivery(event_id: uuid.UUID, *, run_after: datetime.datetime | None = None) -> None:
    runner = deliver_event_task.using(run_after=run_after) if run_after else deliver_event_task
    runner.enqueue(event_id=str(event_id))


# --- operator tools -------------------------------------------------------------------------


def sweep(*, grace_seconds: int | None = None) -> int:
    """Re-enqueue every event with a pending delivery overdue by more than the grace period
    (its task was lost, or its worker died). Returns the number of events re-enqueued."""
    if grace_seconds is None:
        grace_seconds = settings.EVENT_SWEEP_GRACE_SECONDS
    cutoff = timezone.now() - datetime.timedelta(seconds=grace_seconds)
    event_ids = list(
        EventDelivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=cutoff)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in event_ids:
        enqueue_delivery(event_id)
    return len(event_ids)


def retry(*, delivery_ids: list[int] | None = None, everything: bool = False) -> list[Attempt]:
    """Run now, in this process: the named deliveries, or every failed one and every pending
    one that is due (`everything`: also pending ones still waiting for their backoff)."""
    deliveries = EventDelivery.objects.exclude(status=DeliveryStatus.DELIVERED)
    if delivery_ids:
        deliveries = deliveries.filter(pk__in=delivery_ids)
    elif not everything:
        deliveries = deliveries.filter(
            Q(status=DeliveryStatus.FAILED)
            | Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now())
        )
    results = []
    for pk in deliveries.order_by("pk").values_list("pk", flat=True):
        # One at a time, so a long run holds the lease of one delivery only.
        for delivery in _claim(
            EventDelivery.objects.filter(pk=pk).exclude(status=DeliveryStatus.DELIVERED),
            ignore_schedule=True,
        ):
            results.append(_run(delivery))
    return results


def delivery_counts() -> dict[str, int]:
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for row in EventDelivery.objects.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def undelivered(*, limit: int | None = None):
    rows = (
        EventDelivery.objects.exclude(status=DeliveryStatus.DELIVERED)
        .select_related("event")
        .order_by("status", "next_attempt_at", "pk")
    )
    return rows[:limit] if limit else rows


def start_sweeper(*, interval: float | None = None) -> threading.Thread:
    """Sweep every `interval` seconds in a daemon thread (worker and demo processes)."""
    interval = interval or settings.EVENT_SWEEP_INTERVAL_SECONDS

    def loop() -> None:
        while True:
            time.sleep(interval)
            try:
                close_old_connections()
                sweep()
            except Exception:
                logger.exception("event delivery sweep failed")

    thread = threading.Thread(target=loop, name="event-delivery-sweeper", daemon=True)
    thread.start()
    return thread
