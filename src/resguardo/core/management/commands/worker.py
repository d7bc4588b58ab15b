from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run background tasks (reminders, screening runs, large exports)."

    def add_arguments(self, parser):
        parser.add_argument("--queue", default="default", help="queue name")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument("--batch", action="store_true", help="exit when the queue is empty")

    def handle(self, *args, queue, interval, batch, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.endswith("DatabaseBackend"):
            raise CommandError(
                "Tasks run immediately with TASKS_BACKEND=immediate; set "
                "TASKS_BACKEND=database to use a worker."
            )
        args = ["--queue-name", queue, "--interval", str(interval)]
        if batch:
            args.append("--batch")
        call_command("db_worker", *args)
