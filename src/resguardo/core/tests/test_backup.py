"""`resguardo backup` / `restore`: a round trip into a fresh database and storage finds every
row and file identical and the audit chains intact; a damaged archive is refused."""

import datetime
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

from resguardo.core.backup import BackupError, backup_verify, backup_write, restore_archive
from resguardo.core.models import Site
from resguardo.core.writes import create_audited
from resguardo.testing.personas import build_world

# serialized_rollback: the aduanas catalog loaded by a migration survives the flush between tests
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FILES = {
    "evidence/2026/12/plan-de-contingencia.pdf": b"%PDF-1.4 plan de contingencia\n" * 50,
    "photos/2026/12/sello-MX123456.jpg": bytes(range(256)) * 40,
}


@pytest.fixture
def installation():
    world = build_world()
    with transaction.atomic():
        create_audited(
            actor=world.alice,
            organization=world.org,
            instance=Site(organization=world.org, name="Bodega Sur", aduana=world.office.aduana),
        )
    for name, content in FILES.items():
        default_storage.save(name, ContentFile(content))
    yield world
    for name in FILES:
        default_storage.delete(name)


def _plain(value):
    """One spelling per value, whichever driver read it (Django's SQLite connection parses
    dates and booleans, a bare sqlite3 one does not)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else str(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _rows(cursor, tables):
    found = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT * FROM "{table}"')
        found[table] = sorted(repr(tuple(map(_plain, row))) for row in cursor.fetchall())
    return found


def _pg_params():
    settings = connection.settings_dict
    return {k.lower(): settings[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if settings[k]}


def _source_rows():
    """Every row of every table, read the way the restored copy is read back."""
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            return _rows(cursor, tables)
    import psycopg  # a plain driver connection on both sides: the same JSON and date types

    with psycopg.connect(dbname=connection.settings_dict["NAME"], **_pg_params()) as source:
        return _rows(source.cursor(), tables)


def _fresh_database(tmp_path) -> tuple[str, callable]:
    """A DATABASE_URL for an empty database of the same kind, and how to read it back."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored" / "resguardo.sqlite3"
        path.parent.mkdir()

        def read(tables):
            import sqlite3

            target = sqlite3.connect(path)
            try:
                return _rows(target.cursor(), tables)
            finally:
                target.close()

        return f"sqlite:///{path}", read, lambda: None
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restored"
    params = _pg_params()
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')

    def read(tables):
        with psycopg.connect(dbname=name, **params) as target:
            return _rows(target.cursor(), tables)

    def drop():
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    user = params.get("user", "")
    auth = f"{user}:{params['password']}@" if "password" in params else f"{user}@"
    url = f"postgres://{auth}{params.get('host', '')}:{params.get('port', 5432)}/{name}"
    return url, read, drop


def _resguardo(*args, database_url, data_dir):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "RESGUARDO_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
        "RESGUARDO_TEST_FILE_STORAGE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "resguardo.cli", *args], env=env, capture_output=True, text=True
    )


def test_round_trip_restores_every_row_and_file_and_the_audit_chain(installation, tmp_path):
    archive = tmp_path / "resguardo.tar.gz"
    summary = backup_write(archive)
    assert set(FILES) <= {f["name"] for f in summary.manifest["files"]}
    source = _source_rows()
    assert any(rows for table, rows in source.items() if table == "core_auditentry")

    url, read_restored, drop = _fresh_database(tmp_path)
    data_dir = tmp_path / "restored"
    data_dir.mkdir(exist_ok=True)
    try:
        restored = _resguardo("restore", str(archive), database_url=url, data_dir=data_dir)
        assert restored.returncode == 0, restored.stderr
        assert "restored" in restored.stdout
        assert read_restored(source) == source
        for name, content in FILES.items():
            assert (data_dir / "files" / name).read_bytes() == content
        verified = _resguardo("audit", "verify", database_url=url, data_dir=data_dir)
        assert verified.returncode == 0, verified.stderr
        assert "audit chain intact" in verified.stdout

        again = _resguardo("restore", str(archive), database_url=url, data_dir=data_dir)
        assert again.returncode != 0
        assert "already holds data" in again.stderr
    finally:
        drop()


def test_verify_refuses_a_damaged_or_foreign_archive(installation, tmp_path):
    archive = tmp_path / "good.tar.gz"
    backup_write(archive)
    assert backup_verify(archive).files >= len(FILES)

    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(tampered, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.endswith("plan-de-contingencia.pdf"):
                data = data.replace(b"plan", b"PLAN")
            member.size = len(data)
            target.addfile(member, __import__("io").BytesIO(data))
    with pytest.raises(BackupError, match="plan-de-contingencia.pdf: content differs"):
        backup_verify(tampered)

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(BackupError):
        backup_verify(truncated)

    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as target:
        target.add(Path(__file__), arcname="notes.py")
    with pytest.raises(BackupError, match="no manifest.json"):
        backup_verify(foreign)


def test_restore_refuses_an_installation_that_holds_data(installation, tmp_path):
    archive = tmp_path / "resguardo.tar.gz"
    backup_write(archive)
    with pytest.raises(BackupError, match="already holds data"):
        restore_archive(archive)


def test_backup_command_never_overwrites_without_force(installation, tmp_path):
    from django.core.management import CommandError, call_command

    target = tmp_path / "b.tar.gz"
    target.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="exists"):
        call_command("backup", str(target))
    assert target.read_bytes() == b"an older backup"
    call_command("backup", str(target), "--force")
    assert backup_verify(target).files >= len(FILES)
