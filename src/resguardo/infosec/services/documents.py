"""Document types (classification, retention, readers) and the destruction log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.compliance.choices import Classification
from resguardo.core.choices import Role
from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, store_upload
from resguardo.core.writes import create_audited, update_audited

from ..models import DisposalRecord, DocumentType
from .common import acting, require_member, require_not_future, require_own

# The evidence vault's rule (compliance): confidential records are read by administrators,
# compliance officers and auditors only.
CONFIDENTIAL_READERS = (Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR)
SITE_ROLES = (Role.SITE_MANAGER, Role.STAFF)


def default_readers(classification: str) -> list[str]:
    if classification == Classification.CONFIDENTIAL:
        return list(CONFIDENTIAL_READERS)
    return list(Role.values)


def _clean_readers(classification: str, readers) -> list[str]:
    readers = list(dict.fromkeys(readers or default_readers(classification)))
    unknown = [r for r in readers if r not in Role.values]
    if unknown:
        raise ValidationError(
            {"readers": _("Unknown role: %(role)s.") % {"role": ", ".join(unknown)}},
            code="invalid",
        )
    if classification == Classification.CONFIDENTIAL and set(readers) & set(SITE_ROLES):
        raise ValidationError(
            {
                "readers": _(
                    "Confidential documents are read by administrators, compliance officers "
                    "and auditors only: remove site managers and staff."
                )
            },
            code="confidential_readers",
        )
    return [r for r in Role.values if r in readers]  # always in the role table's order


@transaction.atomic
def document_type_create(
    *,
    actor,
    name,
    classification,
    retention_years,
    readers=(),
    description="",
    retention_basis="",
    storage_place="",
    owner=None,
) -> DocumentType:
    organization = acting(actor)
    require_member(actor, owner, field="owner")
    if DocumentType.objects.filter(organization=organization, name__iexact=name).exists():
        raise ValidationError(
            {"name": _("A document type with this name already exists.")}, code="duplicate"
        )
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=DocumentType(
            organization=organization,
            name=name,
            classification=classification,
            retention_years=retention_years,
            readers=_clean_readers(classification, readers),
            description=description,
            retention_basis=retention_basis,
            storage_place=storage_place,
            owner=owner,
        ),
    )


@transaction.atomic
def document_type_update(*, actor, document_type, expected_version=None, **changes) -> DocumentType:
    organization = acting(actor)
    require_own(actor, document_type, field="document_type", message=_("Unknown document type."))
    if "owner" in changes:
        require_member(actor, changes["owner"], field="owner")
    name = changes.get("name", document_type.name)
    if (
        DocumentType.objects.filter(organization=organization, name__iexact=name)
        .exclude(pk=document_type.pk)
        .exists()
    ):
        raise ValidationError(
            {"name": _("A document type with this name already exists.")}, code="duplicate"
        )
    classification = changes.get("classification", document_type.classification)
    changes["readers"] = _clean_readers(
        classification, changes.get("readers", document_type.readers)
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=document_type,
        changes=changes,
        expected_version=expected_version,
    )


@atomic_with_files
def disposal_record(
    *,
    actor,
    performed_on,
    description,
    media,
    method,
    performed_by,
    witness,
    document_type=None,
    quantity=1,
    certificate_number="",
    notes="",
    evidence=None,
) -> DisposalRecord:
    """Log a destruction or sanitization. The witness must be someone else than the person who
    did it; the evidence (a certificate, a wipe report, a photo) is optional but shown."""
    organization = acting(actor)
    require_not_future(performed_on, field="performed_on")
    require_own(actor, document_type, field="document_type", message=_("Unknown document type."))
    if performed_by.strip().casefold() == witness.strip().casefold():
        raise ValidationError(
            {"witness": _("The witness must be someone other than the person who did it.")},
            code="same_witness",
        )
    record = DisposalRecord(
        organization=organization,
        performed_on=performed_on,
        description=description,
        media=media,
        method=method,
        performed_by=performed_by,
        witness=witness,
        document_type=document_type,
        quantity=quantity,
        certificate_number=certificate_number,
        notes=notes,
        recorded_by=actor.user,
    )
    if evidence is not None:
        store_upload(record, evidence, inspect_upload(evidence, kind=EVIDENCE, field="evidence"))
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=record,
        verb="infosec_disposal.recorded",
    )
