import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError, connections

from resguardo.core.events.delivery import start_sweeper, sweep
from resguardo.core.modules import start_background
from resguardo.core.task_recovery import (
    new_worker_id,
    requeue_abandoned,
    requeue_stopped,
    start_recovery,
)

logger = logging.getLogger(__name__)

# Waits while the database is unreachable: 1, 2, 4, 8 s, then every 10 s.
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 10.0


class Command(BaseCommand):
    help = "Run background tasks (event deliveries, reminders, screening runs, large exports)."

    def add_arguments(self, parser):
        parser.add_argument("--queue", default="default", help="queue name")
        # An idle poll is one indexed query; a short interval keeps event delivery under 1 s.
        parser.add_argument("--interval", type=float, default=0.2, help="seconds between polls")
        parser.add_argument("--batch", action="store_true", help="exit when the queue is empty")

    def handle(self, *args, queue, interval, batch, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.endswith("DatabaseBackend"):
            raise CommandError(
                "Tasks run immediately with TASKS_BACKEND=immediate; set "
                "TASKS_BACKEND=database to use a worker."
            )
        if batch:
            self._recover()
            self._poll(queue, interval, new_worker_id(), batch=True)
            return
        # A database restart (or a cut network) stops the polling loop with an error: the
        # worker waits and polls again instead of exiting, so the queue keeps moving.
        loops_started, delay, stopped_ids = False, RETRY_FIRST_SECONDS, []
        while True:
            worker_id, began = new_worker_id(), time.monotonic()
            try:
                for stopped_id in stopped_ids:  # a job it held when the loop stopped, if any
                    requeue_stopped(stopped_id)
                stopped_ids = []
                if not loops_started:
                    self._recover()
                    start_sweeper()
                    start_recovery()
                    # the modules' loops: the scheduler that enqueues periodic jobs when due
                    start_background()
                    loops_started = True
                self._poll(queue, interval, worker_id, batch=False)
                return
            except (OperationalError, InterfaceError) as error:
                stopped_ids.append(worker_id)
                if time.monotonic() - began > 60:
                    delay = RETRY_FIRST_SECONDS
                first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
                logger.warning(
                    "database unreachable (%s); the worker tries again in %.0f s",
                    first_line,
                    delay,
                )
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_SECONDS)

    def _recover(self):
        # Event deliveries whose task was lost (a crash between commit and enqueue, a worker
        # killed mid-task) are queued again now and then every sweep interval.
        sweep()
        requeue_abandoned()

    def _poll(self, queue, interval, worker_id, *, batch):
        args = ["--queue-name", queue, "--interval", str(interval), "--worker-id", worker_id]
        if batch:
            args.append("--batch")
        call_command("db_worker", *args)
