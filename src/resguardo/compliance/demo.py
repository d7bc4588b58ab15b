"""Demo data: a NEEC/OEA self-assessment about 70 % answered, evidence, actions, an audit."""
# ruff: noqa: E501 - demo answers are long Spanish paragraphs

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.standards.models import Library

from . import services
from .choices import (
    ActionKind,
    ActionStatus,
    AuditStatus,
    Classification,
    EvidenceKind,
    Result,
    Severity,
)
from .models import RequirementResult

ANSWERS = {
    "1.1": (
        Result.COMPLIANT,
        "El Comité de Seguridad (Dirección, Operaciones, Sistemas y Recursos Humanos) elabora cada enero la matriz de riesgos conforme al procedimiento PR-SEG-01, basado en ISO 31000. Se identifican amenazas al despacho (contaminación de carga, robo, suplantación de documentos), se califican en alto, medio o bajo y se asignan medidas a los riesgos altos. El análisis se repite tras cualquier incidente; la última actualización fue por el intento de acceso no autorizado al patio en marzo.",
    ),
    "1.2": (
        Result.COMPLIANT,
        "La política de seguridad, firmada por el agente aduanal titular, rechaza el narcotráfico, el lavado de dinero, el tráfico de armas y el terrorismo. La Gerencia de Cumplimiento es responsable de revisarla cada año; se difunde en tableros, correo a todo el personal y como anexo de los contratos con clientes y transportistas, y se presenta en la inducción.",
    ),
    "1.3": (
        Result.PARTIAL,
        "Contamos con procedimiento de auditoría interna y calendario anual. La auditoría de 2026 se realizó en la oficina matriz y el patio; falta extender el alcance a las oficinas de Manzanillo y AICM y cerrar dos acciones correctivas pendientes.",
    ),
    "1.4": (
        Result.COMPLIANT,
        "El plan de continuidad cubre incendio, ciberataque, robo de unidad y cierre de aduana. El simulacro anual de evacuación se realizó en febrero con 42 participantes; la evidencia fotográfica y la lista de asistencia están en la bóveda.",
    ),
    "2.1": (
        Result.COMPLIANT,
        "Las instalaciones son de block y concreto con techumbre de lámina; el encargado de mantenimiento inspecciona mensualmente muros, techos y puertas con el formato FM-02 y reporta reparaciones a la gerencia.",
    ),
    "2.2": (
        Result.COMPLIANT,
        "La oficina matriz tiene un acceso peatonal controlado por recepción y el patio un acceso vehicular con caseta atendida las 24 horas. Las puertas no utilizadas permanecen cerradas con candado y el acceso al área de archivo se limita por puesto.",
    ),
    "2.3": (
        Result.PARTIAL,
        "El patio cuenta con barda perimetral de concreto de 3 m con concertina. La inspección semanal se registra en bitácora, pero en el último trimestre faltaron tres registros; se levantó acción correctiva.",
    ),
    "2.5": (
        Result.NON_COMPLIANT,
        "No existe bitácora de llaves ni un procedimiento para el extravío de llaves; se detectó en la auditoría interna y está en curso la acción correctiva.",
    ),
    "3.1": (
        Result.COMPLIANT,
        "El personal de seguridad es de una empresa con permiso federal; cuenta con consignas escritas por puesto y rondines registrados con lector electrónico.",
    ),
    "3.2": (
        Result.COMPLIANT,
        "Todo el personal porta gafete con fotografía; los gafetes se entregan contra firma y se recuperan en la baja, con cancelación inmediata de accesos.",
    ),
    "3.3": (
        Result.COMPLIANT,
        "Los visitantes y proveedores se registran en bitácora con identificación oficial, hora de entrada y salida y persona visitada; siempre van acompañados y portan gafete de visitante.",
    ),
    "4.1": (
        Result.PARTIAL,
        "Los socios comerciales se seleccionan con un cuestionario de seguridad y la verificación en las listas del SAT (69-B) y OFAC. Falta documentar los criterios de selección para transportistas nuevos.",
    ),
    "7.1": (
        Result.COMPLIANT,
        "Se usan sellos de alta seguridad ISO 17712 clase H de un proveedor certificado; el inventario y la bitácora de sellos se concilian semanalmente y sólo personal capacitado los coloca.",
    ),
    "8.1": (
        Result.COMPLIANT,
        "Antes de la contratación se verifican antecedentes laborales, referencias y constancia de no antecedentes penales; la verificación se repite cada dos años para puestos sensibles.",
    ),
    "9.2": (
        Result.PARTIAL,
        "Contamos con firewall, antivirus y respaldos diarios en la nube; las contraseñas se cambian cada 90 días. Está pendiente documentar la prueba de restauración de respaldos y habilitar doble factor en el sistema de pedimentos.",
    ),
    "11.1": (
        Result.COMPLIANT,
        "El procedimiento PR-SEG-07 indica cómo reportar anomalías y actividades sospechosas, el responsable de avisar a la autoridad y la bitácora de reportes; se difunde en la inducción.",
    ),
}


