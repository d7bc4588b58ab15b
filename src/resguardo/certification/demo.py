"""Demo data: a granted certification close to its renewal window, prerequisites, the annual
fee, avisos (one proposed for an incident, as the incidents module will), a requirement and
an inspection visit whose finding became an action."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.validators import rfc_check_digit

from . import services
from .choices import (
    AvisoKind,
    AvisoTrigger,
    CertificationStatus,
    ListingTrigger,
    Modality,
    PrerequisiteKind,
    RepresentativeRole,
    RequirementKind,
)


def _day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def _rfc(body: str) -> str:
    return body + rfc_check_digit(body + "0")


def _pdf(title: str) -> SimpleUploadedFile:
    """A one-page PDF naming the document (the demo has no scans)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 720 Td (" + text + b") Tj ET"
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    data += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        start,
    )
    name = title.lower().replace(" ", "-") + ".pdf"
    return SimpleUploadedFile(name, bytes(data), content_type="application/pdf")


def seed_certification(context) -> None:
    membership = context.memberships.get("oea") or context.memberships["admin"]
    actor = Actor.for_member(membership)
    organization = context.organization
    granted_on = _day(-705)
    certification = services.certification_create(
        actor=actor,
        modality=Modality.CUSTOMS_AGENT,
        resolution_number="400-02-01-2025-0187",
        granted_on=granted_on,
        expires_on=_day(25),
        status=CertificationStatus.GRANTED,
        notes="Registro en el Esquema de Certificación de Empresas, rubro agente aduanal.",
    )
    services.certification_document_add(
        actor=actor,
        certification=certification,
        upload=_pdf("Resolucion 400-02-01-2025-0187"),
        kind="resolution",
        title="Resolución de otorgamiento",
    )
    for name, body, role in [
        ("Patricia Lozano Garza", "LOGP780512AB", RepresentativeRole.LEGAL_REPRESENTATIVE),
        ("Raúl Cantú Elizondo", "CAER820907K3", RepresentativeRole.MANDATARIO),
        ("Sofía Garza Treviño", "GATS900214Q7", RepresentativeRole.MANDATARIO),
    ]:
        services.representative_add(
            actor=actor, full_name=name, rfc=_rfc(body), role=role, appointed_on=_day(-800)
        )
    for kind, positive, issued, valid, reference in [
        (PrerequisiteKind.PATENTE, True, None, None, "Patentes 3921 y 3945 activas"),
        (PrerequisiteKind.OPINION_32D, True, _day(-12), _day(78), "Opinión positiva 26NA1234567"),
        (PrerequisiteKind.EFIRMA, True, None, _day(410), "Certificado 00001000000512345678"),
        (PrerequisiteKind.SELLOS, True, None, _day(18), "CSD 00001000000498765432"),
        (PrerequisiteKind.BUZON, True, None, None, "Medios de contacto confirmados"),
    ]:
        services.prerequisite_record(
            actor=actor,
            kind=kind,
            is_positive=positive,
            issued_on=issued,
            valid_until=valid,
            reference=reference,
        )
    services.listing_check(organization=organization, trigger=ListingTrigger.MANUAL, actor=actor)
    _fees(actor, certification, granted_on)
    _avisos(actor, context)
    _requirements(actor, context)


def _fees(actor, certification, granted_on):
    today = timezone.localdate()
    for year in range(granted_on.year + 1, today.year + 1):
        due_on = services.anniversary(granted_on, year)
        fee = services.fee_record(
            actor=actor,
            certification=certification,
            year=year,
            amount=Decimal("38797.00") if year == granted_on.year + 1 else None,
        )
        if year == granted_on.year + 1 and due_on <= today:
            services.fee_pay(
                actor=actor,
                fee=fee,
                paid_on=due_on - datetime.timedelta(days=3),
                upload=_pdf(f"Recibo derechos {year}"),
                payment_reference=f"e5cinco {year}-0042",
            )


def _avisos(actor, context):
    organization = context.organization
    profile = services.aviso_create(
        actor=actor,
        kind=AvisoKind.PROFILE_UPDATE,
        description="Actualización anual del perfil E4 sin cambios relevantes.",
        due_on=_day(-330),
    )
    services.aviso_file(actor=actor, aviso=profile, filed_on=_day(-335), folio="33303-2025-0911")
    services.aviso_acknowledge(
        actor=actor, aviso=profile, acknowledged_on=_day(-334), upload=_pdf("Acuse 33303-2025-0911")
    )
    services.aviso_propose(
        organization=organization,
        kind=AvisoKind.INCIDENT,
        trigger=AvisoTrigger.INCIDENT,
        source_key="demo.incident:1",
        description="Sello con número distinto al documentado en la unidad del patio.",
        occurred_on=_day(-2),
        site=context.sites.get("patio"),
    )


def _requirements(actor, context):
    people = context.users
    services.requirement_create(
        actor=actor,
        reference="AGACE-ACAJACE-2026-118",
        authority="AGACE",
        received_on=_day(-6),
        deadline=_day(9),
        owner=people.get("oea"),
        description="Aclarar el número de mandatarios autorizados y sus gafetes vigentes.",
    )
    visit = services.requirement_create(
        actor=actor,
        kind=RequirementKind.VISIT,
        reference="Visita de supervisión 2026-07",
        authority="AGACE",
        site=context.sites.get("patio"),
        received_on=_day(-40),
        description="Visita de supervisión de cumplimiento al patio.",
    )
    services.visit_finding_add(
        actor=actor,
        requirement=visit,
        description="La bitácora de llaves del patio no registra devoluciones.",
        owner=people.get("gerente"),
        due_date=_day(20),
    )
