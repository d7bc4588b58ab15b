"""Second databases for tests that run `resguardo` commands in a subprocess (backup and
restore, the fresh-schema shortcut): an empty database of the kind the suite runs on, and
plain-driver readers that see both sides the same way."""

import contextlib
import datetime
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection


def plain(value):
    """One spelling per value, whichever driver read it (Django's SQLite connection parses
    dates and booleans, a bare sqlite3 one does not)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else str(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def table_rows(
    cursor, tables, *, by_column: bool = False, leave_out: dict[str, str] | None = None
) -> dict[str, list[str]]:
    """Every row of each table, sorted. `by_column` names each value by its column, for two
    databases whose tables hold the same columns in another order; `leave_out` maps a table
    to a column of it that is not compared (with `by_column`)."""
    found = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from the catalog)
        names = [column[0] for column in cursor.description]
        skipped = (leave_out or {}).get(table)
        rows = []
        for row in cursor.fetchall():
            values = tuple(map(plain, row))
            if by_column:
                pairs = zip(names, values, strict=True)
                rows.append(repr(sorted(pair for pair in pairs if pair[0] != skipped)))
            else:
                rows.append(repr(values))
        found[table] = sorted(rows)
    return found


def pg_params() -> dict:
    settings = connection.settings_dict
    return {k.lower(): settings[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if settings[k]}


@dataclass
class SecondDatabase:
    url: str
    cursor: Callable  # a context manager giving a plain-driver cursor
    drop: Callable[[], None]

    def rows(self, tables, **options) -> dict[str, list[str]]:
        with self.cursor() as cursor:
            return table_rows(cursor, tables, **options)

    def tables(self) -> list[str]:
        with self.cursor() as cursor:
            if self.url.startswith("sqlite"):
                cursor.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            else:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            return sorted(row[0] for row in cursor.fetchall())


def second_database(tmp_path, label: str) -> SecondDatabase:
    """An empty database of the suite's kind: a SQLite file under tmp_path, or a PostgreSQL
    database named after the test database and `label`, dropped by `drop()`."""
    if connection.vendor == "sqlite":
        path = tmp_path / label / "resguardo.sqlite3"
        path.parent.mkdir(parents=True)

        @contextlib.contextmanager
        def sqlite_cursor():
            import sqlite3

            target = sqlite3.connect(path)
            try:
                yield target.cursor()
            finally:
                target.close()

        return SecondDatabase(f"sqlite:///{path}", sqlite_cursor, lambda: None)
    import psycopg

    name = f"{connection.settings_dict['NAME']}_{label}"
    params = pg_params()
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')

    @contextlib.contextmanager
    def pg_cursor():
        with psycopg.connect(dbname=name, **params) as target:
            yield target.cursor()

    def drop():
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    user = params.get("user", "")
    auth = f"{user}:{params['password']}@" if "password" in params else f"{user}@"
    url = f"postgres://{auth}{params.get('host', '')}:{params.get('port', 5432)}/{name}"
    return SecondDatabase(url, pg_cursor, drop)


def resguardo_command(*args, database_url: str, data_dir) -> subprocess.CompletedProcess:
    """`resguardo ARGS` in a subprocess on another database and data folder."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "RESGUARDO_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
        "RESGUARDO_TEST_FILE_STORAGE": "1",
    }
    return subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, "-m", "resguardo.cli", *args], env=env, capture_output=True, text=True
    )


def _top_level_parts(body: str) -> list[str]:
    """The comma-separated parts of a CREATE TABLE body, commas inside parentheses or quotes
    left alone."""
    parts, depth, quote, current = [], 0, None, []
    for char in body:
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return parts


def schema_of(database: SecondDatabase) -> dict[str, list]:
    """What a database's schema is, with the order of columns left out (SQLite rebuilds a
    table with an altered column moved to the end; nothing reads columns by position)."""
    with database.cursor() as cursor:
        if database.url.startswith("sqlite"):
            cursor.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
            )
            found = []
            for kind, name, table, sql in cursor.fetchall():
                match = re.fullmatch(r'(CREATE TABLE "[^"]+" )\((.*)\)', sql or "", re.S)
                if kind == "table" and match:
                    sql = (match.group(1), sorted(_top_level_parts(match.group(2))))
                found.append((kind, name, table, sql))
            return {"objects": found}
        queries = {
            "columns": "SELECT table_name, column_name, data_type, character_maximum_length, "
            "numeric_precision, is_nullable, column_default, is_identity, identity_generation "
            "FROM information_schema.columns WHERE table_schema = 'public'",
            "constraints": "SELECT conrelid::regclass::text, conname, contype, "
            "pg_get_constraintdef(oid), condeferrable, condeferred FROM pg_constraint "
            "WHERE connamespace = 'public'::regnamespace",
            "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = 'public'",
            "sequences": "SELECT sequence_name, data_type, start_value, increment "
            "FROM information_schema.sequences WHERE sequence_schema = 'public'",
        }
        found = {}
        for key, sql in queries.items():
            cursor.execute(sql)
            found[key] = sorted(tuple(map(str, row)) for row in cursor.fetchall())
        return found
