"""The certification-readiness dashboard on a generated organization.

    uv run python bench/compliance_dashboard.py

10 sites, 3 frameworks (the shipped NEEC/OEA, C-TPAT and WCO SAFE libraries with their
crosswalks), 20 assessments, 5,000 evidence items, 300 action items and 90 days of readiness
history per assessment. Throwaway SQLite database; prints figures only.
Target (issue 4): under 300 ms median server time, with a number of queries that does not
grow with the data (compared with the same page on a nearly empty organization).
"""

import datetime
import os
import random
import sys
from pathlib import Path

from resguardo.core.actors import Actor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compliance_speed import measure, people, setup  # noqa: E402

SITES, ASSESSMENTS, EVIDENCE, ACTIONS, HISTORY_DAYS = 10, 20, 5000, 300, 90


def build(user, membership):
    from django.utils import timezone

    from resguardo.compliance import services
    from resguardo.compliance.choices import ActionStatus, Classification, EvidenceKind, Result
    from resguardo.compliance.models import (
        ActionItem,
        Evidence,
        ReadinessSnapshot,
        RequirementResult,
        ResultEvidence,
    )
    from resguardo.core.choices import SiteKind
    from resguardo.core.models import Aduana
    from resguardo.core.services import site_create
    from resguardo.standards.models import Library

    rng = random.Random(4)
    today = timezone.localdate()
    sites = [
        site_create(actor=Actor.for_member(membership), name=f"Instalación {i}",
                    kind=SiteKind.YARD if i % 3 == 0 else SiteKind.OFFICE,
                    aduana=Aduana.objects.order_by("?").first())
        for i in range(SITES)
    ]  # fmt: skip
    libraries = [Library.objects.get(framework__key=k, is_active=True)
                 for k in ("neec-aa", "ctpat-msc", "wco-safe")]  # fmt: skip
    assessments = []
    for i in range(ASSESSMENTS):
        library = libraries[i % 3]
        assessments.append(services.assessment_create(
            actor=Actor.for_member(membership), library=library, name=f"Evaluación {i}",
            site=None if i < 3 else sites[i % SITES],
            flags=["yard"] if library.framework.key == "neec-aa" and i % 2 else [],
        ))  # fmt: skip
    choices = [Result.COMPLIANT, Result.COMPLIANT, Result.PARTIAL, Result.NON_COMPLIANT,
               Result.NOT_ASSESSED]  # fmt: skip
    results = list(RequirementResult.objects.all())
    for row in results:
        row.result = rng.choice(choices)
        row.answer = "Respuesta generada para el tablero."
    RequirementResult.objects.bulk_update(results, ["result", "answer"], batch_size=500)
    org = membership.organization
    evidence = [
        Evidence(organization=org, title=f"Evidencia {i}", kind=EvidenceKind.LINK,
                 url=f"https://intranet.example.mx/{i}",
                 classification=rng.choice(list(Classification.values)),
                 valid_until=today + datetime.timedelta(days=rng.randint(-60, 720)),
                 site=rng.choice([None, *sites]))
        for i in range(EVIDENCE)
    ]  # fmt: skip
    Evidence.objects.bulk_create(evidence, batch_size=500)
    evidence_ids = list(Evidence.objects.values_list("id", flat=True))
    links = {(r.pk, rng.choice(evidence_ids)) for r in results for _ in range(2)}
    ResultEvidence.objects.bulk_create(
        [ResultEvidence(organization=org, result_id=r, evidence_id=e) for r, e in links],
        batch_size=500,
    )
    ActionItem.objects.bulk_create(
        [ActionItem(organization=org, title=f"Acción {i}",
                    status=rng.choice(list(ActionStatus.values)),
                    due_date=today + datetime.timedelta(days=rng.randint(-90, 90)),
                    site=rng.choice([None, *sites]))
         for i in range(ACTIONS)],
        batch_size=500,
    )  # fmt: skip
    ReadinessSnapshot.objects.bulk_create(
        [ReadinessSnapshot(organization=org, assessment=a,
                           day=today - datetime.timedelta(days=d),
                           readiness=rng.uniform(30, 90), progress=rng.uniform(40, 100))
         for a in assessments for d in range(1, HISTORY_DAYS + 1)],
        batch_size=500,
    )  # fmt: skip
    print(
        f"  {len(sites)} sites, {len(assessments)} assessments, {len(results)} results, "
        f"{len(evidence_ids)} evidence items, {len(links)} evidence links, {ACTIONS} actions"
    )


def main() -> None:
    import tempfile

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        from django.test import Client
        from django.urls import reverse

        from resguardo.compliance import services
        from resguardo.standards.models import Library
        from resguardo.standards.services import libraries_load

        libraries_load()
        user, membership = people()
        client = Client()
        client.force_login(user)
        url = reverse("compliance:dashboard")
        recognition = reverse("compliance:recognition")
        services.assessment_create(
            actor=Actor.for_member(membership),
            name="Primera",
            library=Library.objects.get(framework__key="neec-aa", is_active=True),
        )
        _ms, small = measure("dashboard, nearly empty organization", lambda: client.get(url))
        build(user, membership)
        _ms, large = measure("dashboard, generated organization", lambda: client.get(url),
                             target_ms=300, runs=21)  # fmt: skip
        print(
            f"  queries: {small} nearly empty, {large} generated -> "
            f"{'constant' if small == large else 'NOT constant'}"
        )
        measure("mutual-recognition page", lambda: client.get(recognition), runs=9)
        measure("home dashboard (with the compliance panel)",
                lambda: client.get(reverse("core:dashboard")), runs=9)  # fmt: skip


if __name__ == "__main__":
    main()
