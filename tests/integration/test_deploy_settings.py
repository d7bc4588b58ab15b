"""The production configuration documented in .env.example passes `check --deploy` with no
warning; HTTPS redirect and HSTS are turned on from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
PRODUCTION_KEY = "Zq7#pL2v!R9mX4tB8wK1nF6yH3sD0gJ5cE8aU2iO9kQ4lT7z-Wd3&Np8@Yc5"


def example_environment(tmp_path) -> dict:
    """The variables .env.example sets, as a process manager would pass them."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "VIRTUAL_ENV") if k in os.environ}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            env[name.strip()] = value.strip()
    env.update(
        SECRET_KEY=PRODUCTION_KEY,
        RESGUARDO_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
    )
    return env


def deploy_check(env):
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_documented_production_configuration_passes_check_deploy(tmp_path):
    result = deploy_check(example_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_https_settings_check_deploy_warns(tmp_path):
    env = example_environment(tmp_path)
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        env.pop(name)
    result = deploy_check(env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


@pytest.mark.django_db
def test_https_redirect_and_hsts_when_turned_on(client):
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=3600):
        plain = client.get("/accounts/login/")
        assert plain.status_code == 301 and plain["Location"].startswith("https://")
        assert client.get("/healthz").status_code == 200  # the load balancer's check
        secure = client.get("/accounts/login/", secure=True)
        assert secure["Strict-Transport-Security"] == "max-age=3600"
