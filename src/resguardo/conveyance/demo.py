"""Demo seal custody and inspections for the demo shipments (shipments.demo):

- a lot of class H seals at the Nuevo Laredo yard and one at Manzanillo;
- the Nuevo Laredo export trailer: the E4 form's inspection (tractor and trailer plates)
  passed and signed off by the yard manager, seal applied with a photo and verified (VVTT)
  at the yard exit and at the border;
- a seal of the yard's safe reported lost (blocked from use, counted by the monthly audit);
- the Nuevo Laredo import container: 7-point inspection with a failed point, held for a
  supervisor (no seal applied);
- the Manzanillo import: 8-point reefer inspection awaiting review, two seals applied, one
  found tampered at the customs office (a discrepancy, with a notice owed to the foreign
  authority), the other replaced by customs' own seal after a reconocimiento aduanero.
"""

import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor

from . import services
from .choices import ChecklistKey, SealClass, SupervisorDecision, VoidReason

logger = logging.getLogger(__name__)


def demo_photo(text: str) -> SimpleUploadedFile:
    """A small drawn picture standing in for a seal photo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 180), (38, 70, 83))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 60, 280, 120), fill=(230, 57, 70), outline=(255, 255, 255), width=3)
    draw.text((70, 82), text, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"{text}.jpg", buffer.getvalue(), content_type="image/jpeg")


def _lot(actor, site, prefix, maker, place):
    return services.seal_lot_receive(
        actor=actor,
        site=site,
        manufacturer=maker,
        iso_class=SealClass.HIGH_SECURITY,
        prefix=prefix,
        first_number=1,
        last_number=200,
        digits=7,
        received_on=timezone.localdate(),
        storage_place=place,
        certificate="ISO 17712:2013 H · cert. 2024-0417",
        purchase_order="OC-5521",
    )


def _results(count, failed=None):
    return [
        {
            "code": str(code),
            "passed": code != failed,
            "note": "Tablas nuevas y tornillos recientes en el piso" if code == failed else "",
        }
        for code in range(1, count + 1)
    ]


def _inspections(context, shipments, m) -> bool:
    try:
        services.inspections.load_checklist(ChecklistKey.CONTAINER_7)
    except ValidationError:
        logger.warning("inspection points not loaded; demo inspections skipped")
        return False
    sites = context.sites
    try:
        checklist = services.inspections.load_checklist(ChecklistKey.E4_TRANSPORT_UNIT)
    except ValidationError:  # an older catalog without the E4 list
        checklist = services.inspections.load_checklist(ChecklistKey.TRACTOR_TRAILER_17)
    passed = services.inspection_record(
        actor=Actor.for_member(m["operador"]),
        site=sites["patio"],
        checklist_key=checklist.key,
        shipment=shipments["nld-export"],
        unit_number=shipments["nld-export"].trailer_number,
        tractor_plates="92AK4L",
        trailer_plates=shipments["nld-export"].trailer_plates or "530EX7",
        place="Andén 2, patio fiscal",
        signed_name="Luis Hernández Peña",
        results=[{"code": p.code, "passed": True} for p in checklist.points.all()],
    )
    services.inspection_review(
        actor=Actor.for_member(m["gerente"]),
        inspection=passed,
        decision=SupervisorDecision.ACCEPTED,
        note="Revisado en CCTV del andén 2.",
    )
    container = shipments["nld-import"].containers.first()
    services.inspection_record(
        actor=Actor.for_member(m["operador"]),
        site=sites["patio"],
        checklist_key=ChecklistKey.CONTAINER_7,
        shipment=shipments["nld-import"],
        container=container,
        place="Andén 4, patio fiscal",
        signed_name="Luis Hernández Peña",
        results=_results(7, failed=4),
        note="Unidad detenida; se avisó al gerente de instalación.",
    )
    reefer = shipments["zlo-import"].containers.get(kind="reefer")
    services.inspection_record(
        actor=Actor.for_member(m["admin"]),
        site=sites["manzanillo"],
        checklist_key=ChecklistKey.REEFER_8,
        shipment=shipments["zlo-import"],
        container=reefer,
        place="Terminal, posición 14",
        signed_name="Patricia Lozano Garza",
        results=_results(8),
    )
    return True


def _custody(context, shipments, m) -> None:
    users, sites = context.users, context.sites
    operador = users["operador"]
    admin = Actor.for_member(m["admin"])
    nl = _lot(
        admin,
        sites["patio"],
        "NL",
        "TydenBrooks México",
        "Caja fuerte de la caseta, patio Nuevo Laredo",
    )
    zl = _lot(
        admin,
        sites["manzanillo"],
        "ZL",
        "Sellos y Candados del Pacífico",
        "Archivero con llave, oficina Manzanillo",
    )
    nl_seals = list(nl.seals.order_by("number")[:10])
    services.seal_issue(actor=admin, seals=nl_seals, person=operador)
    export = shipments["nld-export"]
    seal = nl_seals[0]
    services.seal_apply(
        actor=Actor.for_member(m["operador"]),
        seal=seal,
        shipment=export,
        photo=demo_photo(seal.number),
        place="Andén 2, patio fiscal",
    )
    seal.refresh_from_db()
    for checkpoint, place in (("yard_exit", "Caseta de salida"), ("border", "Puente III")):
        services.seal_verify(
            actor=Actor.for_member(m["operador"]),
            seal=seal,
            checkpoint=checkpoint,
            place=place,
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read=seal.number,
        )
        seal.refresh_from_db()
    zl_seals = list(zl.seals.order_by("number")[:2])
    services.seal_issue(actor=admin, seals=zl_seals, person_name="Héctor Salazar Ríos")
    sea = shipments["zlo-import"]
    containers = list(sea.containers.order_by("kind"))  # dry, then reefer
    for zl_seal, container in zip(zl_seals, containers, strict=True):
        services.seal_apply(
            actor=admin,
            seal=zl_seal,
            shipment=sea,
            container=container,
            photo=demo_photo(zl_seal.number),
            place="Terminal, posición 14",
        )
    services.seal_void(
        actor=Actor.for_member(m["gerente"]),
        seal=nl.seals.order_by("number")[10],
        reason=VoidReason.LOST,
        note="No apareció en la caja fuerte al preparar la entrega del turno nocturno.",
    )
    recognized = zl_seals[0]
    recognized.refresh_from_db()
    services.seal_customs_recognition(
        actor=admin,
        seal=recognized,
        act_number="Acta de reconocimiento 430-2026-0188",
        customs_seal_number="SAT-0774512",
        place="Módulo de selección automatizada, Aduana de Manzanillo",
        note="Reconocimiento aduanero por semáforo rojo; la aduana colocó su propio sello.",
    )
    tampered = zl_seals[1]
    tampered.refresh_from_db()
    services.seal_verify(
        actor=admin,
        seal=tampered,
        checkpoint="customs",
        place="Módulo de selección automatizada",
        view_ok=False,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read=tampered.number,
        note="Marcas de herramienta en la barra de cierre; se retuvo la unidad.",
    )


def _audit(context, m) -> None:
    """A clean monthly count at the yard: every seal in the safe is where the log says."""
    from .choices import SealStatus
    from .models import Seal

    site = context.sites["patio"]
    counted = Seal.objects.filter(site=site, status=SealStatus.IN_STOCK).values_list(
        "number", flat=True
    )
    services.seal_audit_run(
        actor=Actor.for_member(m["gerente"]),
        site=site,
        counted_numbers=list(counted),
        note="Conteo mensual de la caja fuerte.",
    )


def seed_conveyance(context) -> None:
    shipments = getattr(context, "shipments", None)
    if not shipments:
        return
    m = context.memberships
    _inspections(context, shipments, m)
    _custody(context, shipments, m)
    _audit(context, m)
