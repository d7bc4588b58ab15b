"""The database half of a backup: SQLite's online backup API, or pg_dump / pg_restore."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class DatabaseToolError(Exception):
    pass


def database_member(vendor: str) -> str:
    if vendor == "sqlite":
        return SQLITE_MEMBER
    if vendor == "postgresql":
        return POSTGRES_MEMBER
    raise DatabaseToolError(f"backups support SQLite and PostgreSQL, not {vendor}")


def _pg_command(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise DatabaseToolError(
            f"{tool} was not found: install PostgreSQL's client tools "
            f"(Debian: apt-get install postgresql-client) to back up or restore PostgreSQL"
        )
    return found


def _pg_env_and_name(alias: str) -> tuple[dict, str]:
    settings = connections[alias].settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings.get(key):
            env[var] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env, settings["NAME"]


def dump_database(folder: Path, *, alias: str = "default") -> tuple[str, Path]:
    """Write the database to a file in `folder`; return (vendor, path)."""
    connection = connections[alias]
    vendor = connection.vendor
    path = folder / database_member(vendor)
    if vendor == "sqlite":
        if connection.in_atomic_block:
            # SQLite's backup would wait forever for this connection's own open transaction.
            raise DatabaseToolError("a backup must run outside a database transaction")
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return vendor, path
    env, name = _pg_env_and_name(alias)
    # An argument list and no shell; the program is the one found on PATH.
    result = subprocess.run(  # noqa: S603
        [
            _pg_command("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={path}",
            name,
        ],  # fmt: skip
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise DatabaseToolError(f"pg_dump failed: {result.stderr.strip()}")
    return vendor, path


def check_dump(vendor: str, path: Path) -> None:
    """Open the dump the way a restore would, without restoring it."""
    if vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (answer,) = source.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError as error:
            raise DatabaseToolError(
                f"the SQLite database in the archive is unreadable: {error}"
            ) from error
        finally:
            source.close()
        if answer != "ok":
            raise DatabaseToolError(f"the SQLite database in the archive is damaged: {answer}")
        return
    # An argument list and no shell; the program is the one found on PATH.
    result = subprocess.run(  # noqa: S603
        [_pg_command("pg_restore"), "--list", str(path)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise DatabaseToolError(f"the PostgreSQL dump is unreadable: {result.stderr.strip()}")


def installation_is_empty(*, alias: str = "default") -> bool:
    """No tables at all, or the schema with no organization and no user in it."""
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    if not tables:
        return True
    with connection.cursor() as cursor:
        for table in ("core_organization", "accounts_user"):
            if table in tables:
                quoted = connection.ops.quote_name(table)  # one of the two names above
                cursor.execute(f"SELECT 1 FROM {quoted} LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    return False
    return True


def restore_database(vendor: str, path: Path, *, alias: str = "default") -> None:
    connection = connections[alias]
    if connection.vendor != vendor:
        raise DatabaseToolError(
            f"the archive holds a {vendor} database; this installation uses {connection.vendor}"
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    env, name = _pg_env_and_name(alias)
    connection.close()
    # An argument list and no shell; the program is the one found on PATH.
    result = subprocess.run(  # noqa: S603
        [
            _pg_command("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={name}",
            str(path),
        ],  # fmt: skip
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise DatabaseToolError(f"pg_restore failed: {result.stderr.strip()}")
