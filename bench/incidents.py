"""Incidents at scale: the incident list with 100,000 incidents, filtered, and the anonymous
intake through a site's public link.

    uv run python bench/incidents.py

Throwaway SQLite database in a temporary folder (RESGUARDO_BENCH_DIR keeps it); prints
figures only. Targets (issue 13): a filtered page of the list under 200 ms with a number of
queries that does not depend on the page or the filter; an anonymous report under 300 ms.
"""

import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import bench_folder, measure, people, setup, signed_in_client  # noqa: E402

INCIDENTS = 100_000
BATCH = 5_000


def build(membership, sites) -> None:
    from resguardo.core.actors import Actor
    from resguardo.incidents import services
    from resguardo.incidents.models import Category, Incident, Notice

    org = membership.organization
    services.categories_ensure(organization=org)
    services.reporting_link_create(actor=Actor.for_member(membership), site=sites[0])
    categories = list(Category.objects.filter(organization=org))
    rng = random.Random(13)
    now = datetime.datetime.now(datetime.UTC)
    statuses = ["open", "investigating", "closed"]
    for start in range(0, INCIDENTS, BATCH):
        rows = []
        for n in range(start, min(start + BATCH, INCIDENTS)):
            reported = now - datetime.timedelta(minutes=7 * n + rng.randint(0, 6))
            status = statuses[n % 3]
            category = categories[n % len(categories)]
            rows.append(
                Incident(
                    organization=org,
                    site=sites[n % len(sites)],
                    category=category,
                    severity=category.default_severity,
                    status=status,
                    title=f"Incidente de prueba {n}",
                    description="Descripción de prueba",
                    reported_at=reported,
                    source="member",
                    closed_at=reported + datetime.timedelta(days=3) if status == "closed" else None,
                )
            )
        created = Incident.objects.bulk_create(rows)
        Notice.objects.bulk_create(
            Notice(
                organization=org,
                incident=incident,
                recipient="oea_aviso",
                due_at=incident.reported_at + datetime.timedelta(days=5),
            )
            for incident in created
        )


def anonymous_intake(client, token: str, runs: int = 15) -> None:
    url = f"/r/{token}/"
    client.get(url)
    timings = []
    for n in range(runs):
        started = time.perf_counter()
        response = client.post(url, {"description": f"Persona sin gafete en el andén {n}"},
                               REMOTE_ADDR=f"198.51.100.{n + 1}")  # fmt: skip
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    print(f"{'anonymous report through the public link (POST)':<58} "
          f"{statistics.median(timings) * 1000:7.1f} ms median")  # fmt: skip


def main() -> None:
    with bench_folder() as folder:
        fresh = not (folder / "resguardo.sqlite3").exists()
        setup(folder)
        if fresh:
            user, membership, sites = people()
            started = time.perf_counter()
            build(membership, sites)
            print(f"built {INCIDENTS:,} incidents in {time.perf_counter() - started:.0f} s")
        from resguardo.core.models import Membership
        from resguardo.incidents.models import Category, Incident, ReportingLink

        membership = Membership.objects.select_related("user").get(user__email="admin@bench.mx")
        user = membership.user
        print(f"database: {Incident.objects.count():,} incidents")
        client = signed_in_client(user)
        seal = Category.objects.get(key="seal_tampering")
        site = Incident.objects.values_list("site_id", flat=True).first()
        counts = set()
        for label, url in (
            ("incident list, first page", "/incidents/"),
            ("incident list, page 40", "/incidents/?page=40"),
            ("list filtered: status + category", f"/incidents/?status=open&category={seal.pk}"),
            ("list filtered: site + dates", f"/incidents/?site={site}&date_from=2026-01-01"
                                            "&date_to=2026-06-30"),
            ("list filtered, htmx rows", "/incidents/?status=closed&severity=high"),
            ("API list filtered: status + category",
             f"/api/v1/incidents/?status=open&category={seal.pk}"),
            ("API list, page 40", "/api/v1/incidents/?page=40"),
        ):  # fmt: skip
            _ms, queries = measure(client, label, url)
            counts.add((url.startswith("/api"), queries))
        print(f"queries per page (api?, count): {sorted(counts)}")
        measure(client, "statistics page (12 months)", "/incidents/statistics/", runs=3)
        token = ReportingLink.objects.values_list("token", flat=True).first()
        anonymous_intake(signed_out_client(), token)


def signed_out_client():
    from django.test import Client

    return Client()


if __name__ == "__main__":
    main()
