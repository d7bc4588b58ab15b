"""The obligations calendar at scale (issue 12).

    uv run python bench/obligations.py
    BENCH_ORGS=10 BENCH_ITEMS=5000 uv run python bench/obligations.py   # smaller, quicker

Throwaway SQLite database in a temporary folder (RESGUARDO_BENCH_DIR keeps it); prints
figures only. Targets:
- the calendar month view of an organization with 20,000 due items: under 200 ms, with a
  number of queries that does not depend on the number of items;
- the iCal feed of 5,000 items: under 500 ms;
- the nightly reminder run over 50 organizations x 20,000 items: under 60 s (first run,
  which writes every reminder, and a second run the same day, which must write none).

Due items are open action items (the compliance provider) spread over a year around today,
without an owner, so each reminder goes to the organization's two compliance roles.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import bench_folder, measure, setup, signed_in_client  # noqa: E402

ORGS = int(os.environ.get("BENCH_ORGS", "50"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "20000"))
FEED_ITEMS = 5000
SPREAD_DAYS = (-60, 305)  # due dates from two months ago to ten months ahead


def build(today):
    from django.contrib.auth import get_user_model

    from resguardo.compliance.models import ActionItem
    from resguardo.core.choices import Role
    from resguardo.core.models import Membership, Organization
    from resguardo.testing.factories import valid_rfc

    User = get_user_model()
    rng = random.Random(12)
    orgs = []
    for n in range(ORGS):
        org = Organization.objects.create(legal_name=f"Agencia {n:02d}, S.C.", rfc=valid_rfc())
        for role, who in ((Role.ADMIN, "admin"), (Role.COMPLIANCE, "oea")):
            user = User.objects.create(email=f"{who}{n:02d}@bench.mx", language="en")
            Membership.objects.create(user=user, organization=org, role=role)
        rows = [
            ActionItem(
                organization=org,
                title=f"Acción {n:02d}-{i:05d}",
                due_date=today + datetime.timedelta(days=rng.randint(*SPREAD_DAYS)),
            )
            for i in range(ITEMS)
        ]
        ActionItem.objects.bulk_create(rows, batch_size=2000)
        orgs.append(org)
    # a separate organization whose feed holds FEED_ITEMS items in the feed's window
    feed_org = Organization.objects.create(legal_name="Agencia Feed, S.C.", rfc=valid_rfc())
    feed_user = User.objects.create(email="feed@bench.mx", language="en")
    Membership.objects.create(user=feed_user, organization=feed_org, role=Role.COMPLIANCE)
    ActionItem.objects.bulk_create(
        [
            ActionItem(
                organization=feed_org,
                title=f"Feed {i:05d}",
                due_date=today + datetime.timedelta(days=rng.randint(-80, 390)),
            )
            for i in range(FEED_ITEMS)
        ],
        batch_size=2000,
    )
    return orgs


def main() -> None:
    with bench_folder() as folder:
        fresh = not (folder / "resguardo.sqlite3").exists()
        setup(folder)
        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from resguardo.compliance.models import ActionItem
        from resguardo.core.actors import Actor
        from resguardo.core.models import Membership, Notification
        from resguardo.obligations import services
        from resguardo.obligations.reminders import run_reminders

        today = timezone.localdate()
        if fresh:
            started = time.perf_counter()
            build(today)
            print(f"data built in {time.perf_counter() - started:.1f} s")
        print(
            f"database: {ORGS} organizations x {ITEMS:,} due items "
            f"({ActionItem.objects.count():,} action items in all)"
        )
        user = get_user_model().objects.get(email="oea00@bench.mx")
        client = signed_in_client(user)
        month = f"{today:%Y-%m}"
        _ms, few = measure(client, f"calendar month view ({ITEMS:,} items in the org)",
                           f"/obligations/?month={month}")  # fmt: skip
        measure(client, "calendar list view (next 90 days and overdue, page 1)",
                "/obligations/list/")  # fmt: skip
        measure(client, "obligations API, overdue", "/api/v1/obligations/?status=overdue")

        feed_member = Membership.objects.get(user__email="feed@bench.mx")
        _feed, token = services.calendar_feed_create(actor=Actor.for_member(feed_member))

        _ms, _q = measure(client, f"iCal feed ({FEED_ITEMS:,} items)",
                          f"/obligations/feed/{token}.ics")  # fmt: skip
        body = client.get(f"/obligations/feed/{token}.ics").content
        print(f"{'':<58} {body.count(b'BEGIN:VEVENT'):,} events, {len(body) / 1024:.0f} KiB")

        Notification.objects.filter(key__startswith="reminder:").delete()
        for label in ("first run (writes every reminder)", "second run (a restart)"):
            started = time.perf_counter()
            cpu = time.process_time()
            summary = run_reminders()
            elapsed = time.perf_counter() - started
            print(f"nightly reminders, {label:<36} {elapsed:7.1f} s "
                  f"({time.process_time() - cpu:5.1f} s CPU): {summary.items:,} items due, "
                  f"{summary.written:,} notifications written")  # fmt: skip
        print(f"reminder notifications stored: {Notification.objects.count():,}")


if __name__ == "__main__":
    main()
