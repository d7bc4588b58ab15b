"""Writing and checking a backup archive (see the package docstring for its layout)."""

import hashlib
import json
import os
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .database import DatabaseToolError, check_dump, dump_database

FORMAT = "resguardo-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be written, or an archive that is not a sound backup."""


@dataclass
class BackupSummary:
    vendor: str
    database_member: str
    files: int
    total_bytes: int
    created_at: str
    manifest: dict = field(repr=False, default_factory=dict)


def stored_names(storage, folder: str = ""):
    """Every object name in a storage (local folder or bucket), depth first."""
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(names):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


def safe_member_name(name: str) -> str:
    """A stored file's name as it may appear in an archive: relative, no '..', no oddities."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
        or "\\" in name
        or "\x00" in name
    ):
        raise BackupError(f"unsafe file name in the archive: {name!r}")
    return name


class _HashingReader:
    """Hands a stored file to tarfile while hashing what it reads."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _applied_migrations(alias: str) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[alias])
    applied: dict[str, list[str]] = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def backup_write(target: Path, *, storage=None, alias: str = "default") -> BackupSummary:
    """Write the archive to `target` (via a temporary name, so a failed run leaves nothing
    that looks like a backup)."""
    storage = storage or default_storage
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    created_at = timezone.now().isoformat()
    files = []
    with tempfile.TemporaryDirectory(prefix="resguardo-backup-") as scratch:
        try:
            vendor, dump = dump_database(Path(scratch), alias=alias)
        except DatabaseToolError as error:
            raise BackupError(str(error)) from error
        database = {
            "vendor": vendor,
            "member": dump.name,
            "sha256": _file_sha256(dump),
            "size": dump.stat().st_size,
        }
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(dump, arcname=dump.name)
                for name in stored_names(storage):
                    with storage.open(name, "rb") as handle:
                        info = tarfile.TarInfo(FILES_PREFIX + safe_member_name(name))
                        info.size = storage.size(name)
                        info.mtime = int(timezone.now().timestamp())
                        reader = _HashingReader(handle)
                        archive.addfile(info, reader)
                    files.append({"name": name, "sha256": reader.digest.hexdigest(),
                                  "size": reader.size})  # fmt: skip
                manifest = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created_at": created_at,
                    "database": database,
                    "migrations": _applied_migrations(alias),
                    "files": files,
                }
                body = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                info.mtime = int(timezone.now().timestamp())
                archive.addfile(info, _BytesReader(body))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return _summary(manifest)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data = data
        self.offset = 0

    def read(self, size=-1):
        end = len(self.data) if size < 0 else self.offset + size
        chunk = self.data[self.offset : end]
        self.offset += len(chunk)
        return chunk


def _summary(manifest: dict) -> BackupSummary:
    return BackupSummary(
        vendor=manifest["database"]["vendor"],
        database_member=manifest["database"]["member"],
        files=len(manifest["files"]),
        total_bytes=manifest["database"]["size"] + sum(f["size"] for f in manifest["files"]),
        created_at=manifest["created_at"],
        manifest=manifest,
    )


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError("not a Resguardo backup: the archive has no manifest.json") from None
    except (OSError, EOFError, tarfile.TarError, zlib.error) as error:
        raise BackupError(f"the archive is truncated or damaged: {error}") from error
    try:
        manifest = json.loads(archive.extractfile(member).read(8 * 1024 * 1024 + 1))
    except (ValueError, AttributeError) as error:
        raise BackupError(f"the manifest is unreadable: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError("not a Resguardo backup: the manifest names another format")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"backup format version {manifest.get('version')} is not supported")
    return manifest


def open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"cannot read {path}: {error}") from error


def _member_digest(archive: tarfile.TarFile, member: tarfile.TarInfo) -> tuple[str, int]:
    handle = archive.extractfile(member)
    if handle is None:
        raise BackupError(f"{member.name} is not a regular file")
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def backup_verify(path: Path) -> BackupSummary:
    """Check every member against the manifest and open the database dump; change nothing."""
    path = Path(path)
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        expected = {FILES_PREFIX + safe_member_name(f["name"]): f for f in manifest["files"]}
        database = manifest["database"]
        expected[database["member"]] = database
        problems = []
        seen = set()
        try:
            for member in archive:
                if member.name == MANIFEST:
                    continue
                entry = expected.get(member.name)
                if entry is None:
                    problems.append(f"{member.name}: not listed in the manifest")
                    continue
                seen.add(member.name)
                digest, size = _member_digest(archive, member)
                if (digest, size) != (entry["sha256"], entry["size"]):
                    problems.append(f"{member.name}: content differs from the manifest")
        except (OSError, tarfile.TarError, EOFError, zlib.error) as error:
            problems.append(f"the archive is truncated or damaged: {error}")
        problems += [f"{name}: missing from the archive" for name in expected if name not in seen]
        if problems:
            raise BackupError("; ".join(problems[:20]))
        with tempfile.TemporaryDirectory(prefix="resguardo-verify-") as scratch:
            dump = extract_member(archive, database["member"], Path(scratch))
            try:
                check_dump(database["vendor"], dump)
            except DatabaseToolError as error:
                raise BackupError(str(error)) from error
    return _summary(manifest)


def extract_member(archive: tarfile.TarFile, name: str, folder: Path) -> Path:
    target = folder / PurePosixPath(name).name
    handle = archive.extractfile(archive.getmember(name))
    with open(target, "wb") as out:
        while chunk := handle.read(CHUNK):
            out.write(chunk)
    return target
