"""Writes of the obligations calendar. Every service takes `actor` (core.actors.Actor).

Plain `transaction.atomic` rather than durable: the API's schema fuzz runs every request inside
a transaction of its own, and the demo seeder composes some of these."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.models import Notification
from resguardo.core.permissions import (
    Perm,
    require_perm,
    require_record_at,
    require_same_organization,
)
from resguardo.core.selectors import member_user_list
from resguardo.core.writes import create_audited, update_audited

from .choices import CYCLE_STANDARDS, CycleKind, EmailPreference, FeedScope
from .models import CalendarFeed, NotificationPreference, RecurringObligation, ReminderPolicy

MAX_OFFSET_DAYS = 365


def _require_member_owner(actor, owner) -> None:
    if owner is None:
        return
    if not member_user_list(membership=actor.membership).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": _("Choose a member of your organization.")})


def _check_recurring(actor, *, owner, site, last_done_on) -> None:
    _require_member_owner(actor, owner)
    if site is not None:
        require_same_organization(actor.membership, site, field="site")
    if last_done_on is not None and last_done_on > timezone.localdate():
        raise ValidationError(
            {"last_done_on": _("The date it was last done cannot be in the future.")}
        )


@transaction.atomic
def recurring_create(
    *,
    actor,
    kind,
    title="",
    standard=None,
    frequency_months=12,
    first_due_on,
    last_done_on=None,
    owner=None,
    site=None,
    notes="",
) -> RecurringObligation:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _check_recurring(actor, owner=owner, site=site, last_done_on=last_done_on)
    obligation = RecurringObligation(
        organization=actor.organization,
        kind=kind,
        title=title or CycleKind(kind).label,
        standard=standard if standard is not None else CYCLE_STANDARDS.get(kind),
        frequency_months=frequency_months,
        first_due_on=first_due_on,
        last_done_on=last_done_on,
        owner=owner,
        site=site,
        notes=notes,
    )
    return create_audited(actor=actor.user, organization=actor.organization, instance=obligation)


@transaction.atomic
def recurring_update(*, actor, obligation, expected_version, **changes) -> RecurringObligation:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, obligation)
    _check_recurring(
        actor,
        owner=changes.get("owner", obligation.owner),
        site=changes.get("site", obligation.site),
        last_done_on=changes.get("last_done_on", obligation.last_done_on),
    )
    if not changes.get("title", obligation.title):
        changes["title"] = CycleKind(changes.get("kind", obligation.kind)).label
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=obligation,
        changes=changes,
        expected_version=expected_version,
    )


@transaction.atomic
def recurring_record_done(*, actor, obligation, done_on, expected_version=None):
    """Mark this cycle done on `done_on`: the next date moves one frequency later. The
    owner may do it, as may the compliance roles."""
    require_same_organization(actor.membership, obligation)
    if obligation.owner_id != getattr(actor.user, "pk", None):
        require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    elif obligation.site is not None:
        require_record_at(actor.membership, obligation.site)
    else:
        require_perm(actor.membership, Perm.RECORD)
    if done_on is None:
        raise ValidationError({"done_on": _("Enter the date it was done.")})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date it was done cannot be in the future.")})
    if obligation.last_done_on and done_on < obligation.last_done_on:
        raise ValidationError({"done_on": _("It was already recorded as done on a later date.")})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=obligation,
        changes={"last_done_on": done_on},
        expected_version=expected_version,
        verb="recurring_obligation.done",
        data={"date": done_on.isoformat()},
    )


@transaction.atomic
def internal_cycle_setup(*, actor, first_due_on) -> list[RecurringObligation]:
    """Add the E4 yearly cycle items the organization does not have yet (each once a year)."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    have = set(
        RecurringObligation.objects.filter(organization=actor.organization).values_list(
            "kind", flat=True
        )
    )
    created = []
    for kind in CycleKind:
        if kind == CycleKind.OTHER or kind in have:
            continue
        obligation = RecurringObligation(
            organization=actor.organization,
            kind=kind,
            title=str(kind.label),
            standard=CYCLE_STANDARDS.get(kind),
            frequency_months=12,
            first_due_on=first_due_on,
        )
        created.append(
            create_audited(actor=actor.user, organization=actor.organization, instance=obligation)
        )
    return created


# --------------------------------------------------------------------------- reminder policy


def _clean_offsets(offsets) -> list[int]:
    try:
        values = sorted({int(value) for value in offsets}, reverse=True)
    except (TypeError, ValueError):
        raise ValidationError(
            {"offsets": _("Write whole numbers of days, separated by commas.")}
        ) from None
    if not values or any(v < 1 or v > MAX_OFFSET_DAYS for v in values):
        raise ValidationError(
            {"offsets": _("Each reminder must be between 1 and 365 days before the due date.")}
        )
    return values


@transaction.atomic
def reminder_policy_set(
    *, actor, offsets, remind_when_overdue, escalate_after_days, expected_version=None
) -> ReminderPolicy:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    changes = {
        "offsets": _clean_offsets(offsets),
        "remind_when_overdue": remind_when_overdue,
        "escalate_after_days": escalate_after_days,
    }
    policy = ReminderPolicy.objects.filter(organization=actor.organization).first()
    if policy is None:
        return create_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=ReminderPolicy(organization=actor.organization, **changes),
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=policy,
        changes=changes,
        expected_version=expected_version,
    )


# --------------------------------------------------------------------------- the user's own


@transaction.atomic
def email_preference_set(*, actor, email: str) -> NotificationPreference:
    if email not in EmailPreference.values:
        raise ValidationError({"email": _("Choose one of the e-mail options.")})
    preference, _created = NotificationPreference.objects.update_or_create(
        user=actor.user, defaults={"email": email}
    )
    return preference


@transaction.atomic
def notification_mark_read(*, actor, notification) -> Notification:
    if notification.user_id != actor.user.pk:
        raise ValidationError(_("This notification is not yours."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        notification.refresh_from_db(fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor) -> int:
    return Notification.objects.filter(
        user=actor.user, organization=actor.organization, read_at__isnull=True
    ).update(read_at=timezone.now())


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, actor, scope=FeedScope.ALL) -> tuple[CalendarFeed, str]:
    """A new private feed address for the acting member (the previous one stops working).
    Returns the feed and its token: the only time the token is known."""
    require_perm(actor.membership, Perm.VIEW)
    if scope not in FeedScope.values:
        raise ValidationError({"scope": _("Choose which obligations the feed lists.")})
    _revoke(actor)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(
        organization=actor.organization,
        user=actor.user,
        token_hash=hash_feed_token(token),
        scope=scope,
    )
    feed = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=feed,
        verb="calendar_feed.created",
    )
    return feed, token


def _revoke(actor) -> int:
    feeds = CalendarFeed.objects.filter(
        organization=actor.organization, user=actor.user, revoked_at__isnull=True
    )
    count = 0
    for feed in feeds:
        update_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=feed,
            changes={"revoked_at": timezone.now()},
            verb="calendar_feed.revoked",
        )
        count += 1
    return count


@transaction.atomic
def calendar_feed_revoke(*, actor) -> int:
    require_perm(actor.membership, Perm.VIEW)
    return _revoke(actor)
