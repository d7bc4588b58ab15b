"""Writes for action items (corrective and preventive actions).

`action_item_create` is the entry point other apps call (incidents, risks) with their own
`source` and `source_reference`; `action_item_raise` is the same for work started by a
domain event, where no person acts.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_same_organization,
)
from resguardo.core.writes import create_audited, update_audited

from ..access import can_progress_action
from ..choices import ActionKind, ActionSource, ActionStatus
from ..models import ActionItem
from .common import check_member

EDITABLE_FIELDS = ("title", "description", "kind", "owner", "due_date", "site")
PROGRESS_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.IMPLEMENTED)


def _build(*, organization, actor, title, description, kind, source, source_reference, result,
           finding, node, site, owner, due_date) -> ActionItem:  # fmt: skip
    if not (title or "").strip():
        raise ValidationError({"title": _("Say what must be done.")})
    if result is not None:
        node = node or result.node
        site = site or result.assessment.site
        source = ActionSource.REQUIREMENT if source == ActionSource.MANUAL else source
    if finding is not None:
        node = node or finding.node
        site = site or finding.site
        source = ActionSource.FINDING if source == ActionSource.MANUAL else source
    return ActionItem(
        organization=organization,
        title=title.strip(),
        description=description,
        kind=kind,
        source=source,
        source_reference=source_reference,
        result=result,
        finding=finding,
        node=node,
        site=site,
        owner=owner,
        due_date=due_date,
        created_by=actor.user,
    )


@transaction.atomic  # composed: incidents, risks and certification open actions in theirs
def action_item_create(
    *,
    actor: Actor,
    title,
    description="",
    kind=ActionKind.CORRECTIVE,
    source=ActionSource.MANUAL,
    source_reference="",
    result=None,
    finding=None,
    node=None,
    site=None,
    owner=None,
    due_date=None,
) -> ActionItem:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    for field, obj in (("result", result), ("finding", finding)):
        require_same_organization(actor.membership, obj, field=field)
    require_own_site(actor.membership, site)
    check_member(actor.membership, "owner", owner)
    action = _build(
        organization=actor.organization,
        actor=actor,
        title=title,
        description=description,
        kind=kind,
        source=source,
        source_reference=source_reference,
        result=result,
        finding=finding,
        node=node,
        site=site,
        owner=owner,
        due_date=due_date,
    )
    return create_audited(
        actor=actor, organization=actor.organization, instance=action, verb="action.opened"
    )


@transaction.atomic
def action_item_raise(
    *,
    actor: Actor,
    title,
    source,
    source_reference="",
    description="",
    kind=ActionKind.CORRECTIVE,
    node=None,
    site=None,
    due_date=None,
) -> ActionItem:
    """System path for domain-event handlers: `Actor.system(organization)`, no acting person."""
    organization = actor.organization
    require_own_site(organization, site)
    action = _build(
        organization=organization,
        actor=actor,
        title=title,
        description=description,
        kind=kind,
        source=source,
        source_reference=source_reference,
        result=None,
        finding=None,
        node=node,
        site=site,
        owner=None,
        due_date=due_date,
    )
    return create_audited(
        actor=actor, organization=organization, instance=action, verb="action.raised"
    )


def _check_not_closed(action):
    if action.status in (ActionStatus.VERIFIED, ActionStatus.CANCELLED):
        raise ValidationError(_("This action is closed."), code="closed")


@transaction.atomic(durable=True)
def action_item_update(*, actor: Actor, action, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, action, field="action")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    _check_not_closed(action)
    require_own_site(actor.membership, changes.get("site"))
    check_member(actor.membership, "owner", changes.get("owner"))
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=action,
        changes=changes,
        expected_version=expected_version if expected_version is not None else action.version,
    )


@transaction.atomic(durable=True)
def action_item_progress(*, actor: Actor, action, status, expected_version=None):
    """The owner (or the compliance team) reports progress: open, in progress, implemented."""
    require_same_organization(actor.membership, action, field="action")
    if not can_progress_action(actor.membership, action):
        raise PermissionDenied(_("Only the compliance team or the action's owner may do this."))
    _check_not_closed(action)
    if status not in PROGRESS_STATUSES:
        raise ValidationError({"status": _("Choose open, in progress or implemented.")})
    changes = {"status": status}
    changes["implemented_at"] = timezone.now() if status == ActionStatus.IMPLEMENTED else None
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=action,
        changes=changes,
        expected_version=expected_version if expected_version is not None else action.version,
        verb=f"action.{str(status)}",
    )


@transaction.atomic(durable=True)
def action_item_verify(*, actor: Actor, action, effective, note, expected_version=None):
    """Check that the fix worked: effective closes the action, not effective reopens it."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, action, field="action")
    if action.status != ActionStatus.IMPLEMENTED:
        raise ValidationError(_("Only an implemented action can be verified."), code="state")
    if not (note or "").strip():
        raise ValidationError({"verification_note": _("Describe how the fix was checked.")})
    if effective:
        changes = {
            "status": ActionStatus.VERIFIED,
            "verified_by": actor.user,
            "verified_at": timezone.now(),
            "verification_note": note.strip(),
        }
    else:
        changes = {
            "status": ActionStatus.OPEN,
            "implemented_at": None,
            "verification_note": note.strip(),
        }
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=action,
        changes=changes,
        expected_version=expected_version if expected_version is not None else action.version,
        verb="action.verified" if effective else "action.reopened",
    )


@transaction.atomic(durable=True)
def action_item_cancel(*, actor: Actor, action, reason, expected_version=None):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, action, field="action")
    _check_not_closed(action)
    if not (reason or "").strip():
        raise ValidationError({"verification_note": _("Say why the action is cancelled.")})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=action,
        changes={"status": ActionStatus.CANCELLED, "verification_note": reason.strip()},
        verb="action.cancelled",
        expected_version=expected_version if expected_version is not None else action.version,
    )
