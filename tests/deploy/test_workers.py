"""Several `resguardo worker` processes share the database queue: each job runs once, and a
job whose worker is killed in the middle is run again and takes effect once.

Run by .ci/run: `uv run pytest -m deploy -p no:xdist`."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from resguardo.testing.cluster import shared_database_url
from resguardo.testing.personas import build_world
from resguardo.testing.tasks import notify_once_then_maybe_hang

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def _reader(url):
    """Run SQL against the database the workers use."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")

        def read(sql, params=()):
            with sqlite3.connect(path, timeout=30) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        return read

    def read(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return read


def _jobs(read):
    """This test's jobs by key (the workers' own periodic and event jobs share the queue)."""
    found = {}
    for key_args, status, worker_ids in read(
        "SELECT args_kwargs, status, worker_ids FROM django_tasks_database_dbtaskresult "
        "WHERE task_path LIKE %s",
        ("%notify_once_then_maybe_hang",),
    ):
        kwargs = (json.loads(key_args) if isinstance(key_args, str) else key_args)["kwargs"]
        ids = json.loads(worker_ids) if isinstance(worker_ids, str) else worker_ids
        found[kwargs["key"]] = (status, ids)
    return found


def _start_worker(url, data_dir, name):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "RESGUARDO_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "TASKS_BACKEND": "database",
        "TASK_RECOVERY_INTERVAL_SECONDS": "1",
    }
    log = open(data_dir / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "resguardo.cli", "worker", "--interval", "0.1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    return True


def test_two_workers_run_each_job_once_and_a_killed_workers_job_takes_effect_once(tmp_path):
    world = build_world()
    flag = tmp_path / "first-attempt-started"
    keys = [f"job:{n}" for n in range(12)]
    with override_settings(TASKS=DATABASE_QUEUE):
        notify_once_then_maybe_hang.enqueue(
            organization_id=world.org.pk, key="job:hangs", hang_flag=str(flag)
        )
        for key in keys:
            notify_once_then_maybe_hang.enqueue(organization_id=world.org.pk, key=key)
    url = shared_database_url(tmp_path)
    read = _reader(url)
    workers = [_start_worker(url, tmp_path, f"worker-{n}") for n in (1, 2)]
    try:
        assert _wait(flag.exists), "the hanging job never started"
        status, worker_ids = _jobs(read)["job:hangs"]
        assert status == "RUNNING"
        victim_pid = int(worker_ids[-1].split(":")[1])
        victim = next(w for w in workers if w.pid == victim_pid)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)

        def all_done():
            return all(s == "SUCCESSFUL" for s, _ids in _jobs(read).values())

        assert _wait(all_done), _jobs(read)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=20)
    jobs = _jobs(read)
    # every ordinary job ran once, by one worker or the other
    assert all(len(jobs[key][1]) == 1 for key in keys)
    # the killed one ran again, on a live worker, and its effect exists once per person
    assert len(jobs["job:hangs"][1]) == 2
    assert jobs["job:hangs"][1][1].split(":")[1] != str(victim_pid)
    people = len(read("SELECT id FROM core_membership WHERE organization_id = %s", (world.org.pk,)))
    counts = dict(read("SELECT key, COUNT(*) FROM core_notification GROUP BY key"))
    assert counts == {key: people for key in ["job:hangs", *keys]}
