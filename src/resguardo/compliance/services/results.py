"""Writes for requirement results: answer, assign, review."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import update_audited

from ..access import require_answer
from ..choices import Result
from ..models import RequirementResult
from .common import check_member, lock_editable
from .readiness import readiness_record

ANSWER_FIELDS = ("result", "score", "answer", "justification", "comments")


def _validate_answer(values: dict) -> None:
    errors = {}
    if values["result"] not in Result.values:
        errors["result"] = _("Choose a valid result.")
    if values["result"] == Result.NOT_APPLICABLE and not (values["justification"] or "").strip():
        errors["justification"] = _("Explain why this requirement does not apply.")
    score = values.get("score")
    if score is not None and not 0 <= score <= 100:
        errors["score"] = _("The score goes from 0 to 100.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic  # composed: results_update_many applies each change in a savepoint
def result_update(*, actor: Actor, target, expected_version=None, **changes):
    """Save an answer. A changed answer clears the reviewer's sign-off.

    `expected_version` is the version the person read: if someone saved in between, the save
    is refused with ConcurrentEditError and nothing is lost (the caller shows both texts).
    """
    require_same_organization(actor.membership, target, field="result")
    require_answer(actor.membership, target)
    unknown = set(changes) - set(ANSWER_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    lock_editable(target.assessment_id)
    for text_field in ("answer", "justification", "comments"):
        if text_field in changes:
            changes[text_field] = (changes[text_field] or "").strip()
    merged = {field: changes.get(field, getattr(target, field)) for field in ANSWER_FIELDS}
    _validate_answer(merged)
    changed = any(merged[f] != getattr(target, f) for f in ANSWER_FIELDS)
    if changed:
        changes.update(
            answered_by=actor.user, answered_at=timezone.now(), reviewed_by=None, reviewed_at=None
        )
    saved = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=target,
        changes=changes,
        expected_version=expected_version if expected_version is not None else target.version,
    )
    if changed:
        readiness_record(target.assessment)
    return saved


@transaction.atomic  # composed: results_update_many applies each change in a savepoint
def result_assign(*, actor: Actor, target, owner, due_date=None, expected_version=None):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, target, field="result")
    check_member(actor.membership, "owner", owner)
    lock_editable(target.assessment_id)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=target,
        changes={"owner": owner, "due_date": due_date},
        expected_version=expected_version if expected_version is not None else target.version,
    )


@transaction.atomic(durable=True)
def results_assign(*, actor: Actor, assessment, result_ids, owner, due_date=None) -> int:
    """Assign many requirements of one assessment to one person at once."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, assessment, field="assessment")
    check_member(actor.membership, "owner", owner)
    lock_editable(assessment.pk)
    results = list(RequirementResult.objects.filter(assessment=assessment, pk__in=result_ids))
    if len(results) != len(set(result_ids)):
        raise ValidationError({"results": _("Some requirements are not in this assessment.")})
    for result in results:
        update_audited(
            actor=actor,
            organization=actor.organization,
            instance=result,
            changes={"owner": owner, "due_date": due_date},
        )
    return len(results)


def check_second_person(membership, target, actor) -> None:
    """Four eyes: where the organization asks for it (the default), the person who last
    changed the answer cannot also sign it off."""
    if not membership.organization.review_by_second_person:
        return
    if target.answered_by_id is not None and target.answered_by_id == actor.pk:
        raise ValidationError(
            _(
                "You gave this answer, so someone else must review it: your organization "
                "requires a second person to sign off each answer."
            ),
            code="second_person",
        )


@transaction.atomic(durable=True)
def result_review(*, actor: Actor, target, expected_version=None):
    """The reviewer's sign-off on one answer."""
    require_perm(actor.membership, Perm.APPROVE)
    require_same_organization(actor.membership, target, field="result")
    lock_editable(target.assessment_id)
    if target.result == Result.NOT_ASSESSED:
        raise ValidationError(_("A requirement that is not assessed cannot be signed off."))
    check_second_person(actor.membership, target, actor.user)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=target,
        changes={"reviewed_by": actor.user, "reviewed_at": timezone.now()},
        verb="requirement.signed_off",
        expected_version=expected_version if expected_version is not None else target.version,
    )


@transaction.atomic(durable=True)
def result_unreview(*, actor: Actor, target, expected_version=None):
    require_perm(actor.membership, Perm.APPROVE)
    require_same_organization(actor.membership, target, field="result")
    lock_editable(target.assessment_id)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=target,
        changes={"reviewed_by": None, "reviewed_at": None},
        verb="requirement.sign_off_withdrawn",
        expected_version=expected_version if expected_version is not None else target.version,
    )
