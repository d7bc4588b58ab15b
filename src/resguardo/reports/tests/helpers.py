"""Test helpers: what a PDF says, and a demo-like assessment to report on."""

import re
import shutil
import subprocess
import zlib

from resguardo.compliance import services
from resguardo.compliance.choices import Classification, EvidenceKind, Result
from resguardo.compliance.tests.factories import pdf_upload, start_assessment, text_upload


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF: pdftotext (poppler) when installed; otherwise the document title and
    outline strings WeasyPrint writes (every standard and requirement heading is there)."""
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        return done.stdout.decode("utf-8")
    texts = []
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for chunk in chunks:
        for match in re.finditer(rb"<feff([0-9a-fA-F]+)>", chunk):
            texts.append(bytes.fromhex(match.group(1).decode()).decode("utf-16-be", "replace"))
        for match in re.finditer(rb"/Title \(((?:\\.|[^\\)])*)\)", chunk):
            texts.append(match.group(1).decode("latin-1"))
    return "\n".join(texts)


def demo_assessment(world, *, name="Autoevaluación NEEC 2026"):
    """A NEEC assessment of Norte with the yard criteria: every requirement answered (mixed
    results, one not applicable), owners, a review, and evidence of every kind: an internal
    PDF, a confidential file, a CSV, a link, and a file identical to another one."""
    carla = world.membership(world.carla)
    assessment = start_assessment(world, flags=["yard"], name=name)
    results = list(assessment.results.select_related("node").order_by("order"))
    cycle = [Result.COMPLIANT, Result.COMPLIANT, Result.PARTIAL, Result.NON_COMPLIANT]
    for index, item in enumerate(results):
        value = cycle[index % len(cycle)]
        extra = {}
        if index == 5:
            value, extra = Result.NOT_APPLICABLE, {"justification": "La agencia no opera patio."}
        services.result_update(
            actor=world.carla,
            membership=carla,
            target=item,
            result=value,
            score=70 + index % 30,
            answer=f"Respuesta escrita para {item.node.ref_id}.\nSegundo párrafo.",
            **extra,
        )
    first, second, third = (r.refresh_from_db() or r for r in results[:3])
    services.result_assign(actor=world.carla, membership=carla, target=first, owner=world.sam)
    first.refresh_from_db()
    services.result_review(actor=world.carla, membership=carla, target=first)
    evidence = {
        "matrix": services.evidence_create(
            actor=world.carla,
            membership=carla,
            title="Matriz de riesgos 2026",
            kind=EvidenceKind.FILE,
            file=pdf_upload("matriz-riesgos.pdf", b"matriz"),
            result=first,
        ),
        "secret": services.evidence_create(
            actor=world.carla,
            membership=carla,
            title="Plano de cámaras (confidencial)",
            kind=EvidenceKind.FILE,
            file=pdf_upload("plano-camaras.pdf", b"camaras"),
            classification=Classification.CONFIDENTIAL,
            result=first,
        ),
        "log": services.evidence_create(
            actor=world.carla,
            membership=carla,
            title="Bitácora de sellos",
            kind=EvidenceKind.FILE,
            file=text_upload("bitacora.csv"),
            result=second,
        ),
        "link": services.evidence_create(
            actor=world.carla,
            membership=carla,
            title="Política en intranet",
            kind=EvidenceKind.LINK,
            url="https://intranet.example.mx/politica",
            result=second,
        ),
        "copy": services.evidence_create(
            actor=world.carla,
            membership=carla,
            title="Matriz de riesgos (copia firmada)",
            kind=EvidenceKind.FILE,
            file=pdf_upload("matriz-copia.pdf", b"matriz"),
            result=third,
        ),
    }
    services.evidence_link(
        actor=world.carla, membership=carla, evidence=evidence["matrix"], result=third
    )
    assessment.refresh_from_db()
    return assessment, evidence


def freeze(world, assessment, statement="Revisado por el Comité de Seguridad."):
    assessment.refresh_from_db()
    return services.assessment_freeze(
        actor=world.carla,
        membership=world.membership(world.carla),
        assessment=assessment,
        statement=statement,
    )
