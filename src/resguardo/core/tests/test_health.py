"""/healthz: is the database reachable and is every migration applied?"""

import json
import os
import subprocess
import sys

import pytest
from django.test import Client

HEALTH_SCRIPT = """
import json
import django
django.setup()
from django.core.management import call_command
from django.test import Client

def probe():
    response = Client().get("/healthz")
    return {"status": response.status_code, "body": json.loads(response.content)}

results = {}
if "migrate" in __import__("sys").argv:
    call_command("migrate", verbosity=0)
    results["migrated"] = probe()
    call_command("migrate", "sessions", "zero", verbosity=0)  # one migration back
    results["one_pending"] = probe()
else:
    results["as_is"] = probe()
print(json.dumps(results))
"""


def run_health_script(tmp_path, *args, **env):
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "PYTHONPATH") if k in os.environ}
    base.update(
        RESGUARDO_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        SECRET_KEY="health-check-test-secret-key-0123456789",
        ALLOWED_HOSTS="testserver",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", HEALTH_SCRIPT, *args],
        env=base,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthz_ok_with_a_migrated_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "migrations": "ok", "status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_needs_no_sign_in_and_only_answers_get():
    assert Client().post("/healthz").status_code == 405


@pytest.mark.embedded
def test_healthz_503_when_a_migration_is_pending(tmp_path):
    results = run_health_script(tmp_path, "migrate")
    assert results["migrated"]["status"] == 200
    assert results["migrated"]["body"]["migrations"] == "ok"
    pending = results["one_pending"]
    assert pending["status"] == 503
    assert pending["body"]["database"] == "ok"
    assert pending["body"]["migrations"] == "1 pending"
    assert pending["body"]["status"] == "error"


@pytest.mark.embedded
def test_healthz_503_when_the_database_is_unreachable(tmp_path):
    results = run_health_script(
        tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:9/resguardo?connect_timeout=2"
    )
    assert results["as_is"]["status"] == 503
    assert results["as_is"]["body"]["database"].startswith("unreachable")
