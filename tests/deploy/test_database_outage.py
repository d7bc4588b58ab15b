"""A PostgreSQL restart is survived without restarting anything: app servers behind nginx
answer again, and a worker keeps taking jobs from the queue.

The outage is made on the test database only (its connections cut, new ones refused for a few
seconds), which is what a restart looks like to the processes, without stopping a server other
databases use. Run by .ci/run: `uv run pytest -m deploy -p no:xdist`."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from resguardo.testing.cluster import Cluster, shared_database_url
from resguardo.testing.personas import build_world
from resguardo.testing.tasks import notify_once_then_maybe_hang

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a database server to lose: PostgreSQL only"
    ),
]

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def _environment(url, data_dir):
    return {
        "DATABASE_URL": url,
        "RESGUARDO_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "TASKS_BACKEND": "database",
        "DB_CONN_MAX_AGE": "60",  # kept connections: the ones an outage breaks
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def _outage(seconds: float) -> None:
    """Cut every other connection to the test database and refuse new ones for a while
    (asked from the server's maintenance database: a database cannot refuse itself)."""
    s = connection.settings_dict
    name = s["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (own,) = cursor.fetchone()
    maintenance = f"host={s['HOST']} port={s['PORT']} user={s['USER']} dbname=postgres"
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> %s",
                [name, own],
            )
            time.sleep(seconds)
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def _job_status(key):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult "
            "WHERE args_kwargs -> 'kwargs' ->> 'key' = %s",
            [key],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _wait(condition, timeout):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    return True


def _ready(url):
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=5) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def test_servers_and_worker_carry_on_after_the_database_comes_back(tmp_path):
    world = build_world()
    url = shared_database_url(tmp_path)
    env = _environment(url, tmp_path / "data")
    cluster = Cluster(data_dir=tmp_path / "data", env=env).start()
    log = open(tmp_path / "worker.log", "wb")  # noqa: SIM115 (closed below)
    worker = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "resguardo.cli", "worker", "--interval", "0.1"],
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    servers = dict(cluster.processes)
    try:
        with override_settings(TASKS=DATABASE_QUEUE):
            notify_once_then_maybe_hang.enqueue(organization_id=world.org.pk, key="before")
        assert _wait(lambda: _job_status("before") == "SUCCESSFUL", 120), "worker never ran"

        _outage(seconds=3)

        # the servers answer again within 10 s, without being restarted
        assert _wait(lambda: _ready(cluster.url), 10)
        for port in cluster.server_ports:
            assert _ready(f"http://127.0.0.1:{port}")
        assert all(process.poll() is None for process in servers.values())
        # the worker lived through it and takes the next job
        with override_settings(TASKS=DATABASE_QUEUE):
            notify_once_then_maybe_hang.enqueue(organization_id=world.org.pk, key="after")
        assert _wait(lambda: _job_status("after") == "SUCCESSFUL", 60), (
            worker.poll(),
            (tmp_path / "worker.log").read_text()[-2000:],
        )
        assert worker.poll() is None
    finally:
        if worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=20)
        log.close()
        cluster.stop()
