"""Requirements from the authority and inspection visits: received, owned, answered; the
findings of a visit become compliance actions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.files import atomic_with_files
from resguardo.core.permissions import require_own_site
from resguardo.core.writes import create_audited, update_audited

from ..choices import (
    CertificationStatus,
    DocumentKind,
    RequirementKind,
    RequirementStatus,
)
from ..models import AuthorityRequirement, Certification, VisitFinding
from .common import manager, require_past_or_today, store_document

EDITABLE = ("kind", "reference", "authority", "site", "received_on", "deadline", "owner",
            "description")  # fmt: skip


def _check_owner(organization, owner):
    if owner is not None and not owner.memberships.filter(organization=organization).exists():
        raise ValidationError({"owner": [_("Choose a member of the organization.")]})


def _check_dates(received_on, deadline):
    if received_on is None:
        raise ValidationError({"received_on": [_("Give the date it was received.")]})
    require_past_or_today(
        "received_on", received_on, _("The received date cannot be in the future.")
    )
    if deadline is not None and deadline < received_on:
        raise ValidationError(
            {"deadline": [_("The deadline cannot come before the received date.")]}
        )


@transaction.atomic
def requirement_create(
    *,
    actor,
    reference,
    received_on,
    description,
    kind=RequirementKind.REQUIREMENT,
    authority="",
    site=None,
    deadline=None,
    owner=None,
) -> AuthorityRequirement:
    organization = manager(actor)
    require_own_site(actor.membership, site)
    _check_owner(organization, owner)
    _check_dates(received_on, deadline)
    if kind == RequirementKind.REQUIREMENT and deadline is None:
        raise ValidationError({"deadline": [_("A requirement has a deadline to answer.")]})
    requirement = create_audited(
        actor=actor.user,
        organization=organization,
        instance=AuthorityRequirement(
            organization=organization,
            kind=kind,
            reference=(reference or "").strip(),
            authority=(authority or "").strip(),
            site=site,
            received_on=received_on,
            deadline=deadline,
            owner=owner,
            description=(description or "").strip(),
        ),
        verb="certification.requirement_received",
        data={"reference": reference},
    )
    if kind == RequirementKind.REQUIREMENT:
        # An unanswered requirement can start a cancellation: the record says so.
        _move_status(
            actor, organization, CertificationStatus.GRANTED, CertificationStatus.REQUIREMENT_OPEN
        )
    return requirement


def _move_status(actor, organization, before, after) -> None:
    for certification in Certification.objects.filter(organization=organization, status=before):
        update_audited(
            actor=actor.user,
            organization=organization,
            instance=certification,
            changes={"status": after},
        )


@transaction.atomic
def requirement_update(*, actor, requirement, expected_version=None, **changes):
    organization = manager(actor)
    if set(changes) - set(EDITABLE):
        raise TypeError(f"unknown fields: {sorted(set(changes) - set(EDITABLE))}")
    if "site" in changes:
        require_own_site(actor.membership, changes["site"])
    _check_owner(organization, changes.get("owner"))
    _check_dates(
        changes.get("received_on", requirement.received_on),
        changes.get("deadline", requirement.deadline),
    )
    kind = changes.get("kind", requirement.kind)
    if (
        kind == RequirementKind.REQUIREMENT
        and changes.get("deadline", requirement.deadline) is None
    ):
        raise ValidationError({"deadline": [_("A requirement has a deadline to answer.")]})
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=requirement,
        changes=changes,
        expected_version=expected_version,
    )


@atomic_with_files
def requirement_answer(
    *, actor, requirement, answer, answered_on, upload=None, close=False, expected_version=None
):
    """Record the answer given (and its evidence); `close` when the authority is satisfied."""
    organization = manager(actor)
    errors = {}
    if not (answer or "").strip():
        errors["answer"] = [_("Write the answer given to the authority.")]
    if answered_on is None:
        errors["answered_on"] = [_("Give the date of the answer.")]
    elif answered_on < requirement.received_on:
        errors["answered_on"] = [_("The answer cannot come before the requirement.")]
    if errors:
        raise ValidationError(errors)
    require_past_or_today("answered_on", answered_on, _("The date cannot be in the future."))
    if upload is not None:
        store_document(
            actor=actor,
            organization=organization,
            upload=upload,
            kind=DocumentKind.ANSWER,
            field="upload",
            title=_("Answer to %(reference)s") % {"reference": requirement.reference},
            requirement=requirement,
        )
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=requirement,
        changes={
            "answer": answer.strip(),
            "answered_on": answered_on,
            "status": RequirementStatus.CLOSED if close else RequirementStatus.ANSWERED,
        },
        expected_version=expected_version,
        verb="certification.requirement_answered",
        data={"reference": requirement.reference},
    )
    still_open = AuthorityRequirement.objects.filter(
        organization=organization,
        kind=RequirementKind.REQUIREMENT,
        status=RequirementStatus.OPEN,
    ).exists()
    if not still_open:
        _move_status(
            actor, organization, CertificationStatus.REQUIREMENT_OPEN, CertificationStatus.GRANTED
        )
    return requirement


@atomic_with_files
def requirement_document_add(*, actor, requirement, upload, title=""):
    organization = manager(actor)
    return store_document(
        actor=actor,
        organization=organization,
        upload=upload,
        kind=DocumentKind.REQUIREMENT,
        title=title or requirement.reference,
        requirement=requirement,
    )


def _compliance_action_create(*, actor, title, description, reference, site, owner, due_date):
    """The one call into the compliance app's action service (its old signature: actor is
    the user, plus the membership)."""
    from resguardo.compliance.choices import ActionKind, ActionSource
    from resguardo.compliance.services import action_item_create

    return action_item_create(
        actor=actor,
        title=title,
        description=description,
        kind=ActionKind.CORRECTIVE,
        source=ActionSource.OTHER,
        source_reference=reference,
        site=site,
        owner=owner,
        due_date=due_date,
    )


@transaction.atomic
def visit_finding_add(*, actor, requirement, description, owner=None, due_date=None):
    """A finding of an inspection visit, with the compliance action that remedies it."""
    organization = manager(actor)
    if requirement.kind != RequirementKind.VISIT:
        raise ValidationError({"description": [_("Findings belong to inspection visits.")]})
    if not (description or "").strip():
        raise ValidationError({"description": [_("Describe the finding.")]})
    _check_owner(organization, owner)
    if due_date is not None and due_date < timezone.localdate():
        raise ValidationError({"due_date": [_("The due date is already past.")]})
    action = _compliance_action_create(
        actor=actor,
        title=_("Visit %(reference)s: %(finding)s")
        % {"reference": requirement.reference, "finding": description.strip()[:120]},
        description=description.strip(),
        reference=f"certification.requirement:{requirement.pk}",
        site=requirement.site,
        owner=owner,
        due_date=due_date,
    )
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=VisitFinding(
            organization=organization,
            requirement=requirement,
            description=description.strip(),
            action=action,
        ),
        verb="certification.visit_finding",
        data={"reference": requirement.reference},
    )
