"""Demo shipments: road operations at Nuevo Laredo and sea containers at Manzanillo, with
valid pedimentos under the demo patentes and valid ISO 6346 container numbers."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.identifiers import iso6346_check_digit
from resguardo.core.models import Aduana

from . import services
from .choices import BadgeHolderKind, BadgeStatus, CheckResult, DocumentCheckItem, DocumentKind


def demo_container(owner_and_serial: str) -> str:
    return owner_and_serial + str(iso6346_check_digit(owner_and_serial))


def demo_pedimento(aduana: str, patente: str, serial: int) -> str:
    year = f"{timezone.localdate().year % 100:02d}"
    return f"{year}{aduana}{patente}{year[1]}{serial:06d}"


DEMO_SHIPMENTS = [
    # key, site, aduana, patente, serial, operation, mode, client, rfc, containers, extra
    (
        "nld-export",
        "patio",
        "24",
        "3921",
        1201,
        "export",
        "road",
        "Autopartes del Bravo, S.A. de C.V.",
        "ABR0603158K1",
        [],
        {
            "trailer_number": "CJ53214",
            "trailer_plates": "45UJ7K",
            "tractor_plates": "92AK4L",
            "carrier_name": "Transportes Frontera Norte, S.A. de C.V.",
            "driver_name": "Ramiro Cantú Leal",
            "driver_license": "LFD0912345",
            "document_seal_numbers": ["NL0000001"],
        },
    ),
    (
        "nld-import",
        "patio",
        "24",
        "3945",
        1202,
        "import",
        "road",
        "Electrodomésticos Regios, S.A. de C.V.",
        "ERE1104203T5",
        [("MSKU600417", "dry")],
        {
            "trailer_number": "PL88120",
            "tractor_plates": "71AP2M",
            "carrier_name": "Autotransportes del Golfo, S.A. de C.V.",
            "driver_name": "Óscar Villarreal Solís",
            "document_seal_numbers": ["NL0000002"],
        },
    ),
    (
        "zlo-import",
        "manzanillo",
        "16",
        "3921",
        1203,
        "import",
        "sea",
        "Importadora del Pacífico, S.A. de C.V.",
        "IPA0907226M0",
        [("TGHU771204", "dry"), ("CAIU553018", "reefer")],
        {"document_seal_numbers": ["ZL0000001", "ZL0000002"]},
    ),
    (
        "zlo-export",
        "manzanillo",
        "16",
        "3945",
        1204,
        "export",
        "sea",
        "Frutas Finas de Colima, S.P.R. de R.L.",
        "FFC1502114B8",
        [("SZLU902216", "reefer")],
        {},
    ),
]


def _answers(problem_item=None):
    answers = {item.value: {"result": CheckResult.OK, "note": ""} for item in DocumentCheckItem}
    answers[DocumentCheckItem.NON_TARIFF.value] = {"result": CheckResult.NOT_APPLICABLE, "note": ""}
    if problem_item:
        answers[problem_item] = {
            "result": CheckResult.ISSUE,
            "note": "La factura no coincide con la lista de empaque (12 vs 14 tarimas).",
        }
    return answers


def seed_shipments(context) -> dict:
    actor = Actor.for_member(context.memberships["admin"])
    today = timezone.localdate()
    created = {}
    for offset, (
        key,
        site,
        aduana,
        patente,
        serial,
        operation,
        mode,
        client,
        rfc,
        containers,
        extra,
    ) in enumerate(DEMO_SHIPMENTS):
        created[key] = services.shipment_create(
            actor=actor,
            site=context.sites[site],
            pedimento=demo_pedimento(aduana, patente, serial),
            operation=operation,
            mode=mode,
            client_name=client,
            client_rfc=rfc,
            operation_date=today - datetime.timedelta(days=4 - offset),
            reference=f"TR-{serial}",
            containers=[(demo_container(c), kind) for c, kind in containers],
            **extra,
        )
    for key in ("nld-export", "nld-import", "zlo-import"):
        services.document_add(
            actor=actor,
            shipment=created[key],
            kind=DocumentKind.COMMERCIAL_INVOICE,
            number=f"F-{created[key].reference}",
        )
        created[key] = services.shipment_documents_check(
            actor=actor, shipment=created[key], answers=_answers()
        )
    services.document_add(
        actor=actor,
        shipment=created["nld-export"],
        kind=DocumentKind.CARTA_PORTE,
        number="CP-A-20931",
    )
    services.shipment_documents_check(
        actor=actor,
        shipment=created["zlo-export"],
        answers=_answers(DocumentCheckItem.DOCUMENTS_RECEIVED.value),
    )
    for key in ("nld-export", "zlo-import"):
        created[key] = services.shipment_transmit(actor=actor, shipment=created[key])
    created["nld-export"] = services.shipment_clear(actor=actor, shipment=created["nld-export"])
    _seed_badges(context, today)
    context.shipments = created
    return created


def _seed_badges(context, today) -> None:
    actor = Actor.for_member(context.memberships["admin"])
    nld, zlo = Aduana.objects.get(code="24"), Aduana.objects.get(code="16")
    for holder, kind, aduana, number, issued_days, valid_days, user in (
        (
            "Luis Hernández Peña",
            BadgeHolderKind.DEPENDIENTE,
            nld,
            "NLD-2024-0341",
            300,
            365,
            context.users.get("operador"),
        ),
        (
            "Mariana Treviño Ruiz",
            BadgeHolderKind.MANDATARIO,
            nld,
            "NLD-2024-0112",
            350,
            370,
            context.users.get("gerente"),
        ),
        ("Héctor Salazar Ríos", BadgeHolderKind.DEPENDIENTE, zlo, "ZLO-1187", 400, 380, None),
        (
            "Patricia Lozano Garza",
            BadgeHolderKind.MANDATARIO,
            zlo,
            "ZLO-0902",
            100,
            730,
            context.users.get("admin"),
        ),
    ):
        issued = today - datetime.timedelta(days=issued_days)
        services.badge_create(
            actor=actor,
            holder_name=holder,
            holder_kind=kind,
            aduana=aduana,
            badge_number=number,
            issued_on=issued,
            expires_on=issued + datetime.timedelta(days=valid_days),
            user=user,
            status=BadgeStatus.ACTIVE,
        )