def demo_pdf(title: str) -> bytes:
    """A small valid one-page PDF with a title line (no library needed)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _generic_answer(node) -> str:
    return (
        f"La agencia atiende el subestándar {node.ref_id} ({node.title_es.lower()}) con un "
        "procedimiento escrito, responsables designados y registros que se revisan en el "
        "Comité de Seguridad cada trimestre."
    )


def seed(context) -> None:
    library = Library.objects.filter(framework__key="neec-aa", is_active=True).first()
    if library is None:
        return
    actor = Actor.for_member(context.memberships["oea"])
    today = timezone.localdate()
    assessment = services.assessment_create(
        actor=actor,
        library=library,
        flags=["yard"],
        name="Autoevaluación NEEC/OEA 2026",
        description="Renovación de la certificación OEA, rubro Agente Aduanal.",
        due_date=today + datetime.timedelta(days=45),
    )
    results = list(assessment.results.select_related("node").order_by("order"))
    by_ref = {r.node.ref_id: r for r in results}
    answered = set(ANSWERS)
    for item in results:  # about 70 %: every listed answer, then generic ones
        if len(answered) >= round(len(results) * 0.7):
            break
        answered.add(item.node.ref_id)
    for ref in sorted(answered, key=lambda r: by_ref[r].order if r in by_ref else 0):
        item = by_ref.get(ref)
        if item is None:
            continue
        result, text = ANSWERS.get(ref, (Result.COMPLIANT, _generic_answer(item.node)))
        extra = {}
        if ref == "7.2.P3":
            result, text = Result.NOT_APPLICABLE, ""
            extra["justification"] = "La agencia no opera unidades refrigeradas."
        by_ref[ref] = services.result_update(
            actor=actor, target=item, result=result, answer=text, **extra
        )
    for ref in ("1.1", "1.2", "1.4", "3.2"):
        by_ref[ref] = services.result_review(
            actor=Actor.for_member(context.memberships["admin"]), target=by_ref[ref]
        )
    for ref, person, days in (
        ("2.3", "gerente", 20),
        ("3.4", "operador", 15),
        ("7.2", "gerente", 30),
    ):
        by_ref[ref] = services.result_assign(
            actor=actor,
            target=RequirementResult.objects.get(pk=by_ref[ref].pk),
            owner=context.users[person],
            due_date=today + datetime.timedelta(days=days),
        )
    _seed_evidence(context, by_ref, today)
    _seed_actions_and_audit(context, library, by_ref, today)
    services.readiness_history_seed(
        assessment,
        [(today - datetime.timedelta(weeks=w), 30 + (8 - w) * 4) for w in range(8, 0, -1)],
    )


def _seed_evidence(context, by_ref, today):
    actor = Actor.for_member(context.memberships["oea"])
    items = [
        ("Matriz de riesgos 2026", "matriz-riesgos-2026.pdf", "1.1", Classification.INTERNAL, 300),
        (
            "Política de seguridad firmada",
            "politica-seguridad.pdf",
            "1.2",
            Classification.PUBLIC,
            None,
        ),
        (
            "Plan de continuidad y simulacro",
            "plan-continuidad.pdf",
            "1.4",
            Classification.INTERNAL,
            200,
        ),
        (
            "Certificado ISO 17712 del proveedor de sellos",
            "certificado-iso-17712.pdf",
            "7.1",
            Classification.INTERNAL,
            12,
        ),
        (
            "Constancias de antecedentes del personal",
            "antecedentes-personal.pdf",
            "8.1",
            Classification.CONFIDENTIAL,
            None,
        ),
        (
            "Constancia de capacitación en amenazas",
            "capacitacion-amenazas.pdf",
            "1.2",
            Classification.INTERNAL,
            -5,
        ),
    ]
    for title, name, ref, classification, days in items:
        services.evidence_create(
            actor=actor,
            title=title,
            kind=EvidenceKind.FILE,
            file=SimpleUploadedFile(name, demo_pdf(title), content_type="application/pdf"),
            classification=classification,
            result=by_ref[ref],
            valid_until=today + datetime.timedelta(days=days) if days is not None else None,
        )
    log = "fecha,hora_entrada,hora_salida,visitante,identificacion,visita_a\n" + "\n".join(
        f"2026-0{m}-1{d},09:{10 + d}:00,10:{20 + d}:00,Visitante {m}{d},INE,Recepción"
        for m in range(1, 4)
        for d in range(5)
    )
    services.evidence_create(
        actor=actor,
        title="Bitácora de visitantes del primer trimestre",
        kind=EvidenceKind.FILE,
        result=by_ref["3.3"],
        site=context.sites["patio"],
        file=SimpleUploadedFile("bitacora-visitantes.csv", log.encode("utf-8")),
    )
    services.evidence_create(
        actor=actor,
        title="Consulta de lista 69-B del SAT",
        kind=EvidenceKind.LINK,
        url="https://www.sat.gob.mx/consultas/76674/consulta-la-relacion-de-contribuyentes-con-operaciones-presuntamente-inexistentes",
        result=by_ref["4.1"],
    )


def _seed_actions_and_audit(context, library, by_ref, today):
    oea = context.users["oea"]
    actor = Actor.for_member(context.memberships["oea"])
    audit = services.internal_audit_create(
        actor=actor,
        title="Auditoría interna de seguridad 2026",
        planned_date=today - datetime.timedelta(days=40),
        lead_auditor=oea,
        team="Jorge Ibarra (líder), Mariana Treviño",
        sites=[context.sites["matriz"], context.sites["patio"]],
        objective="Verificar el cumplimiento de los estándares 1 a 3 "
        "del perfil del agente aduanal en la oficina matriz y el patio.",
        scope_nodes=list(library.nodes.filter(depth=0, ref_id__in=["1", "2", "3"])),
    )
    keys = services.finding_create(
        actor=actor,
        audit=audit,
        title="Sin bitácora de llaves",
        severity=Severity.MAJOR,
        node=by_ref["2.5"].node,
        site=context.sites["patio"],
        description="No se registra la entrega ni la devolución de llaves del patio.",
    )
    fence = services.finding_create(
        actor=actor,
        audit=audit,
        title="Inspecciones de barda incompletas",
        severity=Severity.MINOR,
        node=by_ref["2.3"].node,
        site=context.sites["patio"],
        description="Faltan tres registros semanales de inspección en el último trimestre.",
    )
    services.internal_audit_update(
        actor=actor,
        audit=audit,
        status=AuditStatus.COMPLETED,
        performed_on=today - datetime.timedelta(days=38),
        conclusion="Cumplimiento general adecuado; dos hallazgos con acciones correctivas.",
    )
    overdue = services.action_item_create(
        actor=actor,
        finding=keys,
        owner=context.users["gerente"],
        title="Implementar bitácora y procedimiento de llaves",
        due_date=today - datetime.timedelta(days=7),
        kind=ActionKind.CORRECTIVE,
    )
    services.action_item_progress(
        actor=Actor.for_member(context.memberships["gerente"]),
        action=overdue,
        status=ActionStatus.IN_PROGRESS,
    )
    services.action_item_create(
        actor=actor,
        finding=fence,
        owner=context.users["gerente"],
        title="Completar el registro semanal de inspección de barda",
        due_date=today + datetime.timedelta(days=14),
    )
    policy = services.action_item_create(
        actor=actor,
        result=by_ref["9.2"],
        owner=context.users["oea"],
        title="Documentar la prueba de restauración de respaldos",
        kind=ActionKind.PREVENTIVE,
        due_date=today + datetime.timedelta(days=30),
    )
    services.action_item_progress(actor=actor, action=policy, status=ActionStatus.IMPLEMENTED)
