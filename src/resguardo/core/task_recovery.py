"""Jobs left RUNNING by a worker that died are run again, a bounded number of times.

django-tasks' database queue lets several `resguardo worker` processes share the queue (a job
is claimed with a row lock, so two workers never take the same one), but a worker killed in
the middle of a job leaves it RUNNING for ever. Each worker is named `host:pid:random`; every
worker, at start and then every TASK_RECOVERY_INTERVAL_SECONDS, puts back in the queue:
- jobs whose worker was on this host and whose process no longer exists, at once;
- jobs running longer than TASK_LEASE_SECONDS, wherever their worker was (another machine).
A job abandoned TASK_MAX_ATTEMPTS times is marked failed rather than retried for ever.
Jobs must therefore be idempotent: our event deliveries and notifications are.
"""

import logging
import os
import secrets
import socket
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger(__name__)


class AbandonedTaskError(Exception):
    """Recorded on a job whose workers died TASK_MAX_ATTEMPTS times while running it."""


def _host() -> str:
    return socket.gethostname()[:40]


def new_worker_id() -> str:
    return f"{_host()}:{os.getpid()}:{secrets.token_hex(4)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _abandoned(worker_ids: list, started_at, now) -> bool:
    lease = settings.TASK_LEASE_SECONDS
    if started_at is not None and (now - started_at).total_seconds() > lease:
        return True
    last = worker_ids[-1] if worker_ids else ""
    host, _, rest = str(last).partition(":")
    pid = rest.split(":", 1)[0]
    return host == _host() and pid.isdigit() and not _process_alive(int(pid))


def requeue_abandoned() -> int:
    """Put abandoned jobs back in the queue (or fail them); return how many were touched."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    touched = 0
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
        "pk", "worker_ids", "started_at"
    )
    for pk, worker_ids, started_at in running:
        if not _abandoned(worker_ids or [], started_at, now):
            continue
        same_run = DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(worker_ids or []) >= settings.TASK_MAX_ATTEMPTS:
            changed = same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.AbandonedTaskError",
                traceback=f"{len(worker_ids)} workers stopped while running this job",
            )
        else:
            changed = same_run.update(status=TaskResultStatus.READY, started_at=None, run_after=now)
        if changed:
            touched += 1
            logger.warning("job %s abandoned by worker %s: %s", pk, (worker_ids or ["?"])[-1],
                           "failed" if len(worker_ids or []) >= settings.TASK_MAX_ATTEMPTS
                           else "queued again")  # fmt: skip
    return touched


def requeue_stopped(worker_id: str) -> int:
    """Put back in the queue the job this process's polling loop held under `worker_id` when
    the loop stopped on a database error: the process lives on, so recovery would otherwise
    wait for the lease."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    held = [
        pk
        for pk, worker_ids in DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING
        ).values_list("pk", "worker_ids")
        if worker_ids and worker_ids[-1] == worker_id
    ]
    return DBTaskResult.objects.filter(pk__in=held, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None, run_after=timezone.now()
    )


def start_recovery(*, interval: float | None = None) -> threading.Thread:
    interval = interval or settings.TASK_RECOVERY_INTERVAL_SECONDS

    def loop() -> None:
        while True:
            time.sleep(interval)
            try:
                close_old_connections()
                requeue_abandoned()
            except Exception:
                logger.exception("recovery of abandoned jobs failed")

    thread = threading.Thread(target=loop, name="abandoned-job-recovery", daemon=True)
    thread.start()
    return thread
