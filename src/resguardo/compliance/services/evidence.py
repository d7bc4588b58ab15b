"""Writes for the evidence vault: upload (checked from the content), revise, link."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, store_upload
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_same_organization,
)
from resguardo.core.writes import create_audited, delete_audited, update_audited

from ..access import can_answer, can_manage, require_answer, visible_classifications
from ..choices import Classification, EvidenceKind
from ..models import Evidence, EvidenceRevision, ResultEvidence
from .common import check_member, lock_editable

EDITABLE_FIELDS = ("title", "description", "classification", "valid_until", "site", "owner", "url")


def _store_revision(*, actor, evidence, upload, note="") -> EvidenceRevision:
    inspected = inspect_upload(upload, kind=EVIDENCE)
    number = (evidence.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = EvidenceRevision(
        organization_id=evidence.organization_id,
        evidence=evidence,
        number=number,
        file_type=inspected.file_type.key,
        note=note,
        uploaded_by=actor.user,
    )
    # In storage from here on: if the transaction rolls back, the file is deleted again.
    store_upload(revision, upload, inspected)
    create_audited(actor=actor, organization=evidence.organization_id, instance=revision)
    return revision


def _check_may_create(membership, *, classification, result):
    if can_manage(membership):
        return
    if result is None:
        require_perm(membership, Perm.MANAGE_COMPLIANCE)
    require_answer(membership, result)
    if classification not in visible_classifications(membership):
        raise PermissionDenied(_("Your role cannot file confidential evidence."))


@atomic_with_files
def evidence_create(
    *,
    actor: Actor,
    title,
    kind,
    file=None,
    url="",
    classification=Classification.INTERNAL,
    valid_until=None,
    description="",
    site=None,
    owner=None,
    result=None,
) -> Evidence:
    """File a new evidence item (a file or a link), optionally linked to a result at once.

    A compliance officer files any evidence; the person assigned a requirement may file
    evidence for it (not confidential).
    """
    require_same_organization(actor.membership, result, field="result")
    _check_may_create(actor.membership, classification=classification, result=result)
    require_own_site(actor.membership, site)
    check_member(actor.membership, "owner", owner)
    if kind == EvidenceKind.FILE and file is None:
        raise ValidationError({"file": _("Choose the file to upload.")})
    if kind == EvidenceKind.LINK and not (url or "").strip():
        raise ValidationError({"url": _("Give the link to the evidence.")})
    if result is not None:
        lock_editable(result.assessment_id)
    evidence = create_audited(
        actor=actor,
        organization=actor.organization,
        verb="evidence.added",
        instance=Evidence(
            organization=actor.organization,
            title=title.strip(),
            description=description,
            kind=kind,
            url=(url or "").strip() if kind == EvidenceKind.LINK else "",
            classification=classification,
            valid_until=valid_until,
            site=site,
            owner=owner,
            created_by=actor.user,
        ),
    )
    if kind == EvidenceKind.FILE:
        revision = _store_revision(actor=actor, evidence=evidence, upload=file)
        Evidence.objects.filter(pk=evidence.pk).update(current_revision=revision)
        evidence.current_revision = revision
    if result is not None:
        _link(actor=actor, evidence=evidence, result=result)
    return evidence


@atomic_with_files
def evidence_revise(*, actor: Actor, evidence, file, note="", expected_version=None):
    """Upload a new version of a file; earlier revisions stay, with their hashes."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, evidence, field="evidence")
    if evidence.kind != EvidenceKind.FILE:
        raise ValidationError(_("A link has no file to revise; edit its address instead."))
    revision = _store_revision(actor=actor, evidence=evidence, upload=file, note=note)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=evidence,
        changes={"current_revision": revision},
        verb="evidence.revised",
        expected_version=expected_version if expected_version is not None else evidence.version,
    )


@transaction.atomic(durable=True)
def evidence_update(*, actor: Actor, evidence, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, evidence, field="evidence")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    require_own_site(actor.membership, changes.get("site"))
    check_member(actor.membership, "owner", changes.get("owner"))
    if "url" in changes and evidence.kind == EvidenceKind.LINK and not changes["url"]:
        raise ValidationError({"url": _("Give the link to the evidence.")})
    if "url" in changes and evidence.kind == EvidenceKind.FILE:
        changes.pop("url")
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=evidence,
        changes=changes,
        expected_version=expected_version if expected_version is not None else evidence.version,
    )


def _link(*, actor: Actor, evidence, result) -> ResultEvidence:
    if ResultEvidence.objects.filter(result=result, evidence=evidence).exists():
        raise ValidationError(_("This evidence is already linked to the requirement."))
    return create_audited(
        actor=actor,
        organization=actor.organization,
        verb="evidence.linked",
        data={"evidence": evidence.title, "requirement": str(result)},
        instance=ResultEvidence(
            organization=actor.organization, result=result, evidence=evidence, linked_by=actor.user
        ),
    )


def _check_may_link(membership, evidence, result):
    require_same_organization(membership, evidence, field="evidence")
    require_same_organization(membership, result, field="result")
    if not can_answer(membership, result):
        require_perm(membership, Perm.MANAGE_COMPLIANCE)
    if evidence.classification not in visible_classifications(membership):
        raise PermissionDenied(_("Your role cannot use confidential evidence."))


@transaction.atomic(durable=True)
def evidence_link(*, actor: Actor, evidence, result) -> ResultEvidence:
    """Name an evidence item as support for a requirement result (any framework)."""
    _check_may_link(actor.membership, evidence, result)
    lock_editable(result.assessment_id)
    return _link(actor=actor, evidence=evidence, result=result)


@transaction.atomic(durable=True)
def evidence_unlink(*, actor: Actor, evidence, result) -> None:
    _check_may_link(actor.membership, evidence, result)
    lock_editable(result.assessment_id)
    link = ResultEvidence.objects.filter(result=result, evidence=evidence).first()
    if link is None:
        raise ValidationError(_("This evidence is not linked to the requirement."))
    delete_audited(
        actor=actor,
        organization=actor.organization,
        instance=link,
        verb="evidence.unlinked",
        data={"evidence": evidence.title, "requirement": str(result)},
    )
