"""Demo incidents: a member's report under investigation, an anonymous report, a closed case
with its action and lessons, and one whose OEA aviso is overdue; a QR link for the yard."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor

from . import services
from .choices import ChecklistItem, NoticeRecipient, PersonRole
from .models import Category, Incident, Notice, TimelineEntry


def _backdate(incident, days: int) -> None:
    """Demo history: move a new incident and its clock back in time."""
    delta = datetime.timedelta(days=days)
    reported = incident.reported_at - delta
    Incident.objects.filter(pk=incident.pk).update(
        reported_at=reported, occurred_at=reported - datetime.timedelta(hours=2)
    )
    for notice in Notice.objects.filter(incident=incident):
        Notice.objects.filter(pk=notice.pk).update(due_at=notice.due_at - delta)
    for entry in TimelineEntry.objects.filter(incident=incident):
        TimelineEntry.objects.filter(pk=entry.pk).update(at=entry.at - delta)
    incident.refresh_from_db()


def _category(org, key):
    return Category.objects.get(organization=org, key=key)


def seed_incidents(context) -> None:
    org = context.organization
    officer = Actor.for_member(context.memberships["oea"])
    operator = Actor.for_member(context.memberships["operador"])
    yard, office = context.sites["patio"], context.sites["matriz"]
    services.categories_ensure(organization=org)
    link = services.reporting_link_create(actor=officer, site=yard)

    # A member's report under investigation, with its aviso filed on time.
    seal = services.incident_report(
        actor=operator,
        site=yard,
        category=_category(org, "seal_tampering"),
        description=(
            "Sello de la caja 53' con marcas de pinza en el perno al llegar al patio.\n"
            "El operador dice que paró a cargar combustible en Sabinas Hidalgo."
        ),
        location="Andén 3, patio fiscal",
        people_text="Operador: Ramón Garza (Transportes del Bravo), placas 45-AB-7C",
        references="Sello HS-0048213\nContenedor MSKU 907032-3",
    )
    _backdate(seal, 3)
    services.checklist_mark(
        actor=officer,
        incident=seal,
        item=ChecklistItem.CCTV,
        done=True,
        note="Cámara 4, 14:05-14:40",
    )
    seal.refresh_from_db()
    services.checklist_mark(
        actor=officer,
        incident=seal,
        item=ChecklistItem.GPS_REPORT,
        done=True,
        note="Reporte GPS del transportista, parada de 38 min",
    )
    services.person_add(
        actor=officer, incident=seal, name="Ramón Garza", role=PersonRole.DRIVER,
        company="Transportes del Bravo",
    )  # fmt: skip
    services.note_add(
        actor=officer, incident=seal, text="Se retuvo la unidad y se avisó al cliente."
    )
    services.evidence_add(
        actor=officer,
        incident=seal,
        file=SimpleUploadedFile(
            "bitacora-acceso.txt", b"14:02 entrada unidad 45-AB-7C\n14:41 salida\n"
        ),
        description="Bitácora de acceso de la caseta",
    )
    aviso = seal.notices.get(recipient=NoticeRecipient.OEA_AVISO)
    services.notice_file(
        actor=officer,
        notice=aviso,
        filed_at=timezone.now() - datetime.timedelta(days=1),
        folio="AV-7.2.1-2026-00418",
        acuse="Acuse VUCEM 3303-118842",
    )
    services.notice_add(
        actor=officer,
        incident=seal,
        recipient=NoticeRecipient.US_PARTNER,
        recipient_detail="Importador en Laredo, TX (antes del cruce)",
        due_at=timezone.now() + datetime.timedelta(hours=12),
    )

    # An anonymous report through the yard's poster.
    services.anonymous_report(
        link=link,
        description=(
            "Vi a una persona sin gafete tomando fotos de los sellos en el almacén de sellos."
        ),
        location="Almacén de sellos",
    )

    # A closed case with a corrective action and lessons learned.
    theft = services.incident_report(
        actor=operator,
        site=office,
        category=_category(org, "theft_hijacking"),
        description=(
            "Desvío de ruta de la unidad 12 entre Monterrey y Nuevo Laredo; pérdida de GPS 25 min."
        ),
        references="Pedimento 24 3921 4001234",
    )
    _backdate(theft, 40)
    theft_aviso = theft.notices.get(recipient=NoticeRecipient.OEA_AVISO)
    services.notice_file(
        actor=officer,
        notice=theft_aviso,
        filed_at=theft.reported_at + datetime.timedelta(days=2),
        folio="AV-7.2.1-2026-00377",
        acuse="Acuse VUCEM 3303-101554",
    )
    theft.refresh_from_db()
    services.action_add(
        actor=officer,
        incident=theft,
        title="Exigir al transportista geocercas y alerta de pérdida de señal GPS",
        due_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    theft.refresh_from_db()
    services.incident_close(
        actor=officer,
        incident=theft,
        root_cause=(
            "El transportista no tenía alerta por pérdida de señal GPS ni geocercas de ruta."
        ),
        lessons_learned=(
            "Revisar las capacidades de monitoreo GPS en la selección de transportistas."
        ),
    )

    # An unauthorized access whose aviso is overdue.
    access = services.incident_report(
        actor=operator,
        site=yard,
        category=_category(org, "unauthorized_access"),
        description=(
            "Un vehículo particular entró al patio detrás de un tractocamión sin registrarse."
        ),
        location="Caseta principal",
    )
    _backdate(access, 7)
    services.notices_escalate()
