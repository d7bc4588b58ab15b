"""Fold AddIndex / AddConstraint operations into the CreateModel they follow.

`makemigrations` emits separate AddIndex and AddConstraint operations after CreateModel when
models refer to each other. Applying each one makes Django re-render the model state, which
made `migrate` on an empty database (the first thing `resguardo demo` does) several seconds
slower. Folding them into CreateModel's options gives the same schema and the same migration
state (`makemigrations --check` stays clean) and applies much faster.

Only for migrations that have never been applied anywhere that matters (initial migrations
before a release). Usage: uv run python scripts/fold_migrations.py APP_LABEL [APP_LABEL ...]
"""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.config.test_settings")

import django  # noqa: E402

django.setup()

from django.db import migrations  # noqa: E402
from django.db.migrations.loader import MigrationLoader  # noqa: E402
from django.db.migrations.writer import MigrationWriter  # noqa: E402


def _fields_of(create):
    return {name for name, _field in create.fields}


def _referenced_fields(operation) -> set[str]:
    item = getattr(operation, "index", None) or getattr(operation, "constraint", None)
    names = set(getattr(item, "fields", ()) or ())
    names |= {f.lstrip("-") for f in names}
    condition = getattr(item, "condition", None)
    if condition is not None:
        names |= {child[0].split("__")[0] for child in _flatten_q(condition)}
    for expression in getattr(item, "expressions", ()) or ():
        names |= {getattr(expression, "name", "")}
    return {n for n in names if n}


def _flatten_q(q):
    for child in getattr(q, "children", []):
        if isinstance(child, tuple):
            yield child
        else:
            yield from _flatten_q(child)


def fold(migration) -> int:
    creates = {
        op.name.lower(): op for op in migration.operations if isinstance(op, migrations.CreateModel)
    }
    kept, folded = [], 0
    for op in migration.operations:
        target = None
        if isinstance(op, migrations.AddIndex | migrations.AddConstraint):
            target = creates.get(op.model_name.lower())
        if target is not None and _referenced_fields(op) <= _fields_of(target):
            key = "indexes" if isinstance(op, migrations.AddIndex) else "constraints"
            item = op.index if key == "indexes" else op.constraint
            target.options[key] = [*target.options.get(key, []), item]
            folded += 1
            continue
        kept.append(op)
    migration.operations = kept
    return folded


def main(labels):
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        if app_label not in labels:
            continue
        count = fold(migration)
        if count:
            writer = MigrationWriter(migration)
            with open(writer.path, "w", encoding="utf-8") as handle:
                handle.write(writer.as_string())
            print(f"{app_label}.{name}: folded {count} operations")


if __name__ == "__main__":
    main(set(sys.argv[1:]))
