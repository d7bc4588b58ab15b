"""The infosec walk fixtures: one of each of Norte's records, named by the detail routes."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from resguardo.core.choices import Role
from resguardo.testing.walk import WalkFixtures

from ..choices import (
    AccountStatus,
    CredentialEventKind,
    CredentialKind,
    CyberEventKind,
    DisposalMethod,
    MediaKind,
    RestoreResult,
    ReviewStatus,
    SystemKind,
)
from ..models import (
    AccessReview,
    AccessReviewItem,
    CredentialEvent,
    CyberEvent,
    DigitalCredential,
    DisposalRecord,
    DocumentType,
    RestoreTest,
    System,
    SystemAccount,
)

MARKERS = [
    "Expediente confidencial Norte",
    "Trituración Norte 77",
    "SAAI Norte secreto",
    "cuenta-norte-7",
    "Restauración Norte",
    "00001000000512345678",
    "Phishing Norte dirigido",
]


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _with_evidence(record, name):
    record.file.save(name, ContentFile(PDF), save=False)
    record.original_name, record.content_type, record.size = name, "application/pdf", len(PDF)
    record.save()


def build(w) -> None:
    org = w.org
    today = timezone.localdate()
    w.infosec_doctype = DocumentType.objects.create(
        organization=org, name=MARKERS[0], classification="confidential", retention_years=5,
        readers=[Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR],
    )  # fmt: skip
    w.infosec_disposal = DisposalRecord.objects.create(
        organization=org, performed_on=today, description=MARKERS[1], media=MediaKind.PAPER,
        method=DisposalMethod.SHREDDING, performed_by="Ana", witness="Beto",
    )  # fmt: skip
    _with_evidence(w.infosec_disposal, "certificado.pdf")
    w.infosec_system = System.objects.create(
        organization=org, name=MARKERS[2], kind=SystemKind.CLEARANCE, mfa_enforced=True
    )
    w.infosec_account = SystemAccount.objects.create(
        organization=org, system=w.infosec_system, account_name=MARKERS[3],
        person_name="Sofía", employee_number="E-77", status=AccountStatus.ACTIVE,
    )  # fmt: skip
    w.infosec_review = AccessReview.objects.create(
        organization=org, system=w.infosec_system, status=ReviewStatus.OPEN, started_on=today
    )
    w.infosec_item = AccessReviewItem.objects.create(
        organization=org, review=w.infosec_review, account=w.infosec_account, person="Sofía",
        access=MARKERS[3],
    )  # fmt: skip
    w.infosec_restore = RestoreTest.objects.create(
        organization=org, system=w.infosec_system, tested_on=today,
        result=RestoreResult.SUCCESS, scope=MARKERS[4], performed_by="Ana",
    )  # fmt: skip
    _with_evidence(w.infosec_restore, "restauracion.pdf")
    w.infosec_credential = DigitalCredential.objects.create(
        organization=org, kind=CredentialKind.EFIRMA, holder="Agente Norte",
        serial_number=MARKERS[5], location="Caja fuerte",
        expires_on=today + datetime.timedelta(days=300),
    )  # fmt: skip
    w.infosec_credential_event = CredentialEvent.objects.create(
        organization=org, credential=w.infosec_credential, kind=CredentialEventKind.USE,
        occurred_at=timezone.now(), purpose="Firma de pedimento",
    )  # fmt: skip
    w.infosec_cyber = CyberEvent.objects.create(
        organization=org, kind=CyberEventKind.PHISHING, occurred_at=timezone.now(),
        summary=MARKERS[6],
    )  # fmt: skip


def pk_of(name):
    return lambda w: {"pk": getattr(w, f"infosec_{name}").pk}


URL_KWARGS = {
    "infosec:system_detail": pk_of("system"),
    "infosec:system_edit": pk_of("system"),
    "infosec:account_create": pk_of("system"),
    "infosec:account_import": pk_of("system"),
    "infosec:restore_test_create": pk_of("system"),
    "infosec:review_start": pk_of("system"),
    "infosec:account_edit": pk_of("account"),
    "infosec:restore_test_evidence": pk_of("restore"),
    "infosec:review_detail": pk_of("review"),
    "infosec:review_sign": pk_of("review"),
    "infosec:review_decide": pk_of("item"),
    "infosec:document_type_edit": pk_of("doctype"),
    "infosec:disposal_evidence": pk_of("disposal"),
    "infosec:credential_detail": pk_of("credential"),
    "infosec:credential_edit": pk_of("credential"),
    "infosec:credential_log": pk_of("credential"),
    "infosec:cyber_event_detail": pk_of("cyber"),
    "infosec:cyber_event_edit": pk_of("cyber"),
    "api:documenttype-detail": pk_of("doctype"),
    "api:disposal-detail": pk_of("disposal"),
    "api:disposal-evidence": pk_of("disposal"),
    "api:system-detail": pk_of("system"),
    "api:system-import-accounts": pk_of("system"),
    "api:systemaccount-detail": pk_of("account"),
    "api:accessreview-detail": pk_of("review"),
    "api:accessreview-sign": pk_of("review"),
    "api:accessreviewitem-detail": pk_of("item"),
    "api:accessreviewitem-decide": pk_of("item"),
    "api:restoretest-detail": pk_of("restore"),
    "api:restoretest-evidence": pk_of("restore"),
    "api:digitalcredential-detail": pk_of("credential"),
    "api:digitalcredential-log": pk_of("credential"),
    "api:credentialevent-detail": pk_of("credential_event"),
    "api:cyberevent-detail": pk_of("cyber"),
}

MODELS = (DocumentType, DisposalRecord, System, SystemAccount, AccessReview, AccessReviewItem,
          RestoreTest, DigitalCredential, CredentialEvent, CyberEvent)  # fmt: skip


def snapshot(w):
    return {m.__name__: list(m.objects.filter(organization=w.org).values()) for m in MODELS}


def list_ids(w):
    return {
        "api:documenttype-list": ("id", {w.infosec_doctype.pk}),
        "api:system-list": ("id", {w.infosec_system.pk}),
        "api:systemaccount-list": ("id", {w.infosec_account.pk}),
        "api:accessreview-list": ("id", {w.infosec_review.pk}),
        "api:digitalcredential-list": ("id", {w.infosec_credential.pk}),
        "api:cyberevent-list": ("id", {w.infosec_cyber.pk}),
    }


def _grow_accounts(world):
    org = world.org
    system = System.objects.create(organization=org, name="ERP crecimiento", kind="erp")
    SystemAccount.objects.bulk_create(
        SystemAccount(organization=org, system=system, account_name=f"u{n}") for n in range(30)
    )
    return "/api/v1/system-accounts/"


def _grow_systems(world):
    org = world.org
    System.objects.bulk_create(
        System(organization=org, name=f"Sistema {n}", kind="other") for n in range(30)
    )
    return "/api/v1/systems/"


WALK = WalkFixtures(
    build=build,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    snapshot=snapshot,
    list_ids=list_ids,
    list_growers=(_grow_accounts, _grow_systems),
)
