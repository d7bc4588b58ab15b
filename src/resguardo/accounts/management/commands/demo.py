import time

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from resguardo.accounts.demo import seed_demo
from resguardo.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_email
from resguardo.core.events.delivery import start_sweeper, sweep
from resguardo.core.management.serving import serve_forever
from resguardo.core.models import Organization
from resguardo.core.modules import start_background


class Command(BaseCommand):
    help = (
        "Create and migrate the embedded database, load the standards catalogs, add a demo "
        "customs agency when the database is empty, and serve the app."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="prepare the database and exit (for scripts and tests)",
        )

    def _seed(self):
        """Seed through the services, each its own transaction as in real use. If seeding
        fails, say so instead of serving half a demo next time."""
        try:
            seed_demo()
        except Exception as error:
            raise CommandError(
                f"The demo data could not be created ({error}). Remove the data folder "
                f"{settings.DATA_DIR} and run the demo again."
            ) from error

    def handle(self, *args, host, port, no_serve, **options):
        started = time.monotonic()
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if "standards" in get_commands():
            call_command("standards", "load", verbosity=0)
        if not Organization.objects.exists():
            self._seed()
            self.stdout.write("Demo data created.")
        # Event deliveries left over (a handler that failed last time) run again now; while the
        # demo serves, the sweeper retries failing ones (no separate worker in the demo).
        sweep(grace_seconds=0)
        self.stdout.write(
            f"Ready in {time.monotonic() - started:.1f} s. Data folder: {settings.DATA_DIR}"
        )
        self.stdout.write(
            f"\nOpen http://{host}:{port}/ and sign in with one of these "
            f"(password: {DEMO_PASSWORD}):"
        )
        for key, first, last, role, _sites in DEMO_USERS:
            self.stdout.write(f"  {demo_email(key):<32} {role.label} ({first} {last})")
        if not no_serve:
            self.stdout.write("\nPress Ctrl+C to stop.")
            self.stdout.flush()
            start_sweeper()
            # periodic jobs (reminders, e-mail) run in-process: no worker to set up in the demo
            start_background()
            serve_forever(host=host, port=port)
