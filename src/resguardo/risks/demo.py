"""Demo data for standard 1: a threat catalog, a rated register signed last year and changed
since, the security committee, two policies with acknowledgements, plans with drills."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor

from . import services
from .models import Drill, RegisterReview, ThreatCategory

RISKS = [
    # title, site key, process, threat key, inherent (L, I), residual (L, I), controls
    (
        "Contenedor contaminado en el patio",
        "patio",
        "Recepción de unidades en patio",
        "narcotics",
        (4, 5),
        (2, 5),
        "Inspección de 17 puntos, CCTV en andenes, sellos ISO 17712",
    ),
    (
        "Robo de unidad en ruta Nuevo Laredo–Monterrey",
        "patio",
        "Traslado a frontera",
        "cargo_theft",
        (4, 4),
        (3, 3),
        "GPS con geocerca, paradas autorizadas, botón de pánico",
    ),
    (
        "Colusión de personal con el transportista",
        None,
        "Despacho y glosa",
        "internal_conspiracy",
        (3, 5),
        (2, 4),
        "Rotación de tareas, verificación de antecedentes",
    ),
    (
        "Cliente con documentación apócrifa",
        "matriz",
        "Alta de cliente (encargo conferido)",
        "document_fraud",
        (3, 4),
        (2, 3),
        "Expediente de cliente, validación de RFC y e.firma",
    ),
    (
        "Ransomware en el sistema de pedimentos",
        "matriz",
        "Transmisión de pedimentos",
        "cyber_attack",
        (3, 5),
        (2, 4),
        "Respaldos diarios fuera de sitio, MFA, antivirus",
    ),
    (
        "Valores alterados para lavar dinero",
        None,
        "Clasificación y valor",
        "money_laundering",
        (2, 4),
        (2, 3),
        "Aviso LFPIORPI, revisión de pagadores",
    ),
    (
        "Embalaje de madera sin NIMF-15",
        "veracruz",
        "Revisión previa en bodega",
        "agricultural_pests",
        (3, 2),
        (1, 2),
        "Revisión del sello NIMF-15 en la previa",
    ),
    (
        "Polizones en caja seca",
        "patio",
        "Salida de unidades del patio",
        "human_smuggling",
        (2, 5),
        (1, 4),
        "Revisión de cabina y caja con perro K9",
    ),
]


def seed(context) -> None:
    organization = context.organization
    compliance = context.memberships["oea"]
    actor = Actor.for_member(compliance)
    services.threats_seed(organization=organization)
    threats = {t.key: t for t in ThreatCategory.objects.filter(organization=organization)}
    users = context.users
    chair = services.committee_member_add(
        actor=actor,
        name=users["oea"].get_full_name(),
        user=users["oea"],
        department="Cumplimiento",
        committee_role="Presidente del comité",
    )
    members = [chair] + [
        services.committee_member_add(
            actor=actor,
            name=users[key].get_full_name(),
            user=users[key],
            department=department,
            committee_role=role,
        )
        for key, department, role in (
            ("admin", "Dirección", "Secretaria"),
            ("gerente", "Operaciones de patio", "Vocal"),
        )
    ]
    today = timezone.localdate()
    meeting = services.meeting_record(
        actor=actor,
        held_on=today - datetime.timedelta(days=20),
        place="Sala de juntas, oficina matriz",
        minutes="Revisión anual de la matriz de riesgos y de los simulacros del año.",
        attendees=members,
        decisions=[
            "Subir a alto el riesgo de robo en ruta por el aumento de incidentes en la carretera.",
            "Programar simulacro de ciberataque antes de fin de año.",
        ],
    )
    risks = []
    for title, site, process, threat, inherent, residual, controls in RISKS[:6]:
        risks.append(
            services.risk_create(
                actor=actor,
                title=title,
                site=context.sites.get(site) if site else None,
                process=process,
                threat=threats[threat],
                controls=controls,
                inherent_likelihood=inherent[0],
                inherent_impact=inherent[1],
                residual_likelihood=residual[0],
                residual_impact=residual[1],
                owner=users["oea"],
            )
        )
    first = services.register_review_sign(
        actor=actor, statement="Revisión anual del análisis de riesgos por el comité de seguridad."
    )
    # Signed about eleven months ago: the next yearly review is due next month.
    RegisterReview.objects.filter(pk=first.pk).update(
        reviewed_at=timezone.now() - datetime.timedelta(days=335)
    )
    for title, site, process, threat, inherent, residual, controls in RISKS[6:]:
        services.risk_create(
            actor=actor,
            title=title,
            site=context.sites.get(site) if site else None,
            process=process,
            threat=threats[threat],
            controls=controls,
            inherent_likelihood=inherent[0],
            inherent_impact=inherent[1],
            residual_likelihood=residual[0],
            residual_impact=residual[1],
            owner=users["gerente"],
        )
    services.risk_update(actor=actor, risk=risks[1], residual_likelihood=4, residual_impact=4)
    services.risk_action_open(
        actor=actor,
        risk=risks[1],
        title="Contratar custodia armada para cargas de alto valor",
        owner=users["oea"],
        due_date=today + datetime.timedelta(days=45),
    )
    del meeting
    _seed_policies(actor, context)
    _seed_plans(actor, context, today)


def _seed_policies(actor, context):
    users = context.users
    policy = services.policy_create(
        actor=actor,
        title="Política de seguridad en la cadena de suministro",
        purpose="Narcotráfico, lavado de dinero, armas y terrorismo.",
        body=(
            "La agencia se compromete a prevenir que sus operaciones sean usadas para el "
            "contrabando, el tráfico de drogas o armas, el terrorismo y el lavado de dinero..."
        ),
        owner=users["oea"],
    )
    services.policy_create(
        actor=actor,
        title="Política de uso de gafetes oficiales",
        body="Todo mandatario y dependiente porta su gafete oficial vigente en el recinto...",
        owner=users["admin"],
    )
    for key in ("oea", "admin"):
        membership = context.memberships[key]
        services.policy_acknowledge(actor=Actor.for_member(membership), policy=policy)


def _seed_plans(actor, context, today):
    users = context.users
    contacts = [
        services.Contact("Coordinador de emergencia", users["oea"].get_full_name(), "867 711 2030"),
        services.Contact("Jefe de patio", users["gerente"].get_full_name(), "867 711 2041"),
        services.Contact("Guardia Nacional (Nuevo Laredo)", "Mesa de guardia", "088"),
    ]
    seal = services.plan_create(
        actor=actor,
        title="Sello violado o número distinto al documentado",
        scenario="seal_breach",
        site=context.sites["patio"],
        owner=users["gerente"],
        procedure=(
            "1. Aislar la unidad. 2. Fotografiar el sello. 3. Avisar al OEA y a la autoridad."
        ),
        contacts=contacts,
    )
    services.drill_record(
        actor=actor,
        plan=seal,
        held_on=today - datetime.timedelta(days=200),
        duration_minutes=45,
        participants=[users["gerente"], users["operador"]],
        went_wrong="La foto del sello no se subió a tiempo.",
        lessons="Cargar las fotos desde el teléfono en el andén.",
        actions=["Capacitar a los operadores en la carga de fotos desde el andén"],
    )
    cyber = services.plan_create(
        actor=actor,
        title="Caída o ataque al sistema de pedimentos",
        scenario="cyber_attack",
        owner=users["oea"],
        contacts=contacts[:1],
        procedure="1. Desconectar equipos afectados. 2. Restaurar respaldo. 3. Avisar a clientes.",
        next_drill_on=today - datetime.timedelta(days=10),
    )
    old = services.drill_record(
        actor=actor,
        plan=cyber,
        held_on=today - datetime.timedelta(days=30),
        duration_minutes=90,
        participants=[users["oea"], users["admin"]],
        went_wrong="El respaldo tardó 3 horas.",
    )
    # The cyber drill was last year's: the plan is overdue for this year's.
    Drill.objects.filter(pk=old.pk).update(held_on=today - datetime.timedelta(days=390))
    cyber.next_drill_on = today - datetime.timedelta(days=25)
    type(cyber).objects.filter(pk=cyber.pk).update(next_drill_on=cyber.next_drill_on)
