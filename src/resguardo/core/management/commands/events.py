from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from resguardo.core.events.delivery import delivery_counts, retry, sweep, undelivered


def _first_line(text: str, width: int = 100) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def _seconds(delta) -> str:
    return f"{int(delta.total_seconds())} s"


class Command(BaseCommand):
    help = (
        "Domain event deliveries. `events status` lists pending and failed ones, `events "
        "retry` runs them now, `events sweep` re-enqueues those whose task was lost."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        status = sub.add_parser("status", help="counts, then every pending and failed delivery")
        status.add_argument("--limit", type=int, default=50, help="rows to list (0: all)")
        again = sub.add_parser(
            "retry", help="run failed deliveries and due pending ones now, in this process"
        )
        again.add_argument("ids", nargs="*", type=int, help="only these delivery ids")
        again.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="also pending deliveries still waiting for their next attempt (never one "
            "that a worker is running)",
        )
        sweeper = sub.add_parser(
            "sweep", help="re-enqueue overdue pending deliveries (from cron, or the worker)"
        )
        sweeper.add_argument("--grace", type=int, default=None, help="seconds overdue")

    def handle(self, *args, action, **options):
        if action == "status":
            self._status(limit=options["limit"])
        elif action == "retry":
            self._retry(ids=options["ids"], everything=options["everything"])
        else:
            count = sweep(grace_seconds=options["grace"])
            self.stdout.write(f"{count} event(s) re-enqueued")

    def _status(self, *, limit: int) -> None:
        counts = delivery_counts()
        self.stdout.write(
            "deliveries: "
            + ", ".join(f"{counts[key]} {key}" for key in ("pending", "failed", "delivered"))
        )
        rows = list(undelivered(limit=limit or None))
        if not rows:
            self.stdout.write(self.style.SUCCESS("nothing pending or failed"))
            return
        now = timezone.now()
        self.stdout.write(
            f"{'id':>6}  {'status':<8} {'tries':>5}  {'next attempt':<16}  {'event':<40} handler"
        )
        for row in rows:
            if row.running_since and row.next_attempt_at > now:
                due = f"running {_seconds(now - row.running_since)}"
            elif row.next_attempt_at <= now:
                due = "due"
            else:
                due = f"in {_seconds(row.next_attempt_at - now)}"
            self.stdout.write(
                f"{row.pk:>6}  {row.status:<8} {row.attempts:>5}  "
                f"{(due if row.status == 'pending' else '-')[:16]:<16}  "
                f"{row.event.event_type:<40} {row.handler}"
            )
            self.stdout.write(
                f"        event {row.event_id} · organization {row.event.organization_id}"
                f" · created {row.event.created_at:%Y-%m-%d %H:%M:%S}"
            )
            if row.last_error:
                self.stdout.write(f"        last error: {_first_line(row.last_error)}")
        shown = len(rows)
        total = counts["pending"] + counts["failed"]
        if shown < total:
            self.stdout.write(f"… {total - shown} more (use --limit 0 to list all)")

    def _retry(self, *, ids: list[int], everything: bool) -> None:
        results = retry(delivery_ids=ids or None, everything=everything)
        if not results:
            self.stdout.write("nothing to retry")
            return
        for result in results:
            line = f"delivery {result.delivery_id} ({result.handler}): {result.status}"
            if result.error:
                line += f": {_first_line(result.error)}"
            style = self.style.SUCCESS if result.status == "delivered" else self.style.ERROR
            self.stdout.write(style(line))
        still = [r for r in results if r.status != "delivered"]
        if still:
            raise CommandError(f"{len(still)} of {len(results)} deliveries still failing")
        self.stdout.write(f"{len(results)} delivered")
