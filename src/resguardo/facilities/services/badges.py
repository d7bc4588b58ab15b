"""Badges: registered, issued to a person or a visit, returned, lost (deactivated)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import (
    Perm,
    require_perm,
    require_record_at,
    require_same_organization,
)
from resguardo.core.writes import create_audited, update_audited

from ..choices import BadgeKind, BadgeStatus
from ..models import Badge
from .common import check_member, clean_text


def normalize_badge_number(number) -> str:
    return "".join(str(number or "").split()).upper()


def badge_out_message(badge: Badge) -> str:
    since = (
        timezone.localtime(badge.issued_at).strftime("%Y-%m-%d %H:%M") if badge.issued_at else ""
    )
    return _("Badge %(number)s is already out (held by %(holder)s since %(since)s).") % {
        "number": badge.number,
        "holder": badge.holder_name or "—",
        "since": since,
    }


def check_issuable(badge: Badge, field: str = "badge") -> None:
    if badge.status == BadgeStatus.ISSUED:
        raise ValidationError({field: badge_out_message(badge)}, code="badge_out")
    if badge.status in (BadgeStatus.LOST, BadgeStatus.RETIRED):
        raise ValidationError(
            {
                field: _("Badge %(number)s is deactivated (%(status)s); issue another one.")
                % {"number": badge.number, "status": badge.get_status_display()}
            },
            code="badge_deactivated",
        )
    if badge.expires_on is not None and badge.expires_on < timezone.localdate():
        raise ValidationError(
            {
                field: _("Badge %(number)s expired on %(date)s.")
                % {"number": badge.number, "date": badge.expires_on.isoformat()}
            },
            code="badge_expired",
        )


@transaction.atomic
def badge_register(
    *, actor: Actor, site, number, kind, expires_on: datetime.date | None = None, note=""
) -> Badge:
    require_record_at(actor.membership, site)
    number = normalize_badge_number(number)
    if not number:
        raise ValidationError({"number": _("Type the badge number.")})
    if Badge.objects.filter(organization=actor.organization, number=number).exists():
        raise ValidationError(
            {"number": _("Badge %(number)s is already in the register.") % {"number": number}}
        )
    badge = Badge(
        organization=actor.organization,
        site=site,
        number=number,
        kind=kind,
        expires_on=expires_on,
        note=clean_text(note, "note"),
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=badge,
        verb="badge.registered",
        data={"badge": number},
    )


def locked_badge(badge: Badge) -> Badge:
    """The badge row, read again under a lock: two guards issuing it at once queue here."""
    return Badge.objects.select_for_update().get(pk=badge.pk)


@transaction.atomic
def badge_issue(
    *,
    actor: Actor,
    badge: Badge,
    holder_name="",
    holder_user=None,
    employee_number="",
    expires_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Badge:
    """Issue an employee or long-term provider badge to a person (visitor badges are issued
    at check-in)."""
    require_same_organization(actor.membership, badge, field="badge")
    require_record_at(actor.membership, badge.site)
    check_member(actor, "holder_user", holder_user)
    badge = locked_badge(badge)
    check_issuable(badge)
    holder_name = clean_text(holder_name, "holder_name")
    if holder_user is not None and not holder_name:
        holder_name = holder_user.get_full_name() or holder_user.email
    if not holder_name:
        raise ValidationError({"holder_name": _("Name the person who receives the badge.")})
    if badge.kind == BadgeKind.EMPLOYEE and expires_on is None and badge.expires_on is None:
        raise ValidationError({"expires_on": _("Employee badges need an expiry date.")})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=badge,
        changes={
            "status": BadgeStatus.ISSUED,
            "holder_name": holder_name,
            "holder_user": holder_user,
            "employee_number": clean_text(employee_number, "employee_number"),
            "issued_at": timezone.now(),
            "expires_on": expires_on or badge.expires_on,
            "visit": None,
        },
        expected_version=expected_version,
        verb="badge.issued",
        data={"badge": badge.number, "holder": holder_name},
    )


def release_badge(*, actor: Actor, badge: Badge, now, verb="badge.returned") -> Badge:
    """Back in the box: available again, no holder. Composed by check-out and badge_return."""
    from ..models import Visit

    if badge.visit_id is not None:
        Visit.objects.filter(pk=badge.visit_id, badge_returned_at__isnull=True).update(
            badge_returned_at=now
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=badge,
        changes={
            "status": BadgeStatus.AVAILABLE,
            "holder_name": "",
            "holder_user": None,
            "employee_number": "",
            "issued_at": None,
            "visit": None,
        },
        verb=verb,
        data={"badge": badge.number},
    )


@transaction.atomic
def badge_return(*, actor: Actor, badge: Badge) -> Badge:
    require_same_organization(actor.membership, badge, field="badge")
    require_record_at(actor.membership, badge.site)
    badge = locked_badge(badge)
    if badge.status != BadgeStatus.ISSUED:
        raise ValidationError(
            {
                "badge": _("Badge %(number)s is not out; there is nothing to return.")
                % {"number": badge.number}
            },
            code="badge_not_out",
        )
    return release_badge(actor=actor, badge=badge, now=timezone.now())


@transaction.atomic
def badge_mark_lost(*, actor: Actor, badge: Badge, note="") -> Badge:
    """A lost badge is deactivated for good: it can never be issued again."""
    require_same_organization(actor.membership, badge, field="badge")
    require_record_at(actor.membership, badge.site)
    badge = locked_badge(badge)
    if badge.status == BadgeStatus.LOST:
        raise ValidationError(
            {"badge": _("Badge %(number)s is already recorded as lost.") % {"number": badge.number}}
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=badge,
        changes={"status": BadgeStatus.LOST, "note": clean_text(note, "note")[:300]},
        verb="badge.lost",
        data={"badge": badge.number, "holder": badge.holder_name},
    )


@transaction.atomic
def badge_retire(*, actor: Actor, badge: Badge) -> Badge:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, badge, field="badge")
    badge = locked_badge(badge)
    if badge.status == BadgeStatus.ISSUED:
        raise ValidationError({"badge": _("Take the badge back before retiring it.")})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=badge,
        changes={"status": BadgeStatus.RETIRED},
        verb="badge.retired",
        data={"badge": badge.number},
    )
