"""The risk register's heat map with 2,000 risks (issue 13: under 150 ms).

    uv run python bench/risks_heatmap.py

Throwaway SQLite database in a temporary folder (or RESGUARDO_BENCH_DIR to keep it); prints
figures only. Measures the heat map itself (counting the cells in the database and drawing
the SVG), the register page that shows both heat maps with the first page of rows, the
heat-map API, and a signed version's page comparing its map with the previous version's.
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import bench_folder, measure, people, setup, signed_in_client  # noqa: E402

RISKS = 2_000


def build(user, membership, sites) -> None:
    from resguardo.core.actors import Actor
    from resguardo.risks import services
    from resguardo.risks.models import Risk, ThreatCategory

    organization = membership.organization
    services.threats_seed(organization=organization)
    threats = list(ThreatCategory.objects.filter(organization=organization))
    rng = random.Random(13)
    Risk.objects.bulk_create(
        Risk(
            organization=organization,
            number=n,
            title=f"Riesgo de banco {n}",
            site=rng.choice([None, *sites]),
            process=f"Proceso {n % 30}",
            threat=rng.choice(threats),
            inherent_likelihood=rng.randint(2, 5),
            inherent_impact=rng.randint(2, 5),
            residual_likelihood=rng.randint(1, 4),
            residual_impact=rng.randint(1, 5),
            owner=user,
        )
        for n in range(1, RISKS + 1)
    )
    actor = Actor.for_member(membership)
    services.register_review_sign(actor=actor, statement="Versión 1 del banco")
    for risk in Risk.objects.filter(organization=organization).order_by("pk")[:200]:
        Risk.objects.filter(pk=risk.pk).update(residual_likelihood=5)
    services.register_review_sign(actor=actor, statement="Versión 2 del banco")


def time_heat_map(membership, runs=15) -> None:
    """The heat map alone: one COUNT ... GROUP BY on the register and the SVG drawn."""
    from resguardo.risks.heatmap import register_heat_map
    from resguardo.risks.scale import scale_for
    from resguardo.risks.selectors import heat_counts, risk_list

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        scale = scale_for(membership.organization)
        counts = heat_counts(risk_list(membership=membership))
        svg = register_heat_map(counts, scale, title="Residual risk")
        timings.append(time.perf_counter() - started)
    assert sum(counts.values()) == RISKS and svg.startswith("<svg")
    median = statistics.median(timings) * 1000
    print(f"{'heat map of 2,000 risks (count + SVG)':<58} {median:7.1f} ms median")


def main() -> None:
    with bench_folder() as folder:
        fresh = not (folder / "resguardo.sqlite3").exists()
        setup(folder)
        from resguardo.core.models import Membership, Site
        from resguardo.risks.models import RegisterReview, Risk

        if fresh:
            user, membership, sites = people()
            build(user, membership, sites)
        else:
            membership = Membership.objects.select_related("user", "organization").get(
                user__email="admin@bench.mx"
            )
            user = membership.user
            sites = list(Site.objects.filter(organization=membership.organization))
        print(f"database: {Risk.objects.count():,} risks, {len(sites)} sites")
        time_heat_map(membership)
        client = signed_in_client(user)
        measure(client, "register page (both heat maps, 50 rows)", "/risks/")
        measure(client, "register page, one site", f"/risks/?site={sites[0].pk}")
        measure(client, "heat-map API", "/api/v1/risks/heat-map/")
        latest = RegisterReview.objects.order_by("-number").first()
        measure(
            client,
            "signed version vs previous (2 maps, first 100 rows)",
            f"/risks/reviews/{latest.pk}/",
        )


if __name__ == "__main__":
    main()
