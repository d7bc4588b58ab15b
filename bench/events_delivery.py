"""Domain event delivery with the worker running: delay from commit to delivery.

    uv run python bench/events_delivery.py [--events 200] [--rate 20] [--interval 0.2]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/resguardo_bench \
        uv run python bench/events_delivery.py

Starts `resguardo worker` (TASKS_BACKEND=database) in a second process, on a throwaway SQLite
database, or on the PostgreSQL database DATABASE_URL names (it must exist; the bench migrates
it and removes only its own events). Publishes events one transaction each at a steady rate,
then a burst, and prints p50/p95/max of the time from each commit to its handler's delivery.
The worker process subscribes the same no-op handler (this file run with --worker).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BENCH_SECRET = "bench-only-secret-key-0123456789abcdef0123456789"


def environment(data_dir: Path) -> dict:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY=BENCH_SECRET,
        EMAIL_BACKEND="memory",
        TASKS_BACKEND="database",
    )
    if os.environ.get("DATABASE_URL"):
        env["DB_CONN_MAX_AGE"] = "600"
    return env


def django_setup():
    import django

    django.setup()
    from resguardo.core.events import DomainEvent, subscribe

    @dataclass(frozen=True)
    class BenchPing(DomainEvent, name="bench.ping"):
        sequence: int

    def bench_handler(event) -> None:
        pass

    subscribe(BenchPing, bench_handler, name="bench.handler")
    return BenchPing


def run_worker(interval: float) -> None:
    django_setup()
    from django.core.management import call_command

    call_command("worker", "--interval", str(interval))


def publish_one(event_type, organization_id: int, sequence: int) -> tuple:
    from django.db import transaction
    from django.utils import timezone

    from resguardo.core.events import publish

    event = event_type(organization_id=organization_id, sequence=sequence)
    with transaction.atomic():
        publish(event)
    return event.event_id, timezone.now()


def wait_delivered(committed: dict, timeout: float = 120) -> list[float]:
    from resguardo.core.models import EventDelivery

    deadline = time.monotonic() + timeout
    while True:
        rows = dict(
            EventDelivery.objects.filter(event_id__in=committed, status="delivered").values_list(
                "event_id", "delivered_at"
            )
        )
        if len(rows) == len(committed) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    missing = len(committed) - len(rows)
    if missing:
        print(f"  !! {missing} events not delivered within {timeout:.0f} s")
    return [(rows[key] - committed[key]).total_seconds() for key in rows]


def report(label: str, delays: list[float]) -> None:
    delays = sorted(delays)
    p95 = delays[max(int(round(0.95 * len(delays))) - 1, 0)]
    print(
        f"{label:<34} n={len(delays):4d}  p50 {statistics.median(delays) * 1000:6.0f} ms  "
        f"p95 {p95 * 1000:6.0f} ms  max {delays[-1] * 1000:6.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0, help="events per second")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.2, help="worker poll interval")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.interval)
        return

    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        env = environment(Path(tmp))
        os.environ.update(env)
        event_type = django_setup()
        from django.core.management import call_command
        from django.db import connection

        from resguardo.core.models import OutboxEvent
        from resguardo.testing.factories import OrganizationFactory

        call_command("migrate", verbosity=0)
        organization = OrganizationFactory()
        print(f"database: {connection.vendor}; worker poll interval {args.interval} s")
        worker = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--interval", str(args.interval)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            warm = dict([publish_one(event_type, organization.pk, -1)])
            wait_delivered(warm, timeout=30)  # the worker is up
            committed = {}
            pause = 1 / args.rate
            started = time.perf_counter()
            for sequence in range(args.events):
                event_id, at = publish_one(event_type, organization.pk, sequence)
                committed[event_id] = at
                time.sleep(max(0.0, started + (sequence + 1) * pause - time.perf_counter()))
            report(f"steady, {args.rate:g} events/s", wait_delivered(committed))
            burst = dict(
                publish_one(event_type, organization.pk, sequence) for sequence in range(args.burst)
            )
            report(f"burst of {args.burst}", wait_delivered(burst))
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            if env.get("DATABASE_URL"):
                OutboxEvent.objects.filter(event_type="bench.ping").delete()
                organization.delete()


if __name__ == "__main__":
    main()
