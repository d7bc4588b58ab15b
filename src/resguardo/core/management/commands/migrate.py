"""Django's `migrate`, with one shortcut: an empty database gets the schema its migrations end
with in one pass instead of one operation at a time (core.fresh_schema). Everything else,
including every later upgrade, is Django's own command."""

import time

from django.core.management.commands import migrate

from resguardo.core.fresh_schema import database_is_empty, fresh_schema_create


class Command(migrate.Command):
    help = migrate.Command.help + (
        " An empty database gets the schema of all migrations at once (--replay applies them "
        "one by one instead)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--replay",
            action="store_true",
            help="on an empty database too, apply each migration in turn (slower; the same "
            "schema, which a test checks)",
        )

    def handle(self, *args, **options):
        if self._fresh_schema_applies(options):
            started = time.monotonic()
            count = fresh_schema_create(options["database"])
            if count and options["verbosity"] >= 1:
                self.stdout.write(
                    f"Empty database: created the schema of {count} migrations at once and "
                    f"recorded them as applied ({time.monotonic() - started:.1f} s)."
                )
        # Django's command then applies whatever is left (nothing after a fresh schema), creates
        # the tables of apps without migrations and sends the post-migrate signals.
        return super().handle(*args, **options)

    @staticmethod
    def _fresh_schema_applies(options) -> bool:
        whole_plan = not options.get("app_label") and not options.get("migration_name")
        unusual = ("replay", "fake", "fake_initial", "plan", "check_unapplied", "prune")
        return (
            whole_plan
            and not any(options.get(name) for name in unusual)
            and database_is_empty(options["database"])
        )
