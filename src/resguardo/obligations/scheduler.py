"""A small cron-style scheduler for django-tasks (django-crontask needs Django 6).

Every module declares its periodic jobs as `core.modules.Schedule(name, cron, task)`. Each
job has one ScheduledJob row holding its next run. A tick enqueues every job whose next run
has come, after moving `next_run_at` forward with a conditional UPDATE (WHERE next_run_at is
still the value read): of two schedulers ticking at once only one wins the update, so each
run is enqueued once. A new job's first run is right away (the demo shows reminders at once);
runs missed while nothing was ticking collapse into one.
"""

import datetime
import logging
import threading
import time

from croniter import croniter
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string

from resguardo.core.modules import registry

from .models import ScheduledJob

logger = logging.getLogger(__name__)

TICK_SECONDS = 20


def next_after(cron: str, moment: datetime.datetime) -> datetime.datetime:
    """The next time `cron` fires after `moment`, read in the server's time zone."""
    return croniter(cron, timezone.localtime(moment)).get_next(datetime.datetime)


def _sync_jobs(now) -> dict[str, ScheduledJob]:
    schedules = {s.name: s for s in registry().schedules}
    jobs = {job.name: job for job in ScheduledJob.objects.filter(name__in=schedules)}
    for name, schedule in schedules.items():
        job = jobs.get(name)
        if job is None:
            job, _created = ScheduledJob.objects.get_or_create(
                name=name, defaults={"cron": schedule.cron, "next_run_at": now}
            )
            jobs[name] = job
        elif job.cron != schedule.cron:  # the schedule changed: the next run follows it
            job.next_run_at = next_after(schedule.cron, now)
            job.cron = schedule.cron
            ScheduledJob.objects.filter(pk=job.pk).update(
                cron=job.cron, next_run_at=job.next_run_at
            )
    return jobs


def tick(*, now=None) -> list[str]:
    """Enqueue every job that is due; return the names this scheduler enqueued."""
    now = now or timezone.now()
    schedules = {s.name: s for s in registry().schedules}
    enqueued = []
    for name, job in _sync_jobs(now).items():
        if job.next_run_at > now:
            continue
        following = next_after(job.cron, now)
        won = ScheduledJob.objects.filter(pk=job.pk, next_run_at=job.next_run_at).update(
            next_run_at=following, last_run_at=now
        )
        if not won:
            continue  # another scheduler took this run
        error = ""
        try:
            import_string(schedules[name].task).enqueue()
            enqueued.append(name)
        except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
            logger.exception("scheduled job %s failed to run", name)
            error = str(exc)[:2000]
        ScheduledJob.objects.filter(pk=job.pk).update(last_error=error)
    return enqueued


def start_scheduler(*, interval: float = TICK_SECONDS) -> threading.Thread:
    """Tick every `interval` seconds in a daemon thread (`resguardo worker`, the demo)."""

    def loop() -> None:
        while True:
            try:
                close_old_connections()
                tick()
            except Exception:
                logger.exception("scheduler tick failed")
            time.sleep(interval)

    thread = threading.Thread(target=loop, name="obligations-scheduler", daemon=True)
    thread.start()
    return thread
