"""The private iCal feed: the member's obligations as all-day events (icalendar library).

Each event's UID comes from the obligation's stable key, so when a date moves the calendar
app updates the same event instead of adding a second one."""

import datetime
import hashlib

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .choices import FeedScope
from .selectors import ObligationFilter, obligation_list

PAST_DAYS = 90
FUTURE_DAYS = 400


def event_uid(key: str, organization_id: int) -> str:
    digest = hashlib.sha256(f"{organization_id}:{key}".encode()).hexdigest()[:32]
    return f"{digest}@resguardo"


def feed_calendar(feed, *, today=None) -> bytes:
    today = today or timezone.localdate()
    membership = feed.membership
    filters = ObligationFilter(
        start=today - datetime.timedelta(days=PAST_DAYS),
        end=today + datetime.timedelta(days=FUTURE_DAYS),
        mine=feed.scope == FeedScope.MINE,
    )
    items = obligation_list(membership=membership, filters=filters, today=today)
    calendar = Calendar()
    calendar.add("prodid", "-//Resguardo//Obligations//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Resguardo · {membership.organization}")
    stamp = timezone.now()
    base = settings.PUBLIC_BASE_URL
    for item in items:
        event = Event()
        event.add("uid", event_uid(item.key, membership.organization_id))
        event.add("dtstamp", stamp)
        event.add("summary", str(item.title))
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + datetime.timedelta(days=1))
        if item.url:
            event.add("url", base + item.url)
        calendar.add_component(event)
    return calendar.to_ical()
