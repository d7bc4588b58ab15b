"""Demo data for standard 9: an inventory with Resguardo, the clearance software, VUCEM access,
the ERP and e-mail; accounts (one left behind by someone who left); a signed review of the
clearance software; restore tests; the agent's e.firma and the seals; document types, a
shredding record and a phishing attempt."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.choices import Role

from . import services
from .choices import (
    BackupFrequency,
    CredentialEventKind,
    CredentialKind,
    CyberEventKind,
    Decision,
    DisposalMethod,
    MediaKind,
    RestoreResult,
    SystemKind,
)
from .models import AccessReview

ACCOUNTS_CSV = """usuario,nombre,numero de empleado,correo,perfil,mfa,estado
jibarra,Jorge Ibarra Salinas,E-002,oea@demo.resguardo.mx,Supervisor,si,activo
lhernandez,Luis Hernández Peña,E-014,operador@demo.resguardo.mx,Capturista,no,activo
mtrevino,Mariana Treviño Ruiz,E-009,gerente@demo.resguardo.mx,Consulta,no,activo
rgarza,Raúl Garza Montes,E-021,,Capturista,no,activo
"""


def _pdf(name: str) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def seed_infosec(context) -> None:
    actor = Actor.for_member(context.memberships["oea"])
    users = context.users
    today = timezone.localdate()
    _documents(actor, users, today)
    builtin = services.builtin_system_ensure(actor=actor)
    services.system_update(
        actor=actor, system=builtin, owner=users["admin"],
        backup_frequency=BackupFrequency.DAILY,
        backup_arrangement="Copia diaria de la base de datos y de los archivos de evidencia "
        "(resguardo backup), guardada cifrada fuera de la oficina.",
    )  # fmt: skip
    saai = services.system_create(
        actor=actor, name="Sistema de pedimentos (SAAI M3)", kind=SystemKind.CLEARANCE,
        vendor="Proveedor de software aduanero", owner=users["oea"], mfa_enforced=False,
        backup_frequency=BackupFrequency.DAILY,
        backup_arrangement="Respaldo nocturno cifrado a un servidor en la oficina de Manzanillo; "
        "copia semanal en disco externo guardado en caja fuerte.",
    )  # fmt: skip
    services.system_create(
        actor=actor, name="VUCEM (e.firma del agente)", kind=SystemKind.VUCEM, vendor="SAT",
        owner=users["admin"], mfa_enforced=True, backup_frequency=BackupFrequency.PROVIDER,
    )  # fmt: skip
    erp = services.system_create(
        actor=actor, name="ERP contable", kind=SystemKind.ERP, vendor="Nube contable",
        owner=users["admin"], backup_frequency=BackupFrequency.PROVIDER,
        review_interval_months=6,
    )  # fmt: skip
    services.system_create(
        actor=actor, name="Correo electrónico", kind=SystemKind.EMAIL, owner=users["admin"],
        mfa_enforced=True, backup_frequency=BackupFrequency.PROVIDER,
    )  # fmt: skip
    # The clearance software's accounts come from its export, then a signed review.
    services.accounts_import(
        actor=actor, system=saai, file_name="usuarios-saai.csv",
        content=ACCOUNTS_CSV.encode(), dry_run=False,
    )  # fmt: skip
    review = AccessReview.objects.get(system=saai)
    for item in review.items.all():
        left = item.account.account_name == "rgarza"
        services.review_decide(
            actor=actor, item=item, decision=Decision.REVOKE if left else Decision.KEEP,
            note="Causó baja en septiembre" if left else "",
        )  # fmt: skip
    services.review_sign(actor=actor, review=review, notes="Revisión trimestral.")
    signed_at = timezone.now() - datetime.timedelta(days=41)
    AccessReview.objects.filter(pk=review.pk).update(
        started_on=timezone.localtime(signed_at).date() - datetime.timedelta(days=3),
        signed_at=signed_at,
    )  # demo history: signed six weeks ago
    services.review_start(actor=actor, system=builtin, notes="Revisión del trimestre.")
    for system, days, result, scope in (
        (saai, 62, RestoreResult.SUCCESS, "Base de datos de pedimentos del 1 al 15 del mes"),
        (erp, 200, RestoreResult.PARTIAL, "Pólizas contables del trimestre (faltaron adjuntos)"),
    ):
        services.restore_test_record(
            actor=actor, system=system, tested_on=today - datetime.timedelta(days=days),
            result=result, scope=scope, performed_by="Jorge Ibarra Salinas",
            minutes_taken=45, evidence=_pdf("bitacora-restauracion.pdf"),
        )  # fmt: skip
    _credentials(actor, users, today)
    services.cyber_event_report(
        actor=actor, kind=CyberEventKind.PHISHING,
        occurred_at=timezone.now() - datetime.timedelta(days=9),
        summary="Correo falso de «VUCEM» pidiendo la e.firma",
        description="Dos capturistas recibieron un correo que imitaba a VUCEM con un enlace a "
        "un sitio falso. Nadie capturó datos; se bloqueó el dominio.",
        actions_taken="Dominio bloqueado en el correo; aviso a todo el personal.",
    )  # fmt: skip


def _documents(actor, users, today) -> None:
    expediente = services.document_type_create(
        actor=actor, name="Expediente electrónico del pedimento (art. 167)",
        classification="confidential", retention_years=5,
        retention_basis="la fecha del pedimento", storage_place="Archivo restringido, planta alta",
        owner=users["oea"],
    )  # fmt: skip
    services.document_type_create(
        actor=actor, name="Encargo conferido y expediente del cliente",
        classification="confidential", retention_years=5,
        retention_basis="el fin de la relación con el cliente",
        storage_place="Archivo restringido, planta alta",
    )  # fmt: skip
    services.document_type_create(
        actor=actor, name="Bitácora de acceso de visitantes", classification="internal",
        retention_years=1, readers=[Role.ADMIN, Role.COMPLIANCE, Role.SITE_MANAGER, Role.AUDITOR],
        storage_place="Caseta de vigilancia del patio",
    )  # fmt: skip
    services.document_type_create(
        actor=actor, name="Política de seguridad firmada", classification="public",
        retention_years=3,
    )  # fmt: skip
    services.disposal_record(
        actor=actor, performed_on=today - datetime.timedelta(days=20), document_type=expediente,
        description="Copias de pedimentos de 2019 vencidas", media=MediaKind.PAPER, quantity=14,
        method=DisposalMethod.SHREDDING, performed_by="Destructora Regia, S.A.",
        witness="Jorge Ibarra Salinas", certificate_number="DR-2026-1180",
        evidence=_pdf("certificado-destruccion.pdf"),
    )  # fmt: skip
    services.disposal_record(
        actor=actor, performed_on=today - datetime.timedelta(days=75),
        description="Disco duro de la PC de captura 3 (reemplazada)",
        media=MediaKind.HARD_DRIVE, method=DisposalMethod.OVERWRITE,
        performed_by="Soporte técnico", witness="Patricia Lozano Garza",
    )  # fmt: skip


def _credentials(actor, users, today) -> None:
    efirma = services.credential_register(
        actor=actor, kind=CredentialKind.EFIRMA, holder="Patricia Lozano Garza (agente aduanal)",
        holder_rfc="LOGP7503124T2", serial_number="00001000000512345678",
        custodian=users["admin"], location="Caja fuerte de dirección, token USB cifrado",
        valid_from=today - datetime.timedelta(days=1400),
        expires_on=today + datetime.timedelta(days=25),
    )  # fmt: skip
    sello = services.credential_register(
        actor=actor, kind=CredentialKind.SELLO, holder="Agencia Aduanal Lozano y Asociados",
        serial_number="00001000000509876543", custodian=users["oea"],
        location="Servidor de pedimentos (almacén de certificados protegido)",
        valid_from=today - datetime.timedelta(days=500),
        expires_on=today + datetime.timedelta(days=960),
    )  # fmt: skip
    services.credential_log(
        actor=actor, credential=efirma, kind=CredentialEventKind.USE,
        purpose="Firma del aviso anual de actualización de perfil",
        occurred_at=timezone.now() - datetime.timedelta(days=12),
    )  # fmt: skip
    services.credential_log(
        actor=actor, credential=sello, kind=CredentialEventKind.CHECK,
        purpose="Revisión mensual de custodia", occurred_at=timezone.now(),
    )  # fmt: skip
