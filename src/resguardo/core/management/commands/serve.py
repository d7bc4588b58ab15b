from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resguardo.core.management.serving import serve_forever


class Command(BaseCommand):
    help = "Serve Resguardo with the waitress WSGI server and whitenoise static files."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
        parser.add_argument("--threads", type=int, default=8, help="worker threads")

    def handle(self, *args, host, port, threads, **options):
        from resguardo.core.management.serving import pending_migrations

        if pending_migrations():
            raise CommandError("The database has unapplied migrations: run `resguardo migrate`.")
        self.stdout.write(
            f"Resguardo on http://{host}:{port}/ (database: "
            f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})"
        )
        serve_forever(host=host, port=port, threads=threads)
