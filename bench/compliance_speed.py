"""Self-assessment speed on a generated 1,209-requirement library.

    uv run python bench/compliance_speed.py

Throwaway SQLite database in a temporary folder; prints figures only. Targets (issue 4):
- creating the assessment (one result per requirement, bulk-created) under 150 ms;
- all requirement results of the assessment, page and API, under 150 ms with at most 10 queries;
- the assessment tree under 100 ms.
Server time is measured through Django's test client (full request: middleware, session,
template), median of several runs after one warm-up.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from resguardo.core.actors import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
RUNS = 15


def setup(data_dir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver,localhost",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generated_library(folder: Path, assessable: int = 1209):
    """A framework with exactly `assessable` requirements (plus their groups), loaded."""
    from resguardo.standards.services import libraries_load
    from resguardo.standards.tests.helpers import dump, generated_framework

    size = assessable + assessable // 10
    while True:
        data = generated_framework("bench", "1", size)
        leaves = sum(1 for node in data["nodes"] if "parent" in node)
        if leaves == assessable:
            break
        size += assessable - leaves
    folder.mkdir()
    dump(folder / "bench-1.yaml", data)
    libraries_load(directory=folder)
    from resguardo.standards.models import Library

    return Library.objects.get(urn="urn:resguardo:bench:1")


def people():
    from resguardo.accounts.services import user_create
    from resguardo.core.choices import OrganizationKind
    from resguardo.core.services import organization_create
    from resguardo.testing.factories import valid_rfc

    user = user_create(actor=None, email="oea@bench.mx", password="bench-password-123",
                       first_name="Jorge", last_name="Ibarra")  # fmt: skip
    org = organization_create(actor=user, legal_name="Agencia Bench, S.C.", rfc=valid_rfc(),
                              kind=OrganizationKind.CUSTOMS_AGENCY)  # fmt: skip
    return user, org.memberships.get(user=user)


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def count_queries(captured) -> int:
    """SQL statements run, not counting transaction control (BEGIN, COMMIT, savepoints)."""
    return sum(1 for q in captured.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL))


def measure(label, fn, *, target_ms=None, max_queries=None, runs=RUNS):
    """Median wall time and median CPU time of the process (SQLite runs in-process, so CPU
    time includes the database; it is the steadier figure on a shared, loaded machine)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm-up
    wall, cpu, queries = [], [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries = count_queries(captured)
    median, median_cpu = statistics.median(wall), statistics.median(cpu)
    verdict = []
    if target_ms is not None:
        verdict.append("OK" if median < target_ms else f"OVER {target_ms} ms")
    if max_queries is not None:
        verdict.append("OK" if queries <= max_queries else f"OVER {max_queries} queries")
    print(
        f"{label:<46} {median:7.1f} ms wall {median_cpu:7.1f} ms cpu "
        f"{queries:3d} queries  {' '.join(verdict)}"
    )
    return median, queries


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        from django.test import Client
        from django.urls import reverse

        from resguardo.accounts.services import api_token_create
        from resguardo.compliance import services
        from resguardo.compliance.choices import Result
        from resguardo.compliance.models import RequirementResult

        library = generated_library(Path(tmp) / "generated")
        user, membership = people()
        created = []

        def create():
            created.append(services.assessment_create(
                actor=Actor.for_member(membership), library=library, name=f"Bench {len(created)}"
            ))  # fmt: skip

        measure("create an assessment (1,209 results, bulk)", create, target_ms=150, runs=5)
        assessment = created[-1]
        print(f"  {assessment.results.count()} results per assessment")
        # Answer two thirds, as a real assessment in progress would be.
        cycle = [Result.COMPLIANT, Result.PARTIAL, Result.NON_COMPLIANT]
        rows = list(RequirementResult.objects.filter(assessment=assessment).order_by("order"))
        for i, row in enumerate(rows):
            if i % 3:
                row.result = cycle[i % 3]
                row.answer = f"Respuesta generada número {i} con varias palabras de texto."
        RequirementResult.objects.bulk_update(rows, ["result", "answer"], batch_size=500)

        client = Client()
        client.force_login(user)
        page = reverse("compliance:result_list", args=[assessment.pk])
        measure("results page (all 1,209 rows)", lambda: client.get(page), target_ms=150,
                max_queries=10)  # fmt: skip
        _token, key = api_token_create(user=user, name="bench")
        api = Client(HTTP_AUTHORIZATION=f"Token {key}")
        url = f"/api/v1/assessments/{assessment.pk}/results/"
        assert len(api.get(url).json()) == 1209
        measure("API: all results of the assessment", lambda: api.get(url), target_ms=150,
                max_queries=10)  # fmt: skip
        tree_url = f"/api/v1/assessments/{assessment.pk}/tree/"
        measure("API: assessment tree", lambda: api.get(tree_url), target_ms=100)
        detail = reverse("compliance:assessment_detail", args=[assessment.pk])
        measure("tree page (assessment detail)", lambda: client.get(detail), target_ms=100)


if __name__ == "__main__":
    main()
