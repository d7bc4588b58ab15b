"""Catalog pages: time and SQL queries, for the shipped catalog and a generated large one.

    uv run python bench/catalog_browser.py

Runs on a throwaway SQLite database in a temporary folder. Prints figures only. The number of
queries must not grow with the size of the tree (also asserted in the test suite).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

RUNS = 5


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


def signed_in_client():
    from django.test import Client

    from resguardo.core.choices import Role
    from resguardo.testing.factories import MembershipFactory

    membership = MembershipFactory(role=Role.STAFF)
    client = Client()
    client.force_login(membership.user)
    return client


def measure(client, label: str, url: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    size = len(response.content) // 1024
    print(
        f"{label:<52} {statistics.median(timings) * 1000:7.1f} ms  "
        f"{len(queries):3d} queries  {size:5d} KiB"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        from resguardo.standards.services import libraries_load
        from resguardo.standards.tests.helpers import (
            dump,
            generated_framework,
            generated_mapping_set,
        )

        libraries_load()
        client = signed_in_client()
        client.cookies["resguardo_language"] = "en"
        neec = "urn:resguardo:neec-aa:2023"
        measure(client, "catalog home", "/standards/")
        measure(client, "full NEEC tree with mappings", f"/standards/browse/?library={neec}")
        measure(client, "full NEEC tree, expanded", f"/standards/browse/?library={neec}&expand=1")
        measure(client, "every active framework's tree", "/standards/browse/")
        measure(client, "search 'riesgo' in every framework", "/standards/browse/?q=riesgo")
        measure(client, "requirement page (NEEC 1.1)", f"/standards/requirements/{neec}:1.1/")
        measure(client, "crosswalk heat grids (3 mapping sets)", "/standards/crosswalk/")

        generated = Path(tmp) / "generated"
        generated.mkdir()
        big = generated_framework("bench", "1", 1209)
        other = generated_framework("bench-other", "1", 400)
        dump(generated / "bench-1.yaml", big)
        dump(generated / "bench-other-1.yaml", other)
        dump(generated / "map.yaml", generated_mapping_set(big, other, 1500))
        libraries_load(directory=generated)
        measure(
            client,
            "generated tree: 1,209 nodes, 1,500 mappings",
            f"/standards/browse/?library={big['urn']}",
        )


if __name__ == "__main__":
    main()
