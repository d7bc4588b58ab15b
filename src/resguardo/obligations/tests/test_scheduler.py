"""The cron-style scheduler: a due job is enqueued once, even with two schedulers ticking."""

import datetime

import pytest
import time_machine
from django.core import mail

from resguardo.core.models import Notification
from resguardo.core.notify import notify

from .. import scheduler
from ..models import ScheduledJob

NOON = datetime.datetime(2027, 5, 4, 18, 0, tzinfo=datetime.UTC)  # a Tuesday, noon in CDMX


@pytest.fixture
def fresh(db):
    ScheduledJob.objects.all().delete()


def test_new_jobs_run_at_once_then_follow_their_cron(fresh):
    enqueued = scheduler.tick(now=NOON)
    assert set(enqueued) == {
        "obligations.reminders",
        "obligations.email",
        "obligations.daily_digest",
        "obligations.weekly_digest",
    }
    reminders = ScheduledJob.objects.get(name="obligations.reminders")
    assert reminders.last_run_at == NOON
    # "0 6 * * *": six in the morning, server time, the next day
    local = reminders.next_run_at.astimezone(datetime.timezone(datetime.timedelta(hours=-6)))
    assert (local.hour, local.minute, local.date()) == (6, 0, datetime.date(2027, 5, 5))
    assert scheduler.tick(now=NOON + datetime.timedelta(minutes=1)) == []
    assert scheduler.tick(now=NOON + datetime.timedelta(minutes=5)) == ["obligations.email"]


def test_two_schedulers_never_enqueue_the_same_run_twice(fresh):
    scheduler.tick(now=NOON)
    later = NOON + datetime.timedelta(days=1)
    first, second = scheduler.tick(now=later), scheduler.tick(now=later)
    assert "obligations.reminders" in first
    assert "obligations.reminders" not in second


def test_a_stale_read_loses_the_claim(fresh):
    """Another scheduler moved the row between our read and our update: we do not run it."""
    scheduler.tick(now=NOON)
    job = ScheduledJob.objects.get(name="obligations.reminders")
    stale = job.next_run_at
    ScheduledJob.objects.filter(pk=job.pk).update(next_run_at=stale + datetime.timedelta(hours=1))
    won = ScheduledJob.objects.filter(pk=job.pk, next_run_at=stale).update(last_run_at=NOON)
    assert won == 0


def test_the_email_job_delivers_through_the_schedule(world, fresh):
    with time_machine.travel(NOON, tick=False):
        notify(organization=world.org, users=[world.alice], key="k", title="Prueba")
        scheduler.tick()
    assert [m.to for m in mail.outbox] == [["alice@norte.example.mx"]]
    assert Notification.objects.get(user=world.alice).emailed_at is not None
