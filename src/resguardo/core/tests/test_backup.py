"""`resguardo backup` / `restore`: a round trip into a fresh database and storage finds every
row and file identical and the audit chains intact; a damaged archive is refused."""

import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

from resguardo.core.backup import BackupError, backup_verify, backup_write, restore_archive
from resguardo.core.models import Site
from resguardo.core.writes import create_audited
from resguardo.testing.databases import pg_params, resguardo_command, second_database, table_rows
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


def _source_rows():
    """Every row of every table, read the way the restored copy is read back."""
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            return table_rows(cursor, tables)
    import psycopg  # a plain driver connection on both sides: the same JSON and date types

    with psycopg.connect(dbname=connection.settings_dict["NAME"], **pg_params()) as source:
        return table_rows(source.cursor(), tables)


def test_round_trip_restores_every_row_and_file_and_the_audit_chain(installation, tmp_path):
    archive = tmp_path / "resguardo.tar.gz"
    summary = backup_write(archive)
    assert set(FILES) <= {f["name"] for f in summary.manifest["files"]}
    source = _source_rows()
    assert any(rows for table, rows in source.items() if table == "core_auditentry")

    restored_database = second_database(tmp_path, "restored")
    url = restored_database.url
    data_dir = tmp_path / "restored"
    data_dir.mkdir(exist_ok=True)
    try:
        restored = resguardo_command("restore", str(archive), database_url=url, data_dir=data_dir)
        assert restored.returncode == 0, restored.stderr
        assert "restored" in restored.stdout
        assert restored_database.rows(source) == source
        for name, content in FILES.items():
            assert (data_dir / "files" / name).read_bytes() == content
        verified = resguardo_command("audit", "verify", database_url=url, data_dir=data_dir)
        assert verified.returncode == 0, verified.stderr
        assert "audit chain intact" in verified.stdout

        again = resguardo_command("restore", str(archive), database_url=url, data_dir=data_dir)
        assert again.returncode != 0
        assert "already holds data" in again.stderr
    finally:
        restored_database.drop()


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
