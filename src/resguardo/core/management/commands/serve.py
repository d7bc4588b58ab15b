import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resguardo.core.management.serving import serve_forever


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Serve Resguardo with the waitress WSGI server and whitenoise static files, with "
        "bounded threads, connections and queue, in one or several processes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
        parser.add_argument(
            "--threads", type=_positive, default=8, help="request threads per process (8)"
        )
        parser.add_argument(
            "--processes",
            type=_positive,
            default=1,
            help="worker processes sharing the port (1; more than one needs Linux or macOS)",
        )
        parser.add_argument(
            "--connection-limit",
            type=_positive,
            default=1000,
            help="open connections per process, idle keep-alive ones included (1000)",
        )
        parser.add_argument(
            "--max-queue",
            type=_positive,
            default=64,
            help="requests waiting for a thread before new ones get 503 Retry-After (64)",
        )
        parser.add_argument(
            "--backlog", type=_positive, default=1024, help="the listening socket's backlog"
        )
        parser.add_argument(
            "--channel-timeout",
            type=_positive,
            default=60,
            help="seconds an idle connection is kept open (60)",
        )

    def handle(self, *args, host, port, processes, **limits):
        from resguardo.core.management.serving import pending_migrations

        if pending_migrations():
            raise CommandError("The database has unapplied migrations: run `resguardo migrate`.")
        if processes > 1 and not hasattr(os, "fork"):
            raise CommandError("--processes above 1 needs a system with fork (Linux, macOS).")
        self.stdout.write(
            f"Resguardo on http://{host}:{port}/ (database: "
            f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; {processes} "
            f"process(es) × {limits['threads']} threads, up to {limits['max_queue']} waiting)"
        )
        self.stdout.flush()
        serve_forever(
            host=host,
            port=port,
            processes=processes,
            threads=limits["threads"],
            connection_limit=limits["connection_limit"],
            max_queue=limits["max_queue"],
            backlog=limits["backlog"],
            channel_timeout=limits["channel_timeout"],
        )
