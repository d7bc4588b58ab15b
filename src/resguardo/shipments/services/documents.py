"""Shipment documents (evidence files) and the verification run before transmission."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import TRADE_DOCUMENT, atomic_with_files, inspect_upload, store_upload
from resguardo.core.permissions import require_record_at, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..choices import CheckResult, DocumentCheckItem, DocumentKind, ShipmentStatus
from ..models import DocumentCheck, ShipmentDocument


@atomic_with_files
def document_add(*, actor: Actor, shipment, kind, number="", file=None, notes=""):
    """Record a document of the shipment: its number, its file, or both."""
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": [_("Choose the kind of document.")]})
    number = (number or "").strip()
    if not number and file is None:
        raise ValidationError(
            _("Give the document's number or folio, attach its file, or both."), code="empty"
        )
    document = ShipmentDocument(
        organization=actor.organization,
        shipment=shipment,
        kind=kind,
        number=number[:80],
        notes=(notes or "").strip()[:300],
        uploaded_by=actor.user,
    )
    if file is not None:
        inspected = inspect_upload(file, kind=TRADE_DOCUMENT, field="file")
        store_upload(document, file, inspected)
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=document,
        verb="shipment.document_added",
        data={"shipment": str(shipment)},
    )


def _clean_answers(answers: dict) -> dict:
    errors, clean = [], {}
    for item in DocumentCheckItem:
        answer = answers.get(item.value) or answers.get(item)
        if not answer or not answer.get("result"):
            errors.append(_("Answer “%(item)s”.") % {"item": item.label})
            continue
        result = answer["result"]
        note = (answer.get("note") or "").strip()
        if result not in CheckResult.values:
            errors.append(_("“%(value)s” is not a valid result.") % {"value": result})
        elif result == CheckResult.ISSUE and not note:
            errors.append(_("Describe the problem found in “%(item)s”.") % {"item": item.label})
        else:
            clean[item.value] = (result, note[:300])
    if errors:
        raise ValidationError(errors, code="incomplete")
    return clean


@transaction.atomic(durable=True)
def shipment_documents_check(*, actor: Actor, shipment, answers, expected_version=None):
    """Record the verification checklist. The shipment counts as verified (and may be
    transmitted) only when every item is correct or not applicable."""
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    if shipment.status != ShipmentStatus.OPEN:
        raise ValidationError(
            _("The pedimento was already transmitted; its verification can no longer change."),
            code="status",
        )
    clean = _clean_answers(answers)
    now = timezone.now()
    organization = actor.organization
    existing = {c.item: c for c in DocumentCheck.objects.filter(shipment=shipment)}
    for item, (result, note) in clean.items():
        check = existing.get(item)
        if check is None:
            create_audited(
                actor=actor,
                organization=organization,
                instance=DocumentCheck(
                    organization=organization,
                    shipment=shipment,
                    item=item,
                    result=result,
                    note=note,
                    checked_by=actor.user,
                    checked_at=now,
                ),
            )
        elif (check.result, check.note) != (result, note):
            update_audited(
                actor=actor,
                organization=organization,
                instance=check,
                changes={
                    "result": result,
                    "note": note,
                    "checked_by": actor.user,
                    "checked_at": now,
                },
            )
    verified = all(result != CheckResult.ISSUE for result, _note in clean.values())
    return update_audited(
        actor=actor,
        organization=organization,
        instance=shipment,
        changes={
            "documents_verified_at": now if verified else None,
            "documents_verified_by": actor.user if verified else None,
        },
        expected_version=expected_version,
    )
