"""Factories and builders for compliance tests (and the tenancy walk)."""

import datetime
from pathlib import Path

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.standards.models import Library
from resguardo.standards.services import LIBRARIES_DIR, libraries_load
from resguardo.testing.factories import OrganizationFactory

from .. import services
from ..choices import ActionKind, AuditStatus, Classification, EvidenceKind, Severity
from ..models import ActionItem, AuditFinding, Evidence, InternalAudit

NEEC_FILES = ("neec-aa-2023.yaml",)
RECOGNITION_FILES = (
    "neec-aa-2023-r2.yaml",
    "ctpat-msc-2019-r2.yaml",
    "wco-safe-2021-r2.yaml",
    "map-neec-aa-2023-r2-ctpat-msc-2019-r2.yaml",
    "map-neec-aa-2023-r2-wco-safe-2021-r2.yaml",
)
NEEC_URN = "urn:resguardo:neec-aa:2023"
RECOGNITION_NEEC_URN = "urn:resguardo:neec-aa:2023-r2"


def load_libraries(files=NEEC_FILES) -> None:
    libraries_load(paths=[Path(LIBRARIES_DIR) / name for name in files])


def neec_library() -> Library:
    if not Library.objects.filter(urn=NEEC_URN).exists():
        load_libraries()
    return Library.objects.get(urn=NEEC_URN)


def pdf_upload(name="procedimiento.pdf", body=b"procedure text") -> SimpleUploadedFile:
    content = b"%PDF-1.4\n" + body + b"\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def text_upload(name="bitacora.csv", text="fecha,sello\n2026-01-02,MX123\n"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def start_assessment(
    world, *, actor=None, flags=(), site=None, name="Autoevaluación NEEC", library=None
):
    actor = actor or world.carla
    return services.assessment_create(
        actor=world.actor(actor),
        library=library or neec_library(),
        name=name,
        flags=flags,
        site=site,
    )


def answer_all(world, assessment, result="compliant"):
    """Answer every requirement of the assessment through the service (as carla)."""
    membership = world.membership(world.carla)
    for item in assessment.results.select_related("node").all():
        services.result_update(
            actor=Actor.for_member(membership),
            target=item,
            result=result,
            answer=f"Respuesta para {item.node.ref_id}",
        )


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Evidencia {n}")
    kind = EvidenceKind.LINK
    url = factory.Sequence(lambda n: f"https://intranet.example.mx/docs/{n}")
    classification = Classification.INTERNAL


class InternalAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternalAudit

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Auditoría interna {n}")
    planned_date = factory.LazyFunction(timezone.localdate)
    status = AuditStatus.PLANNED


class AuditFindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditFinding

    audit = factory.SubFactory(InternalAuditFactory)
    organization = factory.LazyAttribute(lambda o: o.audit.organization)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Hallazgo {n}")
    severity = Severity.MINOR


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Acción {n}")
    kind = ActionKind.CORRECTIVE
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
