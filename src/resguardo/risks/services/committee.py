"""Writes for the security committee: its members and its meetings with their decisions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited, update_audited

from ..models import CommitteeDecision, CommitteeMeeting, CommitteeMember
from .common import check_member, check_own, require_text

MEMBER_FIELDS = ("user", "name", "department", "committee_role", "email", "phone", "is_active")


@transaction.atomic
def committee_member_add(
    *, actor, name, department, committee_role, user=None, email="", phone=""
) -> CommitteeMember:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    values = {"name": name, "department": department, "committee_role": committee_role}
    require_text(values, *values)
    check_member(actor.organization, "user", user)
    member = CommitteeMember(
        organization=actor.organization,
        user=user,
        email=email,
        phone=phone,
        **{key: value.strip() for key, value in values.items()},
    )
    return create_audited(actor=actor.user, organization=actor.organization, instance=member)


@transaction.atomic
def committee_member_update(*, actor, member, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "member", member)
    unknown = set(changes) - set(MEMBER_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    require_text(changes, "name", "department", "committee_role")
    check_member(actor.organization, "user", changes.get("user"))
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=member,
        changes=changes,
        expected_version=expected_version,
    )


@transaction.atomic
def meeting_record(*, actor, held_on, minutes, attendees=(), decisions=(), place=""):
    """A meeting with its minutes, who attended and each decision taken (one per line)."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_text({"minutes": minutes}, "minutes")
    for attendee in attendees:
        check_own(actor, "attendees", attendee)
    decisions = [text.strip() for text in decisions if text and text.strip()]
    for text in decisions:
        if len(text) > 500:
            raise ValidationError({"decisions": _("Keep each decision under 500 characters.")})
    meeting = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=CommitteeMeeting(
            organization=actor.organization,
            held_on=held_on,
            place=place,
            minutes=minutes,
            recorded_by=actor.user,
        ),
        m2m={"attendees": list(attendees)},
        verb="risks.meeting.recorded",
    )
    CommitteeDecision.objects.bulk_create(
        CommitteeDecision(organization=actor.organization, meeting=meeting, number=n, text=text)
        for n, text in enumerate(decisions, start=1)
    )
    return meeting
