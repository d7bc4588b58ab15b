"""Seal custody at scale: a seal's history page, the seal list and the seal-log API with
200,000 shipments and 500,000 seal events in the database.

    uv run python bench/conveyance_speed.py

Throwaway SQLite database in a temporary folder; prints figures only. Target (issue 6): a
seal's history page under 200 ms median, with a number of queries that does not depend on
the length of the history or the size of the log.
"""

import datetime
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import (  # noqa: E402
    bench_folder,
    measure,
    prepared_world,
    signed_in_client,
)


def main() -> None:
    with bench_folder() as folder:
        user, membership, sites = prepared_world(folder)
        client = signed_in_client(user)
        from resguardo.conveyance.models import Seal, SealEvent

        print(f"database: {SealEvent.objects.count():,} seal events")
        ids = list(Seal.objects.values_list("pk", flat=True))
        rng = random.Random(7)
        counts = set()
        for pk in rng.sample(ids, 3):
            _ms, queries = measure(client, f"seal history page (seal #{pk}, 5 events)",
                                   f"/conveyance/seals/{pk}/")  # fmt: skip
            counts.add(queries)
        seal = Seal.objects.get(pk=ids[0])
        # Lengthen one seal's history tenfold: the page must keep the same number of queries.
        extra = [
            SealEvent(organization=seal.organization, seal=seal, sequence=5 + i, kind="verified",
                      occurred_at=seal.last_event_at, recorded_by=user, site=seal.site,
                      checkpoint="transit", view_ok=True, verify_ok=True, tug_ok=True,
                      twist_ok=True, number_read=seal.number)
            for i in range(1, 46)
        ]  # fmt: skip
        if seal.events.count() < 50:
            SealEvent.objects.bulk_create(extra)
        _ms, queries = measure(client, "seal history page (a seal with 50 events)",
                               f"/conveyance/seals/{seal.pk}/")  # fmt: skip
        counts.add(queries)
        print(f"history page queries for 5 and 50 events: {sorted(counts)} (must be one value)")
        measure(
            client, "seal list, search by number", "/conveyance/seals/?q=BS00012&status=removed"
        )  # noqa: E501
        measure(client, "seal log API, one day", "/api/v1/seal-events/?date_from=2025-06-01"
                "&date_to=2025-06-01")  # fmt: skip
        measure(client, "seal log API, one seal", f"/api/v1/seal-events/?seal={seal.pk}")
        export_timing(client)


def export_timing(client) -> None:
    """The seal log for 90 days as CSV and XLSX, streamed to the end."""
    import resource
    import time

    from django.utils import timezone

    from resguardo.conveyance.models import SealEvent

    last = SealEvent.objects.order_by("-occurred_at").values_list("occurred_at", flat=True)[0]
    end = timezone.localtime(last).date()
    start = end - datetime.timedelta(days=89)
    for fmt in ("csv", "xlsx"):
        started = time.perf_counter()
        response = client.get("/conveyance/exports/seal-log/",
                              {"date_from": start, "date_to": end, "format": fmt})  # fmt: skip
        size = sum(len(chunk) for chunk in response.streaming_content)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"seal log export, 90 days, {fmt:<4} {elapsed:7.1f} s  {size / 1e6:6.1f} MB  "
              f"(process peak memory so far {peak} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
