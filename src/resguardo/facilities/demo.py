"""Demo data: the yard's gate with badges, people inside, a week of visits, a denied person."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.search import name_key

from . import services
from .choices import BadgeKind, IdMasking, IdType, VisitorKind
from .models import Visit

VISITORS = [
    (
        "Roberto Cantú Elizondo",
        "Transportes del Norte",
        VisitorKind.PROVIDER,
        "Entrega de documentos",
        "XKL-4521",
    ),
    (
        "Ana Lucía Garza Peña",
        "Importadora Regia",
        VisitorKind.VISITOR,
        "Revisión de pedimentos",
        "",
    ),
    ("Héctor Salinas Ruiz", "DHL Express", VisitorKind.MESSENGER, "Paquetería", "RTS-9921"),
    (
        "Marisol Treviño Leal",
        "Fumigaciones Laredo",
        VisitorKind.CONTRACTOR,
        "Fumigación de tarimas",
        "NLD-3310",
    ),
    (
        "Jesús Alberto Ramos",
        "Grupo Logístico Frontera",
        VisitorKind.PROVIDER,
        "Recoger contenedor",
        "TRK-7781",
    ),
    (
        "Claudia Méndez Soto",
        "Cliente — Aceros del Bravo",
        VisitorKind.VISITOR,
        "Reunión con el agente",
        "",
    ),
]


def seed_facilities(context) -> None:
    org = context.organization
    admin = Actor.for_member(context.memberships["admin"])
    guard = Actor.for_member(context.memberships["operador"])
    patio, matriz = context.sites["patio"], context.sites["matriz"]
    services.gate_policy_save(
        actor=admin,
        privacy_notice=(
            f"{org.legal_name} trata sus datos (nombre, identificación y fotografía) solo "
            "para controlar el acceso a sus instalaciones. Se conservan 180 días. Aviso "
            "completo en recepción."
        ),
        id_masking=IdMasking.LAST_FOUR,
        retention_days=180,
    )
    services.denied_person_add(
        actor=admin,
        full_name="Raúl Esquivel Montes",
        id_number="ESMR800101HTSQNL09",
        reason="Intentó ingresar al patio sin cita y con identificación alterada (2026-09).",
    )
    for site, prefix in ((patio, "P"), (matriz, "M")):
        for n in range(1, 13):
            services.badge_register(
                actor=admin,
                site=site,
                number=f"V{prefix}-{n:03d}",
                kind=BadgeKind.VISITOR if n <= 8 else BadgeKind.PROVIDER,
            )
    for n, who in enumerate(("operador", "gerente"), start=1):
        badge = services.badge_register(
            actor=admin, site=patio, number=f"E-{n:04d}", kind=BadgeKind.EMPLOYEE
        )
        member = context.memberships[who]
        services.badge_issue(
            actor=admin,
            badge=badge,
            holder_user=member.user,
            employee_number=f"EMP-{100 + n}",
            expires_on=timezone.localdate() + datetime.timedelta(days=300),
        )
    host = context.memberships["gerente"].user
    for i, (name, company, kind, purpose, plates) in enumerate(VISITORS):
        visit = services.visit_check_in(
            actor=guard,
            site=patio,
            kind=kind,
            full_name=name,
            company=company,
            id_type=IdType.INE,
            id_number=f"GOMC{850000 + i * 37:06d}HNL",
            host=host,
            purpose=purpose,
            plates=plates,
            badge_number=f"VP-{i + 1:03d}",
            escort_required=kind == VisitorKind.CONTRACTOR,
            escort_name="Luis Hernández" if kind == VisitorKind.CONTRACTOR else "",
            privacy_notice_shown=True,
        )
        if i < 3:
            services.visit_check_out(actor=guard, visit=visit, badge_returned=i != 2)
    _backdate_history(org, patio, matriz)
    _seed_physical_security(context, admin, guard, patio, matriz)


def _seed_physical_security(context, admin, guard, patio, matriz) -> None:
    from .services import access, checks, keys
    from .services.sites import camera_save, site_profile_save

    site_profile_save(
        actor=admin,
        site=patio,
        premises="Nave metálica de 1,200 m² sobre losa de concreto; oficinas de block.",
        gates="Acceso principal con caseta 24 h y pluma; salida de emergencia cerrada con candado.",
        gate_count=2,
        perimeter="Barda de concreto de 3 m con concertina en el lado de carretera.",
        has_fence=True,
        parking="Estacionamiento de empleados fuera del patio de carga.",
        private_cars_apart=True,
        locks_and_keys="Tablero de llaves en caseta; bitácora firmada.",
        lighting="Luminarias LED perimetrales; planta de emergencia de 60 kVA.",
        backup_power=True,
        alarms_and_cctv="16 cámaras con grabación de 45 días; alarma en bodega.",
        cctv_failure_notice=True,
        change_note="Perfil inicial",
    )
    site_profile_save(
        actor=admin,
        site=patio,
        perimeter="Barda de concreto de 3 m con concertina en todo el perímetro.",
        change_note="Concertina ampliada al lado poniente",
    )
    access_people = [context.memberships["gerente"].user]
    camera_save(
        actor=admin,
        site=patio,
        name="CAM-01",
        location="Acceso principal",
        coverage="Pluma y caseta",
        retention_days=45,
        access=access_people,
    )
    camera_save(
        actor=admin,
        site=patio,
        name="CAM-07",
        location="Patio de cajas cargadas",
        coverage="Cajas en espera de despacho",
        covers_loaded_vehicles=True,
        retention_days=45,
        access=access_people,
    )
    camera_save(
        actor=admin,
        site=matriz,
        name="CAM-M1",
        location="Recepción",
        retention_days=20,
    )
    rondin = checks.check_type_create(
        actor=admin,
        site=patio,
        kind="guard_round",
        name="Rondín nocturno del patio",
        frequency_days=1,
        checkpoints=["Caseta", "Barda norte", "Patio de cajas", "Bodega"],
    )
    scan = None
    for checkpoint in list(rondin.checkpoints.all())[:3]:
        scan, _ = checks.round_scan(actor=guard, code=checkpoint.code)
    checks.round_finish(actor=guard, run=scan.run)
    lights = checks.check_type_create(
        actor=admin, site=patio, kind="lighting", name="Revisión de alumbrado", frequency_days=7
    )
    checks.check_record(
        actor=guard,
        check_type=lights,
        passed=False,
        finding="Reflector del lado poniente fundido.",
    )
    checks.check_type_create(
        actor=admin,
        site=patio,
        kind="cctv_review",
        name="Revisión semanal de grabaciones",
        frequency_days=7,
    )
    checks.check_type_create(
        actor=admin, site=patio, kind="perimeter", name="Inspección de barda", frequency_days=7
    )
    caseta = keys.key_register(
        actor=admin, site=patio, number="LL-01", opens="Caseta de vigilancia"
    )
    keys.key_register(actor=admin, site=patio, number="LL-02", opens="Bodega de sellos")
    keys.key_register(actor=admin, site=patio, number="LL-03", opens="Portón de emergencia")
    keys.key_issue(
        actor=admin,
        key=caseta,
        holder_user=context.memberships["operador"].user,
        signed_name="Luis Hernández Peña",
    )
    keys.key_audit_run(actor=guard, site=patio, present_numbers=["LL-02", "LL-03"])
    access.guard_create(
        actor=admin,
        full_name="Ramiro Castillo Ortega",
        employer="contracted",
        company="Protección Integral del Noreste, S.A. de C.V.",
        sites=[patio],
        radio="Canal 3",
    )
    access.challenge_record(
        actor=guard,
        site=patio,
        subject="vehicle",
        plates="RX-4412",
        description="Camioneta sin cita intentó entrar tras un tractocamión.",
        action_taken="Se detuvo en la pluma, se pidió identificación y se retiró.",
    )
    access.package_record(
        actor=guard,
        site=matriz,
        sender="SAT — Aduana de Nuevo Laredo",
        carrier="Mensajería",
        addressee="Dirección",
        screened=True,
    )


def _backdate_history(org, patio, matriz) -> None:
    """A week of finished visits (written directly: the services stamp the current time)."""
    now = timezone.now()
    rows = []
    for day in range(1, 8):
        for j in range(4):
            name, company, kind, purpose, plates = VISITORS[(day + j) % len(VISITORS)]
            start = now - datetime.timedelta(days=day, hours=9 - 2 * j)
            rows.append(
                Visit(
                    organization=org,
                    site=patio if j % 2 else matriz,
                    kind=kind,
                    full_name=name,
                    name_key=name_key(name),
                    company=company,
                    id_type=IdType.INE,
                    id_number="****" + f"{day}{j}42",
                    purpose=purpose,
                    plates=plates,
                    checked_in_at=start,
                    checked_out_at=start + datetime.timedelta(minutes=50),
                )
            )
    Visit.objects.bulk_create(rows)
