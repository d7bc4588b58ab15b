"""`resguardo migrate` on an empty database creates the schema the migrations end with in one
pass (core.fresh_schema). It must be the same database that applying every migration in turn
gives: the same tables, columns, constraints and indexes, and the same rows (the aduanas
catalog, content types, permissions, the shipped standards catalogs). Runs on the suite's
database kind, so CI checks it on SQLite and on PostgreSQL."""

import pytest
from django.db import migrations

from resguardo.core.fresh_schema import replay_reason
from resguardo.testing.databases import resguardo_command, schema_of, second_database

# A column that differs by design: when each migration was recorded.
MOMENTS = {"django_migrations": "applied"}


def _rows_without_moments(database):
    return database.rows(database.tables(), by_column=True, leave_out=MOMENTS)


def test_an_empty_database_gets_what_replaying_every_migration_gives(tmp_path):
    fast, replayed = second_database(tmp_path, "fast"), second_database(tmp_path, "replay")
    try:
        created = resguardo_command("migrate", database_url=fast.url, data_dir=tmp_path / "fast")
        assert created.returncode == 0, created.stderr
        assert "Empty database: created the schema of" in created.stdout
        assert "No migrations to apply." in created.stdout

        slow = resguardo_command(
            "migrate", "--replay", database_url=replayed.url, data_dir=tmp_path / "replay"
        )
        assert slow.returncode == 0, slow.stderr
        assert "Empty database" not in slow.stdout
        assert "Applying core.0001_initial... OK" in slow.stdout

        schema = schema_of(fast)
        assert sum(len(part) for part in schema.values()) > 500  # tables, columns, indexes
        assert schema == schema_of(replayed)
        fast_rows, replayed_rows = _rows_without_moments(fast), _rows_without_moments(replayed)
        assert fast_rows.keys() == replayed_rows.keys()
        for table in fast_rows:
            assert fast_rows[table] == replayed_rows[table], table
        assert len(fast_rows["core_aduana"]) > 40  # the catalog a data step loads
        assert len(fast_rows["django_migrations"]) > 70

        # A database that is not empty any more migrates one migration at a time, as usual.
        again = resguardo_command("migrate", database_url=fast.url, data_dir=tmp_path / "fast")
        assert again.returncode == 0, again.stderr
        assert "Empty database" not in again.stdout
        assert "No migrations to apply." in again.stdout
    finally:
        fast.drop()
        replayed.drop()


class _Migration(migrations.Migration):
    pass


@pytest.mark.parametrize(
    ("operation", "reason"),
    [
        (migrations.RunSQL("CREATE EXTENSION pg_trgm"), "has a RunSQL"),
        (migrations.SeparateDatabaseAndState(), "has a SeparateDatabaseAndState"),
    ],
)
def test_a_plan_the_final_state_does_not_describe_is_replayed(operation, reason):
    migration = _Migration("0009_extension", "partners")
    migration.operations = [migrations.RemoveField("partner", "notes"), operation]
    assert replay_reason([(migration, False)]) == f"partners.0009_extension {reason}"
    migration.operations = [migrations.RunPython(migrations.RunPython.noop)]
    assert replay_reason([(migration, False)]) is None


@pytest.fixture
def empty_sqlite(tmp_path, django_db_blocker):
    """A connection alias to an empty SQLite file, whatever database the suite runs on."""
    from django.db import connections

    alias = "fresh_schema_test"
    configured = connections.configure_settings(
        {
            "default": connections.settings["default"],
            alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db")},
        }
    )
    connections.settings[alias] = configured[alias]
    with django_db_blocker.unblock():
        yield connections[alias]
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_a_data_step_that_fails_leaves_the_database_empty_for_the_next_try(
    empty_sqlite, monkeypatch
):
    from resguardo.core import fresh_schema

    def boom(apps, schema_editor):
        raise RuntimeError("the aduanas file could not be read")

    def failing_steps(migration):
        return [migrations.RunPython(boom)] if migration.app_label == "core" else []

    monkeypatch.setattr(fresh_schema, "data_steps", failing_steps)
    with pytest.raises(RuntimeError, match="aduanas"):
        fresh_schema.fresh_schema_create(empty_sqlite.alias)
    assert empty_sqlite.introspection.table_names() == ["django_migrations"]
    assert fresh_schema.database_is_empty(empty_sqlite.alias)

    monkeypatch.setattr(fresh_schema, "data_steps", lambda migration: [])
    assert fresh_schema.fresh_schema_create(empty_sqlite.alias) > 70
    assert "core_organization" in empty_sqlite.introspection.table_names()
    assert not fresh_schema.database_is_empty(empty_sqlite.alias)
