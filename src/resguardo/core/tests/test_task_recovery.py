"""Jobs left RUNNING by a dead worker go back to the queue, or fail after N attempts."""

import datetime

from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from resguardo.core.task_recovery import _host, requeue_abandoned, requeue_stopped

DEAD_PID = 4_194_999  # above Linux's pid_max: no process has it


def _running(worker_ids, started_minutes_ago=1):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="resguardo.core.tasks.send_invitation_email",
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() - datetime.timedelta(minutes=started_minutes_ago),
        worker_ids=worker_ids,
    )


@override_settings(TASK_LEASE_SECONDS=600, TASK_MAX_ATTEMPTS=3)
def test_dead_workers_jobs_are_queued_again_then_failed(db):
    import os

    dead_here = _running([f"{_host()}:{DEAD_PID}:ab12"])
    alive_here = _running([f"{_host()}:{os.getpid()}:cd34"])
    elsewhere_recent = _running(["other-host:123:ef56"])
    elsewhere_expired = _running(["other-host:123:ef56"], started_minutes_ago=30)
    worn_out = _running([f"{_host()}:{DEAD_PID}:{n}" for n in range(3)])

    assert requeue_abandoned() == 3
    status = {r.pk: r.status for r in DBTaskResult.objects.all()}
    assert status[dead_here.pk] == TaskResultStatus.READY
    assert status[elsewhere_expired.pk] == TaskResultStatus.READY
    assert status[alive_here.pk] == TaskResultStatus.RUNNING
    assert status[elsewhere_recent.pk] == TaskResultStatus.RUNNING
    assert status[worn_out.pk] == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(pk=worn_out.pk).exception_class_path.endswith(
        "AbandonedTaskError"
    )


def test_the_job_a_living_worker_held_when_its_loop_stopped_goes_back_to_the_queue(db):
    import os

    stopped_loop = f"{_host()}:{os.getpid()}:aa11"
    held = _running([stopped_loop])
    held_by_the_new_loop = _running([f"{_host()}:{os.getpid()}:bb22"])
    retried_elsewhere = _running([stopped_loop, "other-host:123:cc33"])

    assert requeue_stopped(stopped_loop) == 1
    status = {r.pk: r.status for r in DBTaskResult.objects.all()}
    assert status[held.pk] == TaskResultStatus.READY
    assert status[held_by_the_new_loop.pk] == TaskResultStatus.RUNNING
    assert status[retried_elsewhere.pk] == TaskResultStatus.RUNNING
