"""SQL queries of the dashboard and list pages as the data grows (3, 30, 300 more rows).

    uv run python bench/list_queries.py

Runs on a throwaway SQLite database in a temporary folder. Prints figures only.
"""

import os
import tempfile
from pathlib import Path

from resguardo.core.actors import Actor

PAGES = [("dashboard", "/"), ("sites", "/sites/"), ("members", "/members/"), ("audit", "/audit/")]
STEPS = [3, 30, 300]


def setup(data_dir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        EMAIL_BACKEND="memory",
    )
    os.environ.pop("DATABASE_URL", None)
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def grow(context, start: int, count: int) -> None:
    from resguardo.accounts.services import user_create
    from resguardo.core import services
    from resguardo.core.choices import Role, SiteKind
    from resguardo.core.models import Aduana

    admin = context.memberships["admin"]
    aduana = Aduana.objects.get(code="24")
    for n in range(start, start + count):
        site = services.site_create(
            actor=Actor.for_member(admin),
            name=f"Bench {n:04d}",
            kind=SiteKind.OFFICE,
            aduana=aduana,
        )
        user = user_create(actor=None, email=f"bench{n:04d}@example.mx", password=None)
        services.membership_add(
            actor=Actor.for_member(admin), user=user, role=Role.STAFF, sites=[site]
        )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from resguardo.core.demo import seed_demo

        context = seed_demo()
        client = Client()
        client.force_login(context.users["admin"])
        print(f"{'rows added':>10} " + " ".join(f"{label:>10}" for label, _ in PAGES))
        added = 0
        for step in STEPS:
            grow(context, added, step - added)
            added = step
            counts = []
            for _label, url in PAGES:
                client.get(url)
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                counts.append(len(queries))
            print(f"{added:>10} " + " ".join(f"{c:>10}" for c in counts))


if __name__ == "__main__":
    main()
