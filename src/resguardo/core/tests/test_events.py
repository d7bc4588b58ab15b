"""Durable domain events: outbox written with the change, delivered once, failures kept."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from resguardo.core.choices import DeliveryStatus
from resguardo.core.events import (
    DomainEvent,
    EventTypeError,
    PublishOutsideTransactionError,
    publish,
    subscribe,
    unsubscribe,
)
from resguardo.core.events.checks import check_event_types
from resguardo.core.events.delivery import deliver_event, deliver_event_task, sweep
from resguardo.core.models import EventDelivery, OutboxEvent
from resguardo.testing.factories import OrganizationFactory


@dataclass(frozen=True)
class ThingHappened(DomainEvent, name="tests.thing_happened"):
    thing_id: int
    label: str
    at: datetime.datetime
    amount: Decimal | None = None
    tags: tuple[str, ...] = ()


class Recorder:
    """A handler that fails its first `failures` calls, then records the event."""

    def __init__(self, failures: int = 0):
        self.failures = failures
        self.calls = 0
        self.received: list[DomainEvent] = []

    def __call__(self, event):
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError(f"handler down (call {self.calls})")
        self.received.append(event)


@pytest.fixture
def handler():
    """`handler(failures=0)`: a Recorder subscribed to ThingHappened for this test only."""
    made = []

    def make(failures: int = 0, name: str = "tests.recorder"):
        recorder = Recorder(failures)
        subscribe(ThingHappened, recorder, name=name)
        made.append(name)
        return recorder

    yield make
    for name in made:
        unsubscribe(ThingHappened, name)


def thing(organization, **values) -> ThingHappened:
    values.setdefault("thing_id", 7)
    values.setdefault("label", "sello NL0000002")
    values.setdefault("at", timezone.now())
    return ThingHappened(organization_id=organization.pk, **values)


def make_due(delivery_ids=None) -> None:
    """Let the backoff pass (as if the clock moved on)."""
    rows = EventDelivery.objects.all()
    if delivery_ids:
        rows = rows.filter(pk__in=delivery_ids)
    rows.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))


# --- publishing -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_event_of_a_rolled_back_transaction_is_never_delivered(
    handler, django_capture_on_commit_callbacks
):
    recorder = handler()
    organization = OrganizationFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError, match="validation failed"),
        transaction.atomic(),
    ):
        publish(thing(organization))
        assert OutboxEvent.objects.count() == 1  # written in that transaction
        raise RuntimeError("validation failed")
    assert OutboxEvent.objects.count() == 0 and EventDelivery.objects.count() == 0
    assert sweep(grace_seconds=0) == 0
    call_command("events", "retry", "--all", stdout=StringIO())
    assert recorder.calls == 0


@pytest.mark.django_db
def test_a_committed_event_is_stored_and_delivered_once(
    handler, django_capture_on_commit_callbacks
):
    recorder = handler()
    organization = OrganizationFactory()
    at = timezone.now()
    event = thing(organization, at=at, amount=Decimal("12.50"), tags=("a", "b"))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(event)
    stored = OutboxEvent.objects.get()
    assert stored.organization_id == organization.pk
    assert stored.event_type == "tests.thing_happened"
    assert stored.payload["thing_id"] == 7 and stored.payload["amount"] == "12.50"
    assert event.event_id == stored.id
    assert recorder.received == [event]
    received = recorder.received[0]
    assert received.event_id == stored.id and received.at == at and received.tags == ("a", "b")
    delivery = EventDelivery.objects.get()
    assert (delivery.handler, delivery.status, delivery.attempts) == (
        "tests.recorder",
        "delivered",
        1,
    )


@pytest.mark.django_db
def test_a_failing_first_attempt_is_retried_and_the_handler_succeeds_once(
    handler, django_capture_on_commit_callbacks
):
    recorder = handler(failures=1)
    organization = OrganizationFactory()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(thing(organization))
    delivery = EventDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert "RuntimeError: handler down (call 1)" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()  # backoff before the retry
    event_id = str(delivery.event_id)
    deliver_event_task.enqueue(event_id=event_id)  # too early: the backoff has not passed
    assert recorder.calls == 1
    make_due()
    deliver_event_task.enqueue(event_id=event_id)  # the retry
    deliver_event_task.enqueue(event_id=event_id)  # a duplicate task run
    make_due()
    assert sweep(grace_seconds=0) == 0  # nothing left to sweep
    call_command("events", "retry", "--all", stdout=StringIO())
    assert recorder.calls == 2 and len(recorder.received) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 2


@pytest.mark.django_db
def test_each_handler_is_delivered_on_its_own(handler, django_capture_on_commit_callbacks):
    healthy = handler(name="tests.healthy")
    broken = handler(failures=99, name="tests.broken")
    organization = OrganizationFactory()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(thing(organization))
    make_due()
    deliver_event(OutboxEvent.objects.get().id)
    assert healthy.calls == 1 and broken.calls == 2
    statuses = dict(EventDelivery.objects.values_list("handler", "status"))
    assert statuses == {"tests.healthy": "delivered", "tests.broken": "pending"}


@pytest.mark.django_db
def test_a_handler_that_keeps_failing_ends_failed_and_stays_visible(handler, settings):
    settings.EVENT_DELIVERY_MAX_ATTEMPTS = 3
    recorder = handler(failures=99)
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
    event_id = OutboxEvent.objects.get().id
    for _ in range(5):
        make_due()
        deliver_event(event_id)
    delivery = EventDelivery.objects.get()
    assert recorder.calls == 3
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 3


@pytest.mark.django_db
def test_a_lost_task_is_recovered_by_the_sweep(handler):
    recorder = handler()
    organization = OrganizationFactory()
    with transaction.atomic():  # committed, but its on-commit enqueue never ran (a crash)
        publish(thing(organization))
    assert recorder.calls == 0
    assert sweep() == 0  # not overdue by the grace period yet
    EventDelivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(hours=1))
    assert sweep() == 1
    assert len(recorder.received) == 1
    assert EventDelivery.objects.get().status == DeliveryStatus.DELIVERED


@pytest.mark.django_db
def test_a_delivery_claimed_by_another_runner_is_left_alone(handler):
    recorder = handler()
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
    now = timezone.now()
    lease_end = now + datetime.timedelta(minutes=5)
    EventDelivery.objects.update(attempts=1, next_attempt_at=lease_end, running_since=now)
    deliver_event(OutboxEvent.objects.get().id)  # a duplicate task
    out = StringIO()
    call_command("events", "retry", "--all", stdout=out)  # an operator
    assert recorder.calls == 0 and out.getvalue().strip() == "nothing to retry"
    call_command("events", "status", stdout=out)
    assert "running 0 s" in out.getvalue()


@pytest.mark.django_db
def test_a_handler_no_longer_subscribed_is_recorded_as_an_error(handler):
    handler(name="tests.gone")
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
    unsubscribe(ThingHappened, "tests.gone")
    deliver_event(OutboxEvent.objects.get().id)
    delivery = EventDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert "no handler named tests.gone is subscribed" in delivery.last_error


@pytest.mark.django_db
def test_a_failed_attempt_schedules_a_deferred_retry_on_the_database_backend(
    handler, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    handler(failures=1)
    organization = OrganizationFactory()
    database_backend = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    with override_settings(TASKS=database_backend):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            publish(thing(organization))
        queued = DBTaskResult.objects.get()  # enqueued on commit, for the worker
        assert queued.args_kwargs["kwargs"] == {"event_id": str(OutboxEvent.objects.get().id)}
        deliver_event(OutboxEvent.objects.get().id)  # what the worker runs: it fails
    delivery = EventDelivery.objects.get()
    retry_task = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry_task.run_after == delivery.next_attempt_at > timezone.now()


@pytest.mark.django_db
def test_publish_outside_a_transaction_is_refused():
    organization = OrganizationFactory()
    # The test itself runs in a transaction; a transactional test would empty the tables the
    # migrations filled for the tests that follow, so autocommit is simulated instead.
    connection = transaction.get_connection()
    with (
        mock.patch.object(connection, "in_atomic_block", False),
        pytest.raises(PublishOutsideTransactionError, match="inside the transaction"),
    ):
        publish(thing(organization))
    assert OutboxEvent.objects.count() == 0


# --- event types ----------------------------------------------------------------------------


def test_an_unnamed_event_type_cannot_be_published(db):
    @dataclass(frozen=True)
    class Unnamed(DomainEvent):
        x: int

    with transaction.atomic(), pytest.raises(EventTypeError, match="has no event name"):
        publish(Unnamed(organization_id=1, x=1))


def test_two_event_types_cannot_share_a_name():
    with pytest.raises(EventTypeError, match="already used by"):

        @dataclass(frozen=True)
        class Impostor(DomainEvent, name="tests.thing_happened"):
            x: int


def test_a_field_json_cannot_carry_is_reported_at_start_up():
    @dataclass(frozen=True)
    class Odd(DomainEvent, name="tests.odd"):
        payload: dict

    try:
        errors = check_event_types()
        assert [(e.id, e.obj) for e in errors] == [("core.E020", "tests.odd")]
        assert "Odd.payload" in errors[0].msg
    finally:
        from resguardo.core.events import types

        types._EVENT_TYPES.pop("tests.odd")


# --- commands -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_events_status_lists_pending_and_failed_deliveries(handler, settings):
    settings.EVENT_DELIVERY_MAX_ATTEMPTS = 1
    handler(failures=99, name="tests.broken")
    handler(name="tests.healthy")
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
        publish(thing(organization, thing_id=8))
    event_id = OutboxEvent.objects.order_by("created_at").first().id
    deliver_event(event_id)  # the first event: healthy delivered, broken failed
    out = StringIO()
    call_command("events", "status", stdout=out)
    text = out.getvalue()
    assert "deliveries: 2 pending, 1 failed, 1 delivered" in text
    failed = EventDelivery.objects.get(status="failed")
    assert f"{failed.pk:>6}  failed" in text
    assert "last error: RuntimeError: handler down (call 1)" in text
    assert text.count("tests.thing_happened") == 3 and "tests.broken" in text
    assert f"organization {organization.pk}" in text


@pytest.mark.django_db
def test_events_status_says_when_nothing_is_waiting():
    out = StringIO()
    call_command("events", "status", stdout=out)
    assert out.getvalue().splitlines() == [
        "deliveries: 0 pending, 0 failed, 0 delivered",
        "nothing pending or failed",
    ]


@pytest.mark.django_db
def test_events_retry_runs_failed_deliveries_and_reports_each(handler, settings):
    settings.EVENT_DELIVERY_MAX_ATTEMPTS = 1
    recorder = handler(failures=1)
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
    deliver_event(OutboxEvent.objects.get().id)
    delivery = EventDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    out = StringIO()
    call_command("events", "retry", stdout=out)
    assert out.getvalue().splitlines() == [
        f"delivery {delivery.pk} (tests.recorder): delivered",
        "1 delivered",
    ]
    assert len(recorder.received) == 1
    out = StringIO()
    call_command("events", "retry", str(delivery.pk), stdout=out)
    assert out.getvalue().strip() == "nothing to retry" and recorder.calls == 2


@pytest.mark.django_db
def test_events_retry_fails_naming_what_still_fails(handler):
    handler(failures=99)
    organization = OrganizationFactory()
    with transaction.atomic():
        publish(thing(organization))
    delivery = EventDelivery.objects.get()
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 1 deliveries still failing"):
        call_command("events", "retry", stdout=out)  # pending and due: runs, fails
    assert (
        f"delivery {delivery.pk} (tests.recorder): pending: RuntimeError: handler down (call 1)"
        in out.getvalue()
    )
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 1 deliveries still failing"):
        call_command("events", "retry", "--all", stdout=out)  # not due yet, --all runs it
    assert f"delivery {delivery.pk} (tests.recorder): pending" in out.getvalue()
    delivery.refresh_from_db()
    assert delivery.attempts == 2


@pytest.mark.django_db
def test_the_worker_runs_queued_deliveries_and_sweeps_lost_ones(
    handler, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    recorder = handler()
    organization = OrganizationFactory()
    database_backend = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    with override_settings(TASKS=database_backend):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            publish(thing(organization, thing_id=1))  # queued on commit
        with transaction.atomic():
            publish(thing(organization, thing_id=2))  # committed, its task lost
        EventDelivery.objects.filter(event__payload__thing_id=2).update(
            next_attempt_at=timezone.now() - datetime.timedelta(hours=1)
        )
        assert DBTaskResult.objects.count() == 1 and recorder.calls == 0
        # In-process, inside the test's transaction: the worker must not close the connection.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("worker", "--batch", stdout=StringIO(), stderr=StringIO())
    assert sorted(event.thing_id for event in recorder.received) == [1, 2]
    assert set(EventDelivery.objects.values_list("status", flat=True)) == {"delivered"}
