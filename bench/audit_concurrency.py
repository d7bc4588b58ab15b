"""Audit writes on PostgreSQL: do organizations queue on one another's audit chain?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/resguardo_bench \
        uv run python bench/audit_concurrency.py

Creates (and drops afterwards) the database named in DATABASE_URL, migrates it, and makes two
organizations with two sites each. Each transaction is one service call shaped like an
evidence upload: an audited change, the file stored (HOLD_MS of waiting, the transaction
open), a second audited change, commit. The chain head is locked from the call's first entry
until it commits, which is where writers of one chain queue. Prints audited writes/second:

  one organization alone   two processes writing for the same organization (one chain head)
  two organizations        two processes, one per organization (two chain heads)

With one global chain head both figures were the same (every writer queued on one row); with
one head per organization the second should be at least 1.7 times the first. The wait stands
for file storage so that the figures show queueing on the head rather than CPU: this machine
(2 cores shared with other work) may not run two Python processes faster than one, which the
last line measures with HOLD_MS=0 for reference. A single writer
is printed too, for reference.
"""

import multiprocessing
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

CALLS = int(os.environ.get("BENCH_CALLS", "30"))  # service calls per process
HOLD_MS = float(os.environ.get("BENCH_HOLD_MS", "100"))  # storing the file, transaction open
ROUNDS = 3


def _admin_connection(url):
    import psycopg

    parsed = urlparse(url)
    return psycopg.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
        autocommit=True,
    )


def create_database(url) -> None:
    name = urlparse(url).path.lstrip("/")
    with _admin_connection(url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_database(url) -> None:
    name = urlparse(url).path.lstrip("/")
    with _admin_connection(url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup() -> list[tuple[int, int]]:
    """Two organizations, each with an admin and two sites. Returns (membership, site) ids:
    two writers for the first organization, then one for the second."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        EMAIL_BACKEND="memory",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from resguardo.core.choices import Role
    from resguardo.testing.factories import MembershipFactory, OrganizationFactory, SiteFactory

    writers = []
    for name in ("Norte", "Sur"):
        organization = OrganizationFactory(short_name=name)
        membership = MembershipFactory(organization=organization, role=Role.ADMIN)
        for _ in range(2):
            writers.append((membership.pk, SiteFactory(organization=organization).pk))
    from django.db import connections

    connections.close_all()
    return [writers[0], writers[1], writers[2]]


def writer(membership_id, site_id, count, hold, barrier, results):
    from django.db import connections, transaction

    from resguardo.core.models import Membership, Site
    from resguardo.core.writes import update_audited

    membership = Membership.objects.select_related("user", "organization").get(pk=membership_id)
    barrier.wait()
    started = time.perf_counter()
    for call in range(count):
        with transaction.atomic():
            site = Site.objects.select_for_update().get(pk=site_id)
            for step in range(2):
                update_audited(
                    actor=membership.user,
                    organization=membership.organization,
                    instance=site,
                    changes={"address": f"Km {call}.{step}"},
                )
                if step == 0 and hold:
                    time.sleep(hold)
    results.put(time.perf_counter() - started)
    connections.close_all()


def run(pairs, hold=HOLD_MS / 1000) -> float:
    """Audited writes per second of the processes given, started together."""
    barrier = multiprocessing.Barrier(len(pairs))
    results = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=writer, args=(m, s, CALLS, hold, barrier, results))
        for m, s in pairs
    ]
    for process in processes:
        process.start()
    elapsed = max(results.get() for _ in processes)
    for process in processes:
        process.join()
    return 2 * CALLS * len(pairs) / elapsed


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is created and dropped).")
    create_database(url)
    try:
        norte_a, norte_b, sur = setup()
        multiprocessing.set_start_method("fork")
        run([norte_a])  # warm up
        alone, same, both = [], [], []
        for _ in range(ROUNDS):
            alone.append(run([norte_a]))
            same.append(run([norte_a, norte_b]))
            both.append(run([norte_a, sur]))
        one_writer, one_org, two_orgs = max(alone), max(same), max(both)
        cpu_one = max(run([norte_a], hold=0) for _ in range(ROUNDS))
        cpu_two = max(run([norte_a, sur], hold=0) for _ in range(ROUNDS))
        from resguardo.core.audit_checks import audit_verify

        problems = audit_verify()
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(url)
    print(f"audited writes, {CALLS} calls of 2 per process, {HOLD_MS:.0f} ms file storage each,")
    print(f"best of {ROUNDS} rounds (PostgreSQL)")
    print(f"  one writer, one organization:       {one_writer:8.0f} writes/s")
    print(f"  one organization alone (2 procs):   {one_org:8.0f} writes/s")
    print(f"  two organizations (2 procs):        {two_orgs:8.0f} writes/s")
    print(f"  two organizations / one alone:      {two_orgs / one_org:8.2f}x")
    print(f"  chains verified afterwards:         {problems or 'intact'}")
    print(
        f"  CPU only (HOLD_MS=0), 1 writer: {cpu_one:.0f} writes/s, 2 organizations: "
        f"{cpu_two:.0f} writes/s ({cpu_two / cpu_one:.2f}x: what this machine gives 2 processes)"
    )


if __name__ == "__main__":
    main()
