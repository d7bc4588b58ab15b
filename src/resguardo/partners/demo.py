"""Demo partners for `resguardo demo`: clients, carriers, a warehouse, a correspondent
agency and others, with certifications, reviews (one overdue), questionnaires, and a small
demo 69-B list version giving one true match and one false positive."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.validators import rfc_check_digit

from . import services
from .catalog import selection_catalog
from .choices import (
    CertificationProgram,
    CriterionResult,
    CtpatTier,
    OeaModality,
    PartnerKind,
    PartnerStatus,
    ReviewKind,
    ReviewOutcome,
    SelectionOutcome,
    Verdict,
    WatchlistSource,
)
from .models import ScreeningHit
from .watchlists.importer import list_version_import

DEMO_BASE_URL = "http://127.0.0.1:8000"


def _rfc(body: str) -> str:
    return body + rfc_check_digit(body + "0")


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


PARTNERS = [
    # key, kind, legal name, RFC body (11/12 chars) or None, extra
    ("textil", PartnerKind.CLIENT, "Importadora Textil del Bajío, S.A. de C.V.", "ITB080415K2", {}),
    (
        "agricola",
        PartnerKind.CLIENT,
        "Exportadora Agrícola de Sinaloa, S.P.R. de R.L.",
        "EAS110620QP",
        {},
    ),
    (
        "garza",
        PartnerKind.CARRIER,
        "Transportes Fronterizos Garza, S.A. de C.V.",
        "TFG970303MN",
        {},
    ),
    (
        "golfo",
        PartnerKind.CARRIER,
        "Autotransportes del Golfo Hermanos Treviño, S. de R.L. de C.V.",
        "AGH050901TR",
        {},
    ),
    (
        "halcon",
        PartnerKind.CARRIER,
        "Transportes Halcón de Chihuahua, S.A. de C.V.",
        "THC120117BB",
        {},
    ),
    (
        "almacen",
        PartnerKind.WAREHOUSE,
        "Logística Integral Nuevo Laredo, S.A. de C.V.",
        "LIN030228AL",
        {},
    ),
    (
        "ramirez",
        PartnerKind.CORRESPONDENT,
        "Agencia Aduanal Ramírez y Asociados, S.C.",
        "AAR990512RA",
        {},
    ),
    (
        "laredo",
        PartnerKind.FORWARDER,
        "Laredo Freight Forwarding LLC",
        None,
        {"country": "US", "tax_id": "74-3198265"},
    ),
    (
        "centinela",
        PartnerKind.SERVICE_PROVIDER,
        "Seguridad Privada Centinela, S.A. de C.V.",
        "SPC140707CE",
        {},
    ),
    (
        "saltillo",
        PartnerKind.CLIENT,
        "Componentes Automotrices Saltillo, S.A. de C.V.",
        "CAS060330SA",
        {},
    ),
    (
        "pacifico",
        PartnerKind.CLIENT,
        "Comercializadora Pacífico Norte, S.A. de C.V.",
        "CPN150821PN",
        {"status": PartnerStatus.PROSPECT},
    ),
    (
        "alfa",
        PartnerKind.SERVICE_PROVIDER,
        "Servicios Logísticos Alfa, S.A. de C.V.",
        "SLA110304LA",
        {},
    ),
]


def _demo_list(rfcs: dict) -> bytes:
    """A 69-B file in the published layout: the Pacífico Norte RFC is on it (a true match),
    and a different company named like Servicios Logísticos Alfa (a false positive)."""
    rows = [
        ("1", rfcs["pacifico"], "COMERCIALIZADORA PACIFICO NORTE, S.A. DE C.V.", "Definitivo"),
        ("2", _rfc("SLA030519XY"), "SERVICIOS LOGISTICOS ALFA SA DE CV", "Presunto"),
        ("3", _rfc("GEM100101AB"), "GRUPO EMPRESARIAL MIRADOR, S.A. DE C.V.", "Definitivo"),
        ("4", _rfc("CAF090909CD"), "CONSULTORES ASOCIADOS FENIX, S.C.", "Presunto"),
        (
            "5",
            _rfc("DIS120612EF"),
            "DISTRIBUIDORA INDUSTRIAL DEL SURESTE, S.A. DE C.V.",
            "Desvirtuado",
        ),
        ("6", _rfc("TEC140214GH"), "TECNOLOGIA Y SERVICIOS ORION, S.A.P.I. DE C.V.", "Definitivo"),
    ]
    header = (
        "No,RFC,Nombre del Contribuyente,Situación del contribuyente,"
        "Número y fecha de oficio global de presunción SAT"
    )
    lines = [
        "Información actualizada al 15 de abril de 2026",
        "Listado completo de contribuyentes (Artículo 69-B del Código Fiscal de la Federación)",
        header,
    ]
    lines += [
        f'{n},{rfc},"{name}",{status},500-05-2025-1234 de fecha 10/03/2025'
        for n, rfc, name, status in rows
    ]
    return "\r\n".join(lines).encode("cp1252") + b"\r\n"


def _certify(actor, partners):
    add = services.certification_create
    add(
        actor=actor,
        partner=partners["textil"],
        program=CertificationProgram.OEA,
        modality=OeaModality.IMPORTER_EXPORTER,
        certificate_number="400-03-00-00-00-2024-1187",
        issued_on=_days(-400),
        valid_until=_days(330),
        last_verified_on=_days(-20),
    )
    add(
        actor=actor,
        partner=partners["garza"],
        program=CertificationProgram.OEA,
        modality=OeaModality.CARRIER,
        certificate_number="400-03-00-00-00-2023-0954",
        issued_on=_days(-500),
        valid_until=_days(230),
        last_verified_on=_days(-30),
    )
    add(
        actor=actor,
        partner=partners["garza"],
        program=CertificationProgram.CTPAT,
        ctpat_tier=CtpatTier.TIER_2,
        svi_number="GARZ-7781-MX",
        last_verified_on=_days(-30),
    )
    add(
        actor=actor,
        partner=partners["golfo"],
        program=CertificationProgram.CTPAT,
        ctpat_tier=CtpatTier.TIER_1,
        svi_number="AGHT-3302-MX",
        valid_until=_days(28),
        last_verified_on=_days(-200),
    )
    add(
        actor=actor,
        partner=partners["almacen"],
        program=CertificationProgram.OEA,
        modality=OeaModality.BONDED,
        certificate_number="400-03-00-00-00-2022-0311",
        issued_on=_days(-600),
        valid_until=_days(130),
        last_verified_on=_days(-60),
    )
    add(
        actor=actor,
        partner=partners["ramirez"],
        program=CertificationProgram.OEA,
        modality=OeaModality.CUSTOMS_AGENT,
        certificate_number="400-03-00-00-00-2024-2210",
        issued_on=_days(-200),
        valid_until=_days(530),
        last_verified_on=_days(-10),
    )
    add(
        actor=actor,
        partner=partners["laredo"],
        program=CertificationProgram.CTPAT,
        ctpat_tier=CtpatTier.TIER_3,
        svi_number="LFF-55120",
        last_verified_on=_days(-45),
    )


def _select(actor, partner):
    answers = {
        c.code: {"result": CriterionResult.MET, "note": ""}
        for c in selection_catalog().criteria_for(partner.kind)
    }
    return services.selection_decide(
        actor=actor,
        partner=partner,
        outcome=SelectionOutcome.APPROVED,
        answers=answers,
        decided_on=_days(-420),
    )


def _questionnaires(actor, partners):
    accepted, _token = services.questionnaire_send(
        actor=actor,
        partner=partners["textil"],
        recipient_email="seguridad@textilbajio.example.mx",
        recipient_name="Rocío Méndez",
        base_url=DEMO_BASE_URL,
        notify=False,
    )
    answers = {
        q["code"]: {
            "value": "yes" if q["kind"] == "choice" else "Rocío Méndez, gerente de seguridad"
        }
        for q in accepted.questions
    }
    answers["CYB-2"] = {"value": "partial", "comment": "Respaldo quincenal; pasaremos a semanal."}
    services.questionnaire_answer(questionnaire=accepted, answers=answers, submit=True)
    accepted.refresh_from_db()
    services.questionnaire_accept(
        actor=actor,
        questionnaire=accepted,
        comment="Respuestas completas y evidencia suficiente.",
    )
    submitted, _token = services.questionnaire_send(
        actor=actor,
        partner=partners["saltillo"],
        recipient_email="oea@cas-saltillo.example.mx",
        base_url=DEMO_BASE_URL,
        notify=False,
    )
    answers = {
        q["code"]: {"value": "yes" if q["kind"] == "choice" else "—"} for q in submitted.questions
    }
    answers["CNV-2"] = {"value": "no", "comment": "Usamos sellos clase I en envíos nacionales."}
    services.questionnaire_answer(questionnaire=submitted, answers=answers, submit=True)
    services.questionnaire_send(
        actor=actor,
        partner=partners["halcon"],
        language="es",
        recipient_email="trafico@halcon.example.mx",
        base_url=DEMO_BASE_URL,
        notify=False,
    )


def _reviews(actor, partners):
    record = services.review_record
    record(
        actor=actor,
        partner=partners["textil"],
        kind=ReviewKind.PERIODIC,
        performed_on=_days(-60),
        outcome=ReviewOutcome.SATISFACTORY,
        certification_checked=True,
        summary="Revisión del expediente y consulta del estatus OEA en el portal del SAT.",
    )
    record(
        actor=actor,
        partner=partners["agricola"],
        kind=ReviewKind.VISIT,
        performed_on=_days(-430),
        outcome=ReviewOutcome.WITH_FINDINGS,
        summary="Visita a empaque en Culiacán. Bodega sin CCTV en andén 3.",
        findings=[
            {
                "description": "Andén 3 sin cobertura de CCTV.",
                "severity": "medium",
                "action": "Instalar cámara y enviar evidencia fotográfica.",
                "due_on": _days(-380),
            }
        ],
    )
    record(
        actor=actor,
        partner=partners["garza"],
        kind=ReviewKind.VISIT,
        performed_on=_days(-90),
        outcome=ReviewOutcome.WITH_FINDINGS,
        certification_checked=True,
        summary="Visita al patio de Nuevo Laredo: inspección de 17 puntos y control de sellos.",
        findings=[
            {
                "description": "Bitácora de sellos sin firma del supervisor en 4 registros.",
                "severity": "high",
                "action": "Capacitar a supervisores y reenviar bitácora firmada.",
                "due_on": _days(20),
                "owner": actor.user,
            }
        ],
    )
    record(
        actor=actor,
        partner=partners["almacen"],
        kind=ReviewKind.PERIODIC,
        performed_on=_days(-150),
        outcome=ReviewOutcome.SATISFACTORY,
        certification_checked=True,
        summary="Revisión de controles de acceso y CCTV del recinto.",
    )


def _decide_hits(actor, partners):
    for hit in ScreeningHit.objects.filter(organization=actor.organization):
        if hit.partner_id == partners["pacifico"].pk:
            services.hit_decide(
                actor=actor,
                hit=hit,
                verdict=Verdict.TRUE_MATCH,
                reason="Mismo RFC en la lista 69-B con situación Definitivo.",
            )
        elif hit.partner_id == partners["alfa"].pk:
            services.hit_decide(
                actor=actor,
                hit=hit,
                verdict=Verdict.FALSE_POSITIVE,
                reason="Nombre parecido pero RFC distinto; nuestro proveedor es otra empresa.",
            )


def seed_partners(context) -> None:
    actor = Actor.for_member(context.memberships.get("oea") or context.memberships["admin"])
    rfcs = {key: _rfc(body) for key, _kind, _name, body, _extra in PARTNERS if body}
    list_version_import(
        source=WatchlistSource.SAT_69B,
        content=_demo_list(rfcs),
        file_name="demo_69-B.csv",
        origin="demo",
        actor=None,
    )
    partners = {}
    for key, kind, name, _body, extra in PARTNERS:
        partners[key] = services.partner_create(
            actor=actor,
            kind=kind,
            legal_name=name,
            rfc=rfcs.get(key, ""),
            since=_days(-900),
            **extra,
        )
    _certify(actor, partners)
    _decide_hits(actor, partners)
    for key in (
        "textil",
        "agricola",
        "garza",
        "golfo",
        "almacen",
        "ramirez",
        "laredo",
        "centinela",
        "saltillo",
        "alfa",
    ):
        _select(actor, partners[key])
    services.agreement_create(
        actor=actor,
        partner=partners["garza"],
        title="Convenio de seguridad en el transporte 2026",
        requirement_codes=["REQ-SEALS", "REQ-INSPECT", "REQ-GPS", "REQ-DRIVERS", "REQ-INCIDENT"],
    )
    _questionnaires(actor, partners)
    _reviews(actor, partners)
