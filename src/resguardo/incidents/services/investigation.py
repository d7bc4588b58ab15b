"""The investigation file: details, checklist, people, timeline, case members, actions,
closure and reopening."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.models import Membership
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, delete_audited, update_audited

from ..access import require_not_closed, require_work_on
from ..choices import ChecklistItem, IncidentStatus, PersonRole, Severity, TimelineKind
from ..compliance_link import corrective_action_create
from ..models import Incident, IncidentAccess, IncidentAction, IncidentPerson
from .common import timeline_add

DETAIL_FIELDS = (
    "title",
    "description",
    "category",
    "severity",
    "location",
    "occurred_at",
    "people_text",
    "references",
    "confidential",
    "root_cause",
    "lessons_learned",
)


def _own(actor, incident):
    require_same_organization(actor.membership or actor.organization, incident)


@transaction.atomic
def incident_update(*, actor: Actor, incident: Incident, expected_version=None, **changes):
    """Edit the file's details. Officers only; refused once closed."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, incident)
    require_not_closed(incident)
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed: %(f)s") % {"f": ", ".join(unknown)}
        )
    category = changes.get("category")
    if category is not None:
        require_same_organization(actor.membership, category, field="category")
    if "severity" in changes and changes["severity"] not in Severity.values:
        raise ValidationError({"severity": _("Choose a severity.")})
    if "title" in changes and not (changes["title"] or "").strip():
        raise ValidationError({"title": _("Give the incident a title.")})
    if "description" in changes and not (changes["description"] or "").strip():
        raise ValidationError({"description": _("Say what happened.")})
    if incident.status == IncidentStatus.OPEN:
        changes["status"] = IncidentStatus.INVESTIGATING
    return update_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=incident,
        changes=changes,
        expected_version=expected_version,
        verb="incident.updated",
    )


@transaction.atomic
def checklist_mark(*, actor: Actor, incident: Incident, item: str, done: bool, note: str = ""):
    require_work_on(actor.membership, incident)
    require_not_closed(incident)
    if item not in ChecklistItem.values:
        raise ValidationError({"item": _("Choose an item of the checklist.")})
    checklist = dict(incident.checklist or {})
    checklist[item] = {
        "done": bool(done),
        "note": (note or "").strip()[:500],
        "by": actor.user.get_full_name() or actor.user.email,
        "at": timezone.now().isoformat(),
    }
    return update_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=incident,
        changes={"checklist": checklist},
        verb="incident.checklist_marked",
        data={"item": str(ChecklistItem(item).label)},
    )


@transaction.atomic
def note_add(*, actor: Actor, incident: Incident, text: str, at=None):
    require_work_on(actor.membership, incident)
    require_not_closed(incident)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    if at and at > timezone.now():
        raise ValidationError({"at": _("This time is in the future.")})
    return timeline_add(actor=actor, incident=incident, kind=TimelineKind.NOTE, text=text, at=at)


@transaction.atomic
def person_add(*, actor: Actor, incident: Incident, name: str, role: str, company="", note=""):
    require_work_on(actor.membership, incident)
    require_not_closed(incident)
    if not (name or "").strip():
        raise ValidationError({"name": _("Give the person's name.")})
    if role not in PersonRole.values:
        raise ValidationError({"role": _("Choose the person's role in the case.")})
    return create_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=IncidentPerson(
            organization=incident.organization,
            incident=incident,
            name=name.strip(),
            role=role,
            company=(company or "").strip(),
            note=(note or "").strip(),
        ),
        verb="incident.person_added",
    )


@transaction.atomic
def access_grant(*, actor: Actor, incident: Incident, user):
    """Add a member to a confidential case (they may then read it and work on it)."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, incident)
    if (
        user is None
        or not Membership.objects.filter(
            organization=incident.organization, user=user, is_active=True
        ).exists()
    ):
        raise ValidationError({"user": _("Choose a member of the organization.")})
    existing = IncidentAccess.objects.filter(incident=incident, user=user).first()
    if existing is not None:
        return existing
    return create_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=IncidentAccess(
            organization=incident.organization, incident=incident, user=user, added_by=actor.user
        ),
        verb="incident.member_added",
        data={"member": str(user)},
    )


@transaction.atomic
def access_revoke(*, actor: Actor, access: IncidentAccess):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, access)
    delete_audited(
        actor=actor.user,
        organization=access.organization,
        instance=access,
        verb="incident.member_removed",
        data={"member": str(access.user)},
    )


@transaction.atomic
def action_add(
    *, actor: Actor, incident: Incident, title, description="", kind=None, owner=None, due_date=None
):
    """A corrective or preventive action in the compliance module, linked to the incident."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, incident)
    require_not_closed(incident)
    action = corrective_action_create(
        actor=actor,
        incident=incident,
        title=title,
        description=description,
        kind=kind,
        owner=owner,
        due_date=due_date,
    )
    link = IncidentAction.objects.create(
        organization=incident.organization, incident=incident, action=action
    )
    timeline_add(
        actor=actor,
        incident=incident,
        kind=TimelineKind.STATUS,
        text=_("Action raised: %(title)s") % {"title": action.title},
    )
    return link


@transaction.atomic
def incident_close(
    *,
    actor: Actor,
    incident: Incident,
    root_cause: str = "",
    lessons_learned: str = "",
    no_action_reason: str = "",
    expected_version=None,
):
    """Close the file: a root cause, and at least one action or a written reason for none."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, incident)
    require_not_closed(incident)
    root_cause = (root_cause or incident.root_cause or "").strip()
    no_action_reason = (no_action_reason or "").strip()
    errors = {}
    if not root_cause:
        errors["root_cause"] = _("State the root cause before closing.")
    if not incident.actions.exists() and not no_action_reason:
        errors["no_action_reason"] = _(
            "Raise at least one corrective action, or explain why none is needed."
        )
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    incident = update_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=incident,
        changes={
            "status": IncidentStatus.CLOSED,
            "root_cause": root_cause,
            "lessons_learned": (lessons_learned or incident.lessons_learned or "").strip(),
            "no_action_reason": no_action_reason,
            "closed_at": now,
            "closed_by": actor.user,
        },
        expected_version=expected_version,
        verb="incident.closed",
    )
    timeline_add(actor=actor, incident=incident, kind=TimelineKind.STATUS, text=_("Closed"), at=now)
    return incident


@transaction.atomic
def incident_reopen(*, actor: Actor, incident: Incident, reason: str, expected_version=None):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _own(actor, incident)
    if not incident.is_closed:
        raise ValidationError(_("This incident is not closed."), code="not_closed")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the incident is reopened.")})
    incident = update_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=incident,
        changes={
            "status": IncidentStatus.INVESTIGATING,
            "closed_at": None,
            "closed_by": None,
            "reopen_count": incident.reopen_count + 1,
        },
        expected_version=expected_version,
        verb="incident.reopened",
        data={"reason": reason},
    )
    timeline_add(
        actor=actor,
        incident=incident,
        kind=TimelineKind.STATUS,
        text=_("Reopened: %(reason)s") % {"reason": reason},
    )
    return incident
