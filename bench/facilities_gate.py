"""The gate at scale: check-in + check-out round trip, the visitor log filtered with a large
log, and "who is on site now".

    uv run python bench/facilities_gate.py                  # SQLite, 1,000,000 visits
    uv run python bench/facilities_gate.py --rows 200000
    uv run python bench/facilities_gate.py --postgres       # postgres://postgres@127.0.0.1:5432

Throwaway database (a temporary folder for SQLite, a `facilities_bench` database dropped and
created again for PostgreSQL); prints figures only. Targets (issue 14): round trip < 300 ms,
filtered log page < 200 ms with a number of queries that does not depend on the log's size,
"who is on site" < 100 ms.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

RUNS = 15
BATCH = 10_000
PG_URL = "postgres://postgres@127.0.0.1:5432/facilities_bench"
FIRST = ["Juan", "María", "José", "Guadalupe", "Luis", "Ana", "Jorge", "Rosa", "Carlos",
         "Laura", "Miguel", "Patricia", "Héctor", "Sofía", "Ramón", "Elena"]  # fmt: skip
LAST = ["García", "Hernández", "Martínez", "López", "González", "Rodríguez", "Pérez",
        "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Treviño", "Garza", "Salinas"]  # fmt: skip


def setup(data_dir: Path, postgres: bool) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver,localhost",
        EMAIL_BACKEND="memory",
    )
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute("DROP DATABASE IF EXISTS facilities_bench")
            c.execute("CREATE DATABASE facilities_bench")
        os.environ["DATABASE_URL"] = PG_URL
    else:
        os.environ.pop("DATABASE_URL", None)
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_visits(org, sites, rows: int) -> None:
    """`rows` finished visits over two years, and 40 people inside now at the first site."""
    from resguardo.core.search import name_key
    from resguardo.facilities.models import Visit

    rng = random.Random(14)
    now = datetime.datetime.now(datetime.UTC)
    span = 730 * 24 * 3600
    started = time.perf_counter()
    batch = []
    for i in range(rows):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        arrived = now - datetime.timedelta(seconds=span * (i + 1) / rows)
        batch.append(
            Visit(
                organization=org,
                site=sites[i % len(sites)],
                kind="visitor",
                full_name=name,
                name_key=f"{name_key(name)} {i}",
                company="Transportes del Norte",
                id_type="ine",
                id_number=f"****{i % 10000:04d}",
                purpose="Entrega",
                checked_in_at=arrived,
                checked_out_at=arrived + datetime.timedelta(minutes=45),
            )  # fmt: skip
        )
        if len(batch) == BATCH:
            Visit.objects.bulk_create(batch)
            batch = []
    Visit.objects.bulk_create(batch)
    inside = [
        Visit(
            organization=org,
            site=sites[0],
            kind="provider",
            full_name=f"Dentro {n}",
            name_key=f"DENTRO {n}",
            id_type="ine",
            purpose="Carga",
            checked_in_at=now - datetime.timedelta(minutes=n),
        )  # fmt: skip
        for n in range(40)
    ]
    Visit.objects.bulk_create(inside)
    print(f"generated {rows:,} visits in {time.perf_counter() - started:.0f} s")


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT")


def measure(client, label, url, runs=RUNS):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    timings, cpu, counts = [], [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(
            sum(1 for q in queries.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL))
        )
    median = statistics.median(timings) * 1000
    # CPU time of this process (Django, and SQLite which runs in it): the figure that depends
    # least on what else the machine is doing; wall time is what a user waits.
    print(
        f"{label:<52} {median:7.1f} ms median ({statistics.median(cpu) * 1000:6.1f} ms CPU)"
        f" {max(counts):3d} queries"
    )
    return median, max(counts)


def round_trips(client, sites) -> None:
    """Check in (form post with a badge) and check out returning it, as the gate tablet does."""
    from resguardo.facilities.models import Badge, Visit

    badges = [f"BENCH-{n}" for n in range(RUNS + 1)]
    Badge.objects.bulk_create(
        [
            Badge(organization=sites[0].organization, site=sites[0], number=b, kind="visitor")
            for b in badges
        ]  # fmt: skip
    )
    timings, cpu = [], []
    for n, badge in enumerate(badges):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.post(
            "/facilities/gate/",
            {"site": sites[0].pk, "kind": "visitor", "full_name": f"Viaje Redondo {n}",
             "id_type": "ine", "id_number": "GAGJ800101HTS", "purpose": "Reunión",
             "badge_number": badge},
        )  # fmt: skip
        assert response.status_code == 302, response.content[:2000]
        visit = Visit.objects.get(full_name=f"Viaje Redondo {n}")
        response = client.post(f"/facilities/visits/{visit.pk}/check-out/",
                                {"badge_returned": "on"})  # fmt: skip
        assert response.status_code == 302
        if n:  # the first one warms up
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    print(f"{'check-in + check-out round trip (page posts)':<52} "
          f"{statistics.median(timings) * 1000:7.1f} ms median "
          f"({statistics.median(cpu) * 1000:6.1f} ms CPU)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="facilities-bench-") as tmp:
        setup(Path(tmp), args.postgres)
        from bench_people import people_and_sites

        user, membership, sites = people_and_sites()
        from django.db import connection
        from django.test import Client

        print(f"database: {connection.vendor}")
        build_visits(membership.organization, sites, args.rows)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client()
        client.force_login(user)
        round_trips(client, sites)
        site = sites[1].pk
        counts = set()
        for label, query in (
            ("visitor log, first page", ""),
            ("visitor log, one site and one week", f"?site={site}&date_from=2026-01-05"
                                                  "&date_to=2026-01-11"),
            ("visitor log, name starts with 'ROSA GAR'", "?q=rosa%20gar"),
            ("visitor log, site + name + inside now", f"?site={site}&q=luis&on_site=false"),
            ("visitor log, page 50", "?page=50"),
        ):  # fmt: skip
            counts.add(measure(client, label, f"/facilities/visits/{query}")[1])
        measure(client, "visitor log API, one site and one week",
                f"/api/v1/visits/?site={site}&date_from=2026-01-05&date_to=2026-01-11")  # fmt: skip
        measure(client, "who is on site now (40 inside), page", "/facilities/gate/on-site/")
        measure(client, "who is on site now, API", "/api/v1/visits/on-site/")
        print(f"log page queries across filters: {sorted(counts)}")


if __name__ == "__main__":
    main()
