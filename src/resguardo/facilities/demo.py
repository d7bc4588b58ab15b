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
            "Agencia Aduanal Demo trata sus datos (nombre, identificación y fotografía) solo para "
            "controlar el acceso a sus instalaciones. Se conservan 180 días. Aviso completo en "
            "recepción."
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
