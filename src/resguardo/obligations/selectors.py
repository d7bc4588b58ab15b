"""Reads of the obligations calendar. Every read goes through the member's organization and,
for due items, through `core.modules.due_dates(..., membership=...)` (permission and sites)."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.models import Membership, Notification
from resguardo.core.modules import DueDate, due_dates
from resguardo.core.permissions import restrict_to_sites

from .choices import DueStatus, EmailPreference
from .models import (
    DEFAULT_OFFSETS,
    CalendarFeed,
    NotificationPreference,
    RecurringObligation,
    ReminderPolicy,
)

# How far back the list view reaches for overdue items when no start is given.
LIST_DAYS_AHEAD = 90


@dataclass(frozen=True)
class ObligationFilter:
    """The calendar's filters, parsed once (forms.ObligationFilterForm) for the page and the
    API alike."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    standard: int | None = None
    site_id: int | None = None
    module: str = ""
    owner_id: int | None = None
    status: str = ""  # DueStatus or ""
    mine: bool = False


def obligation_list(*, membership, filters: ObligationFilter, today=None) -> list[DueDate]:
    """The member's visible obligations in the range (overdue ones included when no start)."""
    today = today or timezone.localdate()
    end = filters.end or today + datetime.timedelta(days=LIST_DAYS_AHEAD)
    start = filters.start
    if filters.status == DueStatus.OVERDUE:
        end = min(end, today - datetime.timedelta(days=1))
    elif filters.status == DueStatus.OPEN:
        start = max(start or today, today)
    if start is not None and start > end:
        return []
    items = due_dates(
        organization=membership.organization, start=start, end=end, membership=membership
    )
    owner_id = membership.user_id if filters.mine else filters.owner_id
    return [
        item
        for item in items
        if (filters.standard is None or item.standard == filters.standard)
        and (filters.site_id is None or item.site_id == filters.site_id)
        and (not filters.module or item.module == filters.module)
        and (owner_id is None or item.owner_id == owner_id)
    ]


def month_grid(year: int, month: int, items: list[DueDate], today=None) -> list[list[dict]]:
    """Weeks (Monday first) of days, each with its items, for the month view."""
    today = today or timezone.localdate()
    by_day: dict[datetime.date, list[DueDate]] = {}
    for item in items:
        by_day.setdefault(item.due_on, []).append(item)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "day": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "items": by_day.get(day, []),
                }
                for day in week
            ]
        )
    return weeks


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, month, 1)
    return first, datetime.date(year, month, calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------- internal cycle


def recurring_list(*, membership):
    rows = RecurringObligation.objects.filter(organization=membership.organization)
    rows = rows.select_related("owner", "site")
    # organization-wide rows and those of the member's sites
    scoped = restrict_to_sites(rows, membership)
    return rows.filter(Q(site__isnull=True) | Q(pk__in=scoped.values("pk")))


def recurring_get(*, membership, pk) -> RecurringObligation:
    return get_object_or_404(recurring_list(membership=membership), pk=pk)


def reminder_policy(*, organization) -> ReminderPolicy:
    """The stored policy, or an unsaved one with the defaults."""
    policy = ReminderPolicy.objects.filter(organization=organization).first()
    return policy or ReminderPolicy(organization=organization, offsets=list(DEFAULT_OFFSETS))


# --------------------------------------------------------------------------- notifications


def notification_list(*, membership):
    """The member's notifications in this organization, newest first."""
    return Notification.objects.filter(
        user_id=membership.user_id, organization=membership.organization
    )


def notification_get(*, membership, pk) -> Notification:
    return get_object_or_404(notification_list(membership=membership), pk=pk)


def unread_count(*, membership) -> int:
    return notification_list(membership=membership).filter(read_at__isnull=True).count()


def email_preference(*, user) -> str:
    stored = NotificationPreference.objects.filter(user=user).values_list("email", flat=True)
    return stored.first() or EmailPreference.IMMEDIATE


def active_feed(*, membership) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(
        organization=membership.organization, user_id=membership.user_id, revoked_at__isnull=True
    ).first()


def feed_by_token_hash(token_hash: str) -> CalendarFeed | None:
    """The live feed for this token hash with its member, or None (unknown, revoked, or the
    member no longer current: all look the same from outside)."""
    feed = (
        CalendarFeed.objects.filter(token_hash=token_hash, revoked_at__isnull=True)
        .select_related("organization", "user")
        .first()
    )
    if feed is None or not feed.user.is_active:
        return None
    membership = Membership.objects.filter(
        user_id=feed.user_id, organization_id=feed.organization_id
    ).first()
    if membership is None or not membership.is_current:
        return None
    feed.membership = membership
    return feed
