"""Test helpers: what a PDF says, and a demo-like assessment to report on."""

import io

from pypdf import PdfReader

from resguardo.compliance import services
from resguardo.compliance.choices import Classification, EvidenceKind, Result
from resguardo.compliance.tests.factories import pdf_upload, start_assessment, text_upload
from resguardo.core.actors import Actor


def pdf_text(pdf: bytes) -> str:
    """The text a reader sees on every page of a PDF (pypdf, pure Python: no system tool)."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
            actor=Actor.for_member(carla),
            target=item,
            result=value,
            score=70 + index % 30,
            answer=f"Respuesta escrita para {item.node.ref_id}.\nSegundo párrafo.",
            **extra,
        )
    first, second, third = (r.refresh_from_db() or r for r in results[:3])
    services.result_assign(actor=Actor.for_member(carla), target=first, owner=world.sam)
    first.refresh_from_db()
    services.result_review(  # a second person signs off carla's answer (four eyes)
        actor=world.actor(world.alice), target=first
    )
    evidence = {
        "matrix": services.evidence_create(
            actor=Actor.for_member(carla),
            title="Matriz de riesgos 2026",
            kind=EvidenceKind.FILE,
            file=pdf_upload("matriz-riesgos.pdf", b"matriz"),
            result=first,
        ),
        "secret": services.evidence_create(
            actor=Actor.for_member(carla),
            title="Plano de cámaras (confidencial)",
            kind=EvidenceKind.FILE,
            file=pdf_upload("plano-camaras.pdf", b"camaras"),
            classification=Classification.CONFIDENTIAL,
            result=first,
        ),
        "log": services.evidence_create(
            actor=Actor.for_member(carla),
            title="Bitácora de sellos",
            kind=EvidenceKind.FILE,
            file=text_upload("bitacora.csv"),
            result=second,
        ),
        "link": services.evidence_create(
            actor=Actor.for_member(carla),
            title="Política en intranet",
            kind=EvidenceKind.LINK,
            url="https://intranet.example.mx/politica",
            result=second,
        ),
        "copy": services.evidence_create(
            actor=Actor.for_member(carla),
            title="Matriz de riesgos (copia firmada)",
            kind=EvidenceKind.FILE,
            file=pdf_upload("matriz-copia.pdf", b"matriz"),
            result=third,
        ),
    }
    services.evidence_link(actor=Actor.for_member(carla), evidence=evidence["matrix"], result=third)
    assessment.refresh_from_db()
    return assessment, evidence


def freeze(world, assessment, statement="Revisado por el Comité de Seguridad."):
    assessment.refresh_from_db()
    return services.assessment_freeze(
        actor=world.actor(world.carla),
        assessment=assessment,
        statement=statement,
    )
