"""What an operator reads: log lines tied to a request, and Prometheus metrics.

- Every log record carries `request_id`, `organization_id` and `user_id` of the request it
  was written in (ids only, never names or e-mail addresses).
- `LOG_FORMAT=json` writes one JSON object per line; secrets that travel in URLs (feed and
  link tokens) and e-mail addresses are masked in every message, whichever the format.
- `/metrics` (Prometheus text format) is served only with `Authorization: Bearer
  <METRICS_TOKEN>`; without METRICS_TOKEN set it does not exist (404).
"""

import contextvars
import datetime
import json
import logging
import re
import threading
import time
import traceback

_CONTEXT: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "resguardo_request", default=None
)

_TOKEN_LIKE = re.compile(r"(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{20,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def bind_request(**values) -> None:
    """Add to the current request's log context (request_id, organization_id, user_id)."""
    _CONTEXT.set({**(_CONTEXT.get() or {}), **values})


def start_request(request_id: str) -> None:
    """A new request on this thread: forget the previous one's context. (Not cleared at the
    end: Django logs a 4xx/5xx answer after the middleware returned, and that line belongs to
    the request too.)"""
    _CONTEXT.set({"request_id": request_id})


def redact(text: str) -> str:
    text = _TOKEN_LIKE.sub(r"\1…", text)
    return _EMAIL.sub("<e-mail>", text)


class RequestContextFilter(logging.Filter):
    """Stamps each record with the request it belongs to, and masks secrets in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = _CONTEXT.get() or {}
        record.request_id = context.get("request_id", "")
        record.organization_id = context.get("organization_id")
        record.user_id = context.get("user_id")
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "organization_id": getattr(record, "organization_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact("".join(traceback.format_exception(*record.exc_info)))
        return json.dumps(entry, ensure_ascii=False)


# Per process: each app server process counts what it served. Queue depth, failed jobs and
# pending events are read from the database, so every process reports the same figures.
DURATION_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class RequestMetrics:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[tuple[str, str, str], int] = {}
        self.buckets: dict[str, list[int]] = {}
        self.sums: dict[str, float] = {}

    def observe(self, *, route: str, method: str, status: int, seconds: float) -> None:
        key = (route, method, f"{status // 100}xx")
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            buckets = self.buckets.setdefault(route, [0] * (len(DURATION_BUCKETS) + 1))
            for index, bound in enumerate(DURATION_BUCKETS):
                if seconds <= bound:
                    buckets[index] += 1
            buckets[-1] += 1
            self.sums[route] = self.sums.get(route, 0.0) + seconds

    def snapshot(self):
        with self.lock:
            return dict(self.counts), {k: list(v) for k, v in self.buckets.items()}, dict(self.sums)


REQUESTS = RequestMetrics()


def route_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name or "unnamed"


def observe_request(request, response, started: float) -> None:
    REQUESTS.observe(
        route=route_name(request),
        method=request.method
        if request.method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
        else "OTHER",  # fmt: skip
        status=response.status_code,
        seconds=time.perf_counter() - started,
    )


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _resident_memory_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _database_gauges() -> list[tuple[str, str, str, float]]:
    """(name, help, labels, value) read from the database: shared by every process."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from .choices import DeliveryStatus
    from .models import EventDelivery

    gauges = []
    tasks = dict(
        DBTaskResult.objects.values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    for status in ("READY", "RUNNING", "FAILED"):
        gauges.append(("resguardo_tasks", "Background tasks by status",
                       f'status="{status.lower()}"', tasks.get(status, 0)))  # fmt: skip
    deliveries = dict(
        EventDelivery.objects.exclude(status=DeliveryStatus.DELIVERED)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    for status in (DeliveryStatus.PENDING, DeliveryStatus.FAILED):
        gauges.append(("resguardo_domain_event_deliveries", "Undelivered domain events",
                       f'status="{status}"', deliveries.get(status, 0)))  # fmt: skip
    return gauges


def metrics_text() -> str:
    from .management.serving import shed_count

    counts, buckets, sums = REQUESTS.snapshot()
    lines = [
        "# HELP resguardo_http_requests_total Requests served by this process.",
        "# TYPE resguardo_http_requests_total counter",
    ]
    for (route, method, status), count in sorted(counts.items()):
        lines.append(
            f'resguardo_http_requests_total{{route="{_label(route)}",method="{method}",'
            f'status="{status}"}} {count}'
        )
    lines += [
        "# HELP resguardo_http_request_duration_seconds Time to answer, by route.",
        "# TYPE resguardo_http_request_duration_seconds histogram",
    ]
    for route, values in sorted(buckets.items()):
        label = _label(route)
        for bound, value in zip(DURATION_BUCKETS, values, strict=False):
            lines.append(
                f'resguardo_http_request_duration_seconds_bucket{{route="{label}",le="{bound}"}}'
                f" {value}"
            )
        lines.append(
            f'resguardo_http_request_duration_seconds_bucket{{route="{label}",le="+Inf"}} '
            f"{values[-1]}"
        )
        lines.append(f'resguardo_http_request_duration_seconds_sum{{route="{label}"}} '
                     f"{sums[route]:.6f}")  # fmt: skip
        lines.append(f'resguardo_http_request_duration_seconds_count{{route="{label}"}} '
                     f"{values[-1]}")  # fmt: skip
    lines += [
        "# HELP resguardo_http_requests_shed_total Requests refused with 503 (queue full).",
        "# TYPE resguardo_http_requests_shed_total counter",
        f"resguardo_http_requests_shed_total {shed_count()}",
    ]
    memory = _resident_memory_bytes()
    if memory is not None:
        lines += [
            "# HELP resguardo_process_resident_memory_bytes Resident memory of this process.",
            "# TYPE resguardo_process_resident_memory_bytes gauge",
            f"resguardo_process_resident_memory_bytes {memory}",
        ]
    seen = set()
    for name, help_text, labels, value in _database_gauges():
        if name not in seen:
            lines += [f"# HELP {name} {help_text}.", f"# TYPE {name} gauge"]
            seen.add(name)
        lines.append(f"{name}{{{labels}}} {value}")
    return "\n".join(lines) + "\n"
