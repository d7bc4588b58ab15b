"""The `resguardo` command, run as a user runs it: in a fresh process with a clean environment."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from resguardo.accounts.models import User
from resguardo.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_email
from resguardo.core.models import AuditEntry, Membership, Organization, Patente
from resguardo.core.validators import rfc_check_digit
from resguardo.testing.factories import valid_rfc

ENTRY_POINT = Path(sys.executable).with_name("resguardo")
MAIN_COMMANDS = ["demo", "serve", "worker", "createadmin", "audit"]

SIGN_IN_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
login = client.post("/accounts/login/", {"email": sys.argv[1], "password": sys.argv[2]})
page = client.get("/")
print(json.dumps({"login": login.status_code, "location": login.get("Location", ""),
                  "page": page.status_code, "body": page.content.decode()}))
"""


def clean_env(data_dir: Path, **values) -> dict:
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "PYTHONPATH") if k in os.environ}
    env["RESGUARDO_DATA_DIR"] = str(data_dir)
    env.update(values)
    return env


def resguardo(*args, data_dir: Path, timeout=120, **env):
    return subprocess.run(
        [sys.executable, "-m", "resguardo.cli", *args],
        env=clean_env(data_dir, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """`resguardo demo --no-serve` on an empty data folder, once for this module."""
    data_dir = tmp_path_factory.mktemp("demo") / "var"
    result = resguardo("demo", "--no-serve", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir, result.stdout


def demo_env(data_dir: Path) -> dict:
    return {"SECRET_KEY_FILE": str(data_dir / "secret_key")}


# --help ----------------------------------------------------------------------------------


@pytest.mark.embedded
def test_main_help_lists_the_commands(tmp_path):
    result = subprocess.run(
        [str(ENTRY_POINT), "--help"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for command in MAIN_COMMANDS:
        assert f"  {command} " in result.stdout


@pytest.mark.embedded
@pytest.mark.parametrize("command", MAIN_COMMANDS)
def test_each_command_has_help_even_before_configuration(tmp_path, command):
    result = resguardo(command, "--help", data_dir=tmp_path / "var")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
    assert not (tmp_path / "var").exists()  # asking for help creates nothing


@pytest.mark.embedded
def test_audit_verify_has_help(tmp_path):
    result = resguardo("audit", "verify", "--help", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr


# demo --------------------------------------------------------------------------------------


@pytest.mark.embedded
def test_demo_creates_the_database_and_prints_the_logins(demo_dir):
    data_dir, output = demo_dir
    assert (data_dir / "resguardo.sqlite3").is_file()
    assert (data_dir / "secret_key").is_file()
    assert "Demo data created." in output
    assert DEMO_PASSWORD in output
    for key, *_rest in DEMO_USERS:
        assert demo_email(key) in output
    with sqlite3.connect(data_dir / "resguardo.sqlite3") as db:
        assert db.execute("select count(*) from core_site").fetchone()[0] >= 5
        roles = {row[0] for row in db.execute("select role from core_membership")}
    assert roles == {"admin", "compliance", "site_manager", "staff", "auditor"}


@pytest.mark.embedded
def test_demo_users_can_sign_in(demo_dir):
    data_dir, _output = demo_dir
    result = subprocess.run(
        [sys.executable, "-c", SIGN_IN_SCRIPT, demo_email("admin"), DEMO_PASSWORD],
        env=clean_env(
            data_dir,
            DJANGO_SETTINGS_MODULE="resguardo.config.settings",
            ALLOWED_HOSTS="testserver",
            **demo_env(data_dir),
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert (outcome["login"], outcome["location"]) == (302, "/")
    assert outcome["page"] == 200
    assert "Agencia Aduanal Lozano y Asociados, S.C." in outcome["body"]


@pytest.mark.embedded
def test_demo_run_again_keeps_the_data(demo_dir, tmp_path):
    data_dir, _output = demo_dir
    copy = tmp_path / "var"
    shutil.copytree(data_dir, copy)
    result = resguardo("demo", "--no-serve", data_dir=copy)
    assert result.returncode == 0, result.stderr
    assert "Demo data created." not in result.stdout
    with sqlite3.connect(copy / "resguardo.sqlite3") as db:
        assert db.execute("select count(*) from core_organization").fetchone()[0] == 2


# audit verify, from the command line ---------------------------------------------------------


@pytest.mark.embedded
def test_audit_verify_cli_passes_then_names_a_tampered_entry(demo_dir, tmp_path):
    data_dir, _output = demo_dir
    copy = tmp_path / "var"
    shutil.copytree(data_dir, copy)
    intact = resguardo("audit", "verify", data_dir=copy, **demo_env(copy))
    assert intact.returncode == 0, intact.stderr
    assert "entries verified" in intact.stdout

    with sqlite3.connect(copy / "resguardo.sqlite3") as db:
        db.execute("""update core_auditentry set "after" = '{"name": "x"}' where sequence = 3""")
    tampered = resguardo("audit", "verify", data_dir=copy, **demo_env(copy))
    assert tampered.returncode == 1
    assert "entry #3 was changed" in tampered.stderr


# serve and worker refuse what would not work -------------------------------------------------


@pytest.mark.embedded
def test_serve_refuses_with_pending_migrations(tmp_path):
    result = resguardo(
        "serve", "--port", str(free_port()), data_dir=tmp_path, timeout=60, SECRET_KEY="s" * 40
    )
    assert result.returncode != 0
    assert "unapplied migrations" in result.stderr
    assert "resguardo migrate" in result.stderr


def test_worker_refuses_with_the_immediate_backend(tmp_path):
    with pytest.raises(CommandError, match="TASKS_BACKEND=database"):
        call_command("worker", "--batch")
    result = resguardo("worker", "--batch", data_dir=tmp_path, timeout=60, SECRET_KEY="s" * 40)
    assert result.returncode != 0
    assert "TASKS_BACKEND=database" in result.stderr


# createadmin -----------------------------------------------------------------------------------


def wrong_check_digit_rfc() -> str:
    body = "AAA150312TK"
    right = rfc_check_digit(body + "0")
    return body + ("1" if right != "1" else "2")


@pytest.mark.django_db
def test_createadmin_creates_the_organization_and_its_admin():
    rfc = valid_rfc()
    out = StringIO()
    call_command(
        "createadmin",
        "--email",
        "Directora@Agencia.mx",
        "--organization",
        "Agencia Aduanal Ejemplo, S.C.",
        "--rfc",
        rfc.lower(),
        "--patente",
        "3921",
        "--password",
        "una-clave-muy-segura-7",
        stdout=out,
    )
    assert "Created" in out.getvalue()
    organization = Organization.objects.get(legal_name="Agencia Aduanal Ejemplo, S.C.")
    assert organization.rfc == rfc
    assert list(Patente.objects.filter(organization=organization).values_list("number", flat=True))
    user = User.objects.get(email="directora@agencia.mx")
    membership = Membership.objects.get(user=user, organization=organization)
    assert membership.role == "admin"
    assert AuditEntry.objects.filter(organization=organization).exists()

    client = Client()
    response = client.post(
        "/accounts/login/",
        {"email": "directora@agencia.mx", "password": "una-clave-muy-segura-7"},
    )
    assert response.status_code == 302
    assert "Agencia Aduanal Ejemplo, S.C." in client.get("/").content.decode()


@pytest.mark.django_db
def test_createadmin_refuses_a_bad_rfc_and_creates_nothing():
    with pytest.raises(CommandError, match="RFC"):
        call_command(
            "createadmin",
            "--email",
            "x@agencia.mx",
            "--organization",
            "Mala",
            "--rfc",
            wrong_check_digit_rfc(),
            "--password",
            "una-clave-muy-segura-7",
        )
    assert not User.objects.filter(email="x@agencia.mx").exists()
    assert not Organization.objects.filter(legal_name="Mala").exists()


@pytest.mark.embedded
def test_demo_prints_no_raw_email_and_keeps_it_in_the_mailbox(demo_dir):
    data_dir, output = demo_dir
    assert "Content-Type:" not in output
    assert output.lstrip().startswith("Demo data created.")
    messages = list((data_dir / "mail").glob("*.eml"))
    assert messages, "the demo's notices are kept as files for the Mailbox page"
