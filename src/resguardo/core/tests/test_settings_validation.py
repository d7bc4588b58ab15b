"""Settings come only from the environment; a bad or missing value stops start-up naming it.

Each case loads the real settings module in a fresh Python process with a controlled
environment (the test process itself runs with test settings).
"""

import json
import os
import subprocess
import sys

import pytest

GOOD_KEY = "k" * 50
LOAD_SETTINGS = (
    "import os, json\n"
    "os.environ['DJANGO_SETTINGS_MODULE'] = 'resguardo.config.settings'\n"
    "from django.conf import settings\n"
    "print(json.dumps({'debug': settings.DEBUG, 'key': settings.SECRET_KEY,"
    " 'engine': settings.DATABASES['default']['ENGINE'],"
    " 'db_name': str(settings.DATABASES['default']['NAME']),"
    " 'hosts': settings.ALLOWED_HOSTS, 'session_age': settings.SESSION_COOKIE_AGE,"
    " 'storage': settings.STORAGES['default']['BACKEND']}))\n"
)


def clean_env(tmp_path, **values) -> dict:
    """Only what a shell on a fresh machine has, plus the values under test."""
    env = {
        key: os.environ[key]
        for key in ("PATH", "HOME", "LANG", "PYTHONPATH", "SYSTEMROOT", "VIRTUAL_ENV")
        if key in os.environ
    }
    env["RESGUARDO_DATA_DIR"] = str(tmp_path)
    env.update({key: value for key, value in values.items() if value is not None})
    return env


def load_settings(tmp_path, **values):
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS],
        env=clean_env(tmp_path, **values),
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_refused(result, variable: str, *fragments: str):
    assert result.returncode != 0, result.stdout
    last_line = result.stderr.strip().splitlines()[-1]
    assert f"Environment variable {variable}:" in last_line, result.stderr
    for fragment in fragments:
        assert fragment in last_line, last_line


def test_valid_environment_is_read(tmp_path):
    result = load_settings(
        tmp_path,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="resguardo.example.mx, 10.0.0.5",
        SESSION_COOKIE_AGE="900",
        DATABASE_URL="postgres://resguardo:pw@db.internal:5432/resguardo",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["key"] == GOOD_KEY
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "resguardo"
    assert values["hosts"] == ["resguardo.example.mx", "10.0.0.5"]
    assert values["session_age"] == 900


def test_defaults_are_the_embedded_sqlite_database_and_local_files(tmp_path):
    result = load_settings(tmp_path, SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert str(tmp_path / "resguardo.sqlite3") in result.stdout
    assert "FileSystemStorage" in result.stdout


def test_missing_secret_key_with_debug_off(tmp_path):
    assert_refused(load_settings(tmp_path), "SECRET_KEY", "required when DEBUG is off")


def test_debug_on_needs_no_secret_key(tmp_path):
    result = load_settings(tmp_path, DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert '"debug": true' in result.stdout


def test_debug_must_be_a_boolean(tmp_path):
    assert_refused(load_settings(tmp_path, DEBUG="maybe", SECRET_KEY=GOOD_KEY), "DEBUG", "maybe")


@pytest.mark.parametrize(
    "url",
    ["not a url", "mysql://user@localhost/resguardo", "postgres://localhost"],
)
def test_bad_database_url(tmp_path, url):
    assert_refused(load_settings(tmp_path, SECRET_KEY=GOOD_KEY, DATABASE_URL=url), "DATABASE_URL")


def test_s3_storage_needs_a_bucket(tmp_path):
    result = load_settings(
        tmp_path,
        SECRET_KEY=GOOD_KEY,
        STORAGE_BACKEND="s3",
        S3_ACCESS_KEY_ID="id",
        S3_SECRET_ACCESS_KEY="secret",
    )
    assert_refused(result, "S3_BUCKET", "required")


def test_unknown_storage_backend(tmp_path):
    assert_refused(
        load_settings(tmp_path, SECRET_KEY=GOOD_KEY, STORAGE_BACKEND="ftp"), "STORAGE_BACKEND"
    )


def test_short_secret_key(tmp_path):
    assert_refused(load_settings(tmp_path, SECRET_KEY="short"), "SECRET_KEY", "32 characters")


def test_secret_key_and_secret_key_file_together(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(GOOD_KEY)
    result = load_settings(tmp_path, SECRET_KEY=GOOD_KEY, SECRET_KEY_FILE=str(key_file))
    assert_refused(result, "SECRET_KEY_FILE", "SECRET_KEY or SECRET_KEY_FILE")


def test_secret_key_file_is_read_and_must_exist(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(GOOD_KEY + "\n")
    result = load_settings(tmp_path, SECRET_KEY_FILE=str(key_file))
    assert result.returncode == 0, result.stderr
    assert GOOD_KEY in result.stdout
    missing = load_settings(tmp_path, SECRET_KEY_FILE=str(tmp_path / "nope"))
    assert_refused(missing, "SECRET_KEY_FILE", "cannot be read")


def test_integer_settings_are_checked(tmp_path):
    assert_refused(
        load_settings(tmp_path, SECRET_KEY=GOOD_KEY, LOGIN_FAILURE_LIMIT="many"),
        "LOGIN_FAILURE_LIMIT",
    )
    assert_refused(
        load_settings(tmp_path, SECRET_KEY=GOOD_KEY, SESSION_COOKIE_AGE="10"),
        "SESSION_COOKIE_AGE",
        "at least",
    )


@pytest.mark.parametrize(
    ("values", "variable"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "DATABASE_URL": "x"}, "DATABASE_URL"),
    ],
)
def test_cli_prints_configuration_error_and_exits_2(tmp_path, values, variable):
    result = subprocess.run(
        [sys.executable, "-m", "resguardo.cli", "check"],
        env=clean_env(tmp_path, **values),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("resguardo: configuration error: ")
    assert f"Environment variable {variable}:" in result.stderr
    assert "Traceback" not in result.stderr
