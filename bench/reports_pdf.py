"""The PDF self-assessment report of a full NEEC assessment (target: under 10 s).

    uv run python bench/reports_pdf.py

Throwaway SQLite database and file storage in a temporary folder; prints figures only.
"Full": every NEEC requirement with the yard criteria, answered with a few paragraphs, owned,
reviewed, each with three evidence items (two files and a link), then signed off and frozen.
Times the whole download (query, template, WeasyPrint) through the report function, in both
languages; wall-clock and CPU time are shown because a busy machine inflates the first.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resguardo.core.actors import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
RUNS = 3
ANSWER = (
    "El Comité de Seguridad revisa este punto cada trimestre. El procedimiento escrito "
    "describe responsables, frecuencia, registros y la forma de atender las desviaciones; "
    "los registros se conservan cinco años en el sistema documental.\n\n"
    "Durante el último año se aplicó en todas las instalaciones, con capacitación al personal "
    "operativo y seguimiento en la bitácora. Las evidencias listadas abajo muestran la versión "
    "vigente del procedimiento y los registros de su aplicación."
)


def setup(data_dir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        EMAIL_BACKEND="memory",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def full_assessment():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resguardo.compliance import services
    from resguardo.compliance.choices import EvidenceKind
    from resguardo.compliance.tests.factories import neec_library, start_assessment
    from resguardo.testing.personas import build_world

    neec_library()
    world = build_world()
    carla = world.membership(world.carla)
    assessment = start_assessment(world, flags=["yard"], name="Autoevaluación NEEC 2026")
    for index, result in enumerate(assessment.results.select_related("node").order_by("order")):
        ref = result.node.ref_id
        services.result_assign(
            actor=Actor.for_member(carla),
            target=result,
            owner=world.sam if index % 2 else world.carla,
        )
        services.result_update(
            actor=Actor.for_member(carla),
            target=result,
            result="compliant" if index % 5 else "partial",
            score=90,
            answer=f"{ref}. {ANSWER}",
            comments="Revisado en comité.",
        )
        for n in range(2):
            body = b"%PDF-1.4\n" + f"{ref} evidencia {n}".encode() + b"\n%%EOF\n"
            services.evidence_create(
                actor=Actor.for_member(carla),
                title=f"Procedimiento {ref} ({n + 1})",
                kind=EvidenceKind.FILE,
                result=result,
                file=SimpleUploadedFile(f"procedimiento-{ref}-{n}.pdf", body),
            )
        services.evidence_create(
            actor=Actor.for_member(carla),
            title=f"Intranet {ref}",
            kind=EvidenceKind.LINK,
            result=result,
            url=f"https://intranet.example.mx/{ref}",
        )
        result.refresh_from_db()
        services.result_review(actor=Actor.for_member(carla), target=result)
    assessment.refresh_from_db()
    frozen = services.assessment_freeze(
        actor=Actor.for_member(carla), assessment=assessment, statement="Aprobado."
    )
    return world, frozen


def page_count(pdf: bytes) -> str:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
        for line in info.decode().splitlines():
            if line.startswith("Pages:"):
                return line.split()[-1]
    # WeasyPrint writes page objects uncompressed: count them
    return str(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        started = time.perf_counter()
        world, assessment = full_assessment()
        print(
            f"setup: {assessment.results.count()} requirements, "
            f"{time.perf_counter() - started:.1f} s"
        )
        from resguardo.reports.pdf import render_assessment_pdf

        membership = world.membership(world.audrey)
        render_assessment_pdf(membership=membership, assessment=assessment, language="es")
        for language in ("es", "en"):
            walls, cpus = [], []
            for _ in range(RUNS):
                wall, cpu = time.perf_counter(), time.process_time()
                pdf = render_assessment_pdf(
                    membership=membership, assessment=assessment, language=language
                )
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            pages = page_count(pdf)
            print(
                f"PDF ({language}): median {statistics.median(walls):.2f} s wall, "
                f"{statistics.median(cpus):.2f} s CPU, {len(pdf) // 1024} KiB, pages: {pages} "
                f"(target < 10 s)"
            )


if __name__ == "__main__":
    main()
