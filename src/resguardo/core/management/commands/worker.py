from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from resguardo.core.events.delivery import start_sweeper, sweep
from resguardo.core.modules import start_background
from resguardo.core.task_recovery import new_worker_id, requeue_abandoned, start_recovery


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
        # Event deliveries whose task was lost (a crash between commit and enqueue, a worker
        # killed mid-task) are queued again now and then every sweep interval.
        sweep()
        requeue_abandoned()
        if not batch:
            start_sweeper()
            start_recovery()
            # the modules' loops: the scheduler that enqueues periodic jobs when they are due
            start_background()
        args = ["--queue-name", queue, "--interval", str(interval), "--worker-id", new_worker_id()]
        if batch:
            args.append("--batch")
        call_command("db_worker", *args)
