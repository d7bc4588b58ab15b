"""An empty database gets the schema its migrations end with in one pass.

Replaying the migrations one operation at a time re-renders every model related to the one an
operation touches, and nearly every model here points at the organization: on an empty
database that is 23,000 model renders and about 40 s of a 2-core machine, most of the first
`resguardo demo` and of every test database. The schema the migrations end with is already
known (Django's migration loader computes it without touching the database), so for an empty
database this module creates those tables directly, runs the migrations' data steps
(RunPython, in order) on them, and records every migration as applied; from then on `migrate`
works one migration at a time as usual. A test builds a database both ways, on SQLite and on
PostgreSQL, and compares their schemas and rows.

A migration with an operation whose effect the final state does not describe (raw SQL, a
database-only operation) makes the whole plan replay as usual.
"""

from django.db import connections
from django.db.migrations import operations as ops
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# Operations whose whole effect on the schema is what the final migration state describes.
SCHEMA_OPERATIONS = (
    ops.CreateModel,
    ops.DeleteModel,
    ops.RenameModel,
    ops.AlterModelTable,
    ops.AlterModelTableComment,
    ops.AlterUniqueTogether,
    ops.AlterIndexTogether,
    ops.AlterOrderWithRespectTo,
    ops.AlterModelOptions,
    ops.AlterModelManagers,
    ops.AddIndex,
    ops.RemoveIndex,
    ops.RenameIndex,
    ops.AddConstraint,
    ops.RemoveConstraint,
    ops.AlterConstraint,
    ops.AddField,
    ops.RemoveField,
    ops.AlterField,
    ops.RenameField,
)


def database_is_empty(alias: str = "default") -> bool:
    """No table yet, or only the migration recorder's own table with nothing recorded in it
    (what a fresh-schema attempt that failed and rolled back leaves)."""
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    recorder = MigrationRecorder(connection)
    if not tables:
        return True
    if tables != {recorder.Migration._meta.db_table}:
        return False
    return not recorder.migration_qs.exists()


def replay_reason(plan) -> str | None:
    """Why this plan must be replayed one operation at a time, or None when the final state
    says everything the plan would do to the schema."""
    for migration, backwards in plan:
        if backwards:
            return f"{migration.app_label}.{migration.name} would be unapplied"
        for operation in migration.operations:
            if isinstance(operation, (*SCHEMA_OPERATIONS, ops.RunPython)):
                continue
            return f"{migration.app_label}.{migration.name} has a {type(operation).__name__}"
    return None


def data_steps(migration) -> list:
    """The migration's data steps an empty database needs, run on the final tables: those of
    this project's own apps (such as the aduanas catalog), except the ones marked elidable,
    which only rework rows an empty database does not have. A third-party
    app's data steps rework its own tables' rows, and those are empty too; they are written
    against its tables as they were then, so they are not run on the final ones. The test
    that builds a database both ways compares every table's rows, so a step that adds rows
    and is skipped here shows up there."""
    if not type(migration).__module__.startswith("resguardo."):
        return []
    return [
        operation
        for operation in migration.operations
        if isinstance(operation, ops.RunPython) and not operation.elidable
    ]


def fresh_schema_create(alias: str = "default") -> int:
    """Create the schema the migrations end with on an empty database, run their data steps
    and record them as applied, all in one transaction. Returns how many migrations that was;
    0 when the plan has to be replayed instead (see replay_reason)."""
    connection = connections[alias]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan or replay_reason(plan) is not None:
        return 0
    executor.recorder.ensure_schema()
    state = executor.loader.project_state()
    migrated = executor.loader.migrated_apps
    with connection.schema_editor(atomic=True) as editor:
        for model in state.apps.get_models():
            meta = model._meta
            if meta.app_label in migrated and meta.managed and not meta.proxy and not meta.swapped:
                editor.create_model(model)  # also creates its many-to-many tables
        for migration, _backwards in plan:
            for operation in data_steps(migration):
                operation.database_forwards(migration.app_label, editor, state, state)
        for migration, _backwards in plan:
            executor.record_migration(migration)
    return len(plan)
