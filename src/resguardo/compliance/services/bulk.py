"""Many requirement results of one assessment changed at once (the Excel import).

All or nothing: every change goes through `result_update` / `result_assign` (same rules,
same audit entries, same optimistic version check) inside one transaction. A change that a
service refuses does not stop the others from being tried, so the caller learns about every
bad row; then the whole transaction is rolled back.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.permissions import Perm, require_perm, require_same_organization

from ..models import RequirementResult
from .common import lock_editable
from .results import ANSWER_FIELDS, result_assign, result_update

ASSIGNMENT_FIELDS = ("owner", "due_date")


@dataclass
class ResultChange:
    """New values for one result, read at `version`. `key` names the change for errors
    (e.g. the spreadsheet row number)."""

    key: object
    result_id: int
    version: int
    answer: dict = field(default_factory=dict)  # subset of ANSWER_FIELDS
    assignment: dict | None = None  # {"owner": user or None, "due_date": date or None}


@dataclass(frozen=True)
class ChangeError:
    key: object
    field: str  # a result field name, or "" for the whole row
    message: str


class BulkChangeError(ValidationError):
    """Some changes were refused; nothing was saved. `errors` lists each one."""

    def __init__(self, errors: list[ChangeError]):
        self.errors_by_change = errors
        super().__init__([e.message for e in errors], code="bulk")


def _errors_of(change: ResultChange, error: ValidationError) -> list[ChangeError]:
    if isinstance(error, ConcurrentEditError):
        return [ChangeError(change.key, "version", str(m)) for m in error.messages]
    if hasattr(error, "error_dict"):
        return [
            ChangeError(change.key, name, str(message))
            for name, errors in error.error_dict.items()
            for e in errors
            for message in e.messages
        ]
    return [ChangeError(change.key, "", str(m)) for m in error.messages]


def _apply(*, actor: Actor, target, change: ResultChange) -> None:
    unknown = set(change.answer) - set(ANSWER_FIELDS)
    if change.assignment is not None:
        unknown |= set(change.assignment) - set(ASSIGNMENT_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    version = change.version
    if change.answer:
        saved = result_update(
            actor=actor,
            target=target,
            expected_version=version,
            **change.answer,
        )
        version = saved.version
    if change.assignment is not None:
        result_assign(
            actor=actor,
            target=target,
            expected_version=version,
            owner=change.assignment.get("owner"),
            due_date=change.assignment.get("due_date"),
        )


@transaction.atomic(durable=True)
def results_update_many(*, actor: Actor, assessment, changes: list[ResultChange]) -> int:
    """Apply every change or none. Returns how many results changed.

    Raises BulkChangeError listing every refused change (by its `key`), FrozenRecordError
    for a frozen assessment, PermissionDenied without Perm.MANAGE_COMPLIANCE.
    """
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, assessment, field="assessment")
    lock_editable(assessment.pk)
    targets = RequirementResult.objects.filter(
        assessment=assessment, pk__in=[c.result_id for c in changes]
    ).in_bulk()
    errors: list[ChangeError] = []
    for change in changes:
        target = targets.get(change.result_id)
        if target is None:
            errors.append(
                ChangeError(change.key, "", _("This requirement is not in the assessment."))
            )
            continue
        try:
            with transaction.atomic():
                _apply(actor=actor, target=target, change=change)
        except PermissionDenied as error:
            errors.append(ChangeError(change.key, "", str(error)))
        except ValidationError as error:
            errors.extend(_errors_of(change, error))
    if errors:
        raise BulkChangeError(errors)
    return len(changes)
