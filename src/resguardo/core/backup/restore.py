"""Restoring an archive into an empty installation."""

import tempfile
from pathlib import Path

from django.core.files.storage import default_storage
from django.db.migrations.loader import MigrationLoader

from .archive import (
    FILES_PREFIX,
    BackupError,
    BackupSummary,
    backup_verify,
    extract_member,
    open_archive,
    safe_member_name,
)
from .database import DatabaseToolError, installation_is_empty, restore_database


def _unknown_migrations(manifest: dict) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]


def restore_archive(path: Path, *, storage=None, alias: str = "default") -> BackupSummary:
    """Verify the archive whole, then restore the database and every file.

    Refuses an installation that holds data or files, and an archive written by a newer
    Resguardo (migrations this code does not know)."""
    storage = storage or default_storage
    summary = backup_verify(path)
    manifest = summary.manifest
    unknown = _unknown_migrations(manifest)
    if unknown:
        raise BackupError(
            "the archive comes from a newer Resguardo (unknown migrations: "
            f"{', '.join(unknown[:5])}); upgrade this installation first"
        )
    if not installation_is_empty(alias=alias):
        raise BackupError("this installation already holds data: restore into an empty one")
    names = [safe_member_name(f["name"]) for f in manifest["files"]]
    clashes = [name for name in names if storage.exists(name)]
    if clashes:
        raise BackupError(f"the file storage is not empty ({clashes[0]} exists)")
    with open_archive(Path(path)) as archive, tempfile.TemporaryDirectory() as scratch:
        dump = extract_member(archive, manifest["database"]["member"], Path(scratch))
        try:
            restore_database(manifest["database"]["vendor"], dump, alias=alias)
        except DatabaseToolError as error:
            raise BackupError(str(error)) from error
        for name in names:
            handle = archive.extractfile(archive.getmember(FILES_PREFIX + name))
            saved = storage.save(name, handle)
            if saved != name:
                raise BackupError(f"the storage renamed {name} to {saved}")
    return summary
