"""Figures for bench/load.py from the locust request log (one CSV line per request) and the
samples of the servers' CPU and memory."""

import csv
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Request:
    started: float
    seconds: float
    page: str
    status: int
    error: str
    user: int

    @property
    def ended(self) -> float:
        return self.started + self.seconds


@dataclass
class Log:
    requests: list[Request] = field(default_factory=list)
    saved: list[tuple[float, int, str]] = field(default_factory=list)  # time, result pk, text


def read_log(path) -> Log:
    log = Log()
    with open(path, newline="", encoding="utf-8") as source:
        for row in csv.reader(source):
            if len(row) < 6:
                continue  # a line cut short when locust stopped
            started, seconds, page, status, error, user = row[:6]
            if page == "saved":
                log.saved.append((float(started), int(status), error))
            else:
                log.requests.append(
                    Request(float(started), float(seconds), page, int(status), error, int(user))
                )
    return log


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def between(requests, start: float, end: float) -> list[Request]:
    return [r for r in requests if start <= r.started < end]


def summary(requests: list[Request], seconds: float) -> str:
    if not requests:
        return "no requests"
    times = [r.seconds * 1000 for r in requests]
    errors = sum(1 for r in requests if r.error)
    return (
        f"{len(requests) / max(seconds, 0.001):6.1f} req/s  p50 {percentile(times, 0.5):5.0f} ms  "
        f"p95 {percentile(times, 0.95):5.0f} ms  p99 {percentile(times, 0.99):5.0f} ms  "
        f"errors {errors}/{len(requests)} ({100 * errors / len(requests):.2f} %)"
    )


def page_table(requests: list[Request], seconds: float) -> list[str]:
    pages = defaultdict(list)
    for r in requests:
        pages[r.page].append(r)
    heading = f"{'page':<20} {'requests':>8} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
    lines = [f"    {heading} errors"]
    for page in sorted(pages):
        rows = pages[page]
        times = [r.seconds * 1000 for r in rows]
        errors = sum(1 for r in rows if r.error)
        lines.append(
            f"    {page:<20} {len(rows):>8} {len(rows) / seconds:>6.1f} "
            f"{percentile(times, 0.5):>6.0f} {percentile(times, 0.95):>6.0f} "
            f"{percentile(times, 0.99):>6.0f} {errors}"
        )
    return lines


def error_kinds(requests: list[Request], limit: int = 4) -> str:
    kinds = defaultdict(int)
    for r in requests:
        if r.error:
            kinds[r.error.split(":")[0] if r.status == 0 else f"HTTP {r.status}"] += 1
    top = sorted(kinds.items(), key=lambda item: -item[1])[:limit]
    return ", ".join(f"{kind} ×{count}" for kind, count in top) or "none"


def served_users(requests: list[Request], users: int) -> str:
    """Users who got at least one page after signing in, of those locust started."""
    served = {r.user for r in requests if not r.error and not r.page.startswith("sign in")}
    signed = {r.user for r in requests if r.page == "sign in" and not r.error}
    return f"{len(signed)}/{users} signed in, {len(served)}/{users} served at least one page"


def recovery(requests: list[Request], at: float, window: float) -> str:
    """Errors users saw from `at` (a failure injected) for `window` seconds, and when the last
    one happened."""
    hit = [r for r in requests if r.error and at - 60 <= r.started and r.ended <= at + window]
    hit = [r for r in hit if r.ended >= at]  # the ones in flight at the moment count too
    if not hit:
        return "0 errors seen by users"
    last = max(r.ended for r in hit)
    return (
        f"{len(hit)} errors seen by users ({error_kinds(hit)}), the last "
        f"{last - at:.1f} s after the failure"
    )


@dataclass
class Samples:
    """(time, label, pid, cpu seconds, resident bytes) every second for each process."""

    rows: list[tuple[float, str, int, float, int]] = field(default_factory=list)

    def usage(self, label_prefix: str, start: float, end: float) -> tuple[float, int]:
        """CPU seconds used and peak resident memory of the processes whose label starts
        with `label_prefix`, between two moments."""
        per_pid = defaultdict(list)
        peak_by_time = defaultdict(int)
        for t, label, pid, cpu, rss in self.rows:
            if label.startswith(label_prefix) and start <= t <= end:
                per_pid[pid].append(cpu)
                peak_by_time[t] += rss
        cpu = sum(max(values) - min(values) for values in per_pid.values())
        return cpu, max(peak_by_time.values(), default=0)

    def line(self, labels: list[tuple[str, str]], start: float, end: float) -> str:
        parts = []
        for prefix, title in labels:
            cpu, peak = self.usage(prefix, start, end)
            if peak:
                parts.append(
                    f"{title} CPU {cpu:.0f} s ({100 * cpu / max(end - start, 1):.0f} % of one "
                    f"core), peak {peak / 2**20:.0f} MB"
                )
        return "; ".join(parts)


def capacity(samples: Samples, requests: list[Request], start: float, end: float) -> str:
    """What a page costs the machine under this load, and so what one core holds: the
    figure to size an installation by, since the same code is faster or slower with the
    CPU it runs on."""
    if not requests:
        return "no requests answered: no cost per page"
    app = samples.usage("app server", start, end)[0]
    per_page = 1000 * (app + samples.usage("PostgreSQL", start, end)[0]) / len(requests)
    return (
        f"CPU per answered request: app servers {1000 * app / len(requests):.1f} ms, "
        f"with PostgreSQL {per_page:.1f} ms; at 85 % busy one core answers about "
        f"{0.85 * 1000 / per_page:.0f} requests/s"
    )
