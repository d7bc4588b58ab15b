"""The nightly reminder run: for every organization, every open obligation within the
largest reminder offset (and every overdue one) gets at most one notification per offset.

Which offset: the tightest one already reached. An item due in 25 days with offsets 30, 7
and 1 gets the 30-day reminder; at 7 days the 7-day one; at 1 day the 1-day one. The day
after its due date it is overdue (one reminder), and after the policy's escalation days the
compliance officers and administrators are told (one notification). Each is keyed
`reminder:<item key>:<offset>` so core.notify's once-per-(user, key) rule makes a second run
(a restart, two schedulers) send nothing new.
"""

import datetime
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from resguardo.core.choices import Role
from resguardo.core.models import Membership, Notification, Organization
from resguardo.core.modules import DueDate, due_dates
from resguardo.core.notify import Message, notify_many
from resguardo.core.permissions import allowed_site_ids, has_perm

from .selectors import reminder_policy

OFFICER_ROLES = (Role.ADMIN, Role.COMPLIANCE)
OVERDUE = "overdue"
ESCALATION = "escalation"
KEY_CHUNK = 900

_date_text = lazy(lambda day: formats.date_format(day, "DATE_FORMAT"), str)


@dataclass
class RunSummary:
    organizations: int = 0
    items: int = 0
    written: int = 0


@dataclass
class _Member:
    membership: Membership
    site_ids: set[int] | None

    def may_see(self, item: DueDate) -> bool:
        if not has_perm(self.membership, item.perm):
            return False
        return self.site_ids is None or item.site_id is None or item.site_id in self.site_ids


def reminder_key(item: DueDate, stage) -> str:
    return f"reminder:{item.key}:{stage}"


def stage_for(item: DueDate, *, today, offsets, remind_when_overdue, escalate_after_days):
    """The reminder this item is due for today (an offset, OVERDUE, ESCALATION) or None."""
    days_left = (item.due_on - today).days
    if days_left >= 0:
        reached = [offset for offset in offsets if offset >= days_left]
        return min(reached) if reached else None
    if escalate_after_days and -days_left >= escalate_after_days:
        return ESCALATION
    return OVERDUE if remind_when_overdue else None


def _text(item: DueDate, stage, today):
    days_left = (item.due_on - today).days
    params = {"title": item.title, "date": _date_text(item.due_on), "days": abs(days_left)}
    if stage == ESCALATION:
        return _("Overdue for %(days)s days: %(title)s"), params
    if stage == OVERDUE:
        return _("Overdue since %(date)s: %(title)s"), params
    if days_left == 0:
        return _("Due today: %(title)s"), params
    if days_left == 1:
        return _("Due tomorrow: %(title)s"), params
    return _("Due in %(days)s days (%(date)s): %(title)s"), params


def _members(organization) -> list[_Member]:
    memberships = (
        Membership.objects.filter(organization=organization, is_active=True, user__is_active=True)
        .select_related("user")
        .prefetch_related("sites")
    )
    return [_Member(m, allowed_site_ids(m)) for m in memberships if m.is_current]


def _already_sent(organization, keys: set[str]) -> set[tuple[int, str]]:
    sent: set[tuple[int, str]] = set()
    ordered = sorted(keys)
    for start in range(0, len(ordered), KEY_CHUNK):
        chunk = ordered[start : start + KEY_CHUNK]
        sent.update(
            Notification.objects.filter(organization=organization, key__in=chunk).values_list(
                "user_id", "key"
            )
        )
    return sent


def remind_organization(organization, *, today=None) -> RunSummary:
    today = today or timezone.localdate()
    policy = reminder_policy(organization=organization)
    offsets = sorted(policy.offsets or [1], reverse=True)
    items = due_dates(
        organization=organization,
        start=None,
        end=today + datetime.timedelta(days=max(offsets)),
    )
    summary = RunSummary(organizations=1, items=len(items))
    staged = []
    for item in items:
        stage = stage_for(
            item,
            today=today,
            offsets=offsets,
            remind_when_overdue=policy.remind_when_overdue,
            escalate_after_days=policy.escalate_after_days,
        )
        if stage is not None:
            staged.append((item, stage))
    if not staged:
        return summary
    members = _members(organization)
    by_user = {m.membership.user_id: m for m in members}
    officers = [m for m in members if m.membership.role in OFFICER_ROLES]
    sent = _already_sent(organization, {reminder_key(item, stage) for item, stage in staged})
    messages = []
    for item, stage in staged:
        owner = by_user.get(item.owner_id)
        if owner is not None and not owner.may_see(item):
            owner = None
        if stage == ESCALATION or owner is None:
            recipients = [m for m in officers if m.may_see(item)]
            if stage == ESCALATION and owner is not None and owner not in recipients:
                recipients.append(owner)
        else:
            recipients = [owner]
        key = reminder_key(item, stage)
        title, params = _text(item, stage, today)
        for member in recipients:
            if (member.membership.user_id, key) in sent:
                continue
            messages.append(
                Message(
                    user=member.membership.user, key=key, title=title, url=item.url, params=params
                )
            )
    summary.written = notify_many(organization=organization, messages=messages)
    return summary


def run_reminders(*, today=None) -> RunSummary:
    """Every active organization's reminders for today (the nightly job)."""
    total = RunSummary()
    for organization in Organization.objects.order_by("pk"):
        result = remind_organization(organization, today=today)
        total.organizations += 1
        total.items += result.items
        total.written += result.written
    return total
