"""Date rules of the people module: month arithmetic, training states, re-check dates."""

import calendar
import datetime

from .choices import TrainingState


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def training_state(
    last_held_on: datetime.date | None,
    refresh_months: int,
    today: datetime.date,
    expiring_days: int,
) -> tuple[str, datetime.date | None]:
    """(state, expiry) of one required course for one person."""
    if last_held_on is None:
        return TrainingState.MISSING, None
    expires = add_months(last_held_on, refresh_months)
    if expires < today:
        return TrainingState.EXPIRED, expires
    if expires <= today + datetime.timedelta(days=expiring_days):
        return TrainingState.EXPIRING, expires
    return TrainingState.CURRENT, expires


def recheck_due_on(person, *, recheck_months: int) -> datetime.date | None:
    """When the person's clearance must be renewed: the sensitive post's re-check or the first
    check item to expire, whichever comes first. None when nothing is due."""
    if person.cleared_on is None:
        return None
    dates = []
    if person.post.sensitive:
        dates.append(add_months(person.cleared_on, recheck_months))
    if person.clearance_expires_on is not None:
        dates.append(person.clearance_expires_on)
    return min(dates) if dates else None


def clearance_current(person, *, recheck_months: int, today: datetime.date) -> bool:
    if person.cleared_on is None:
        return False
    due = recheck_due_on(person, recheck_months=recheck_months)
    return due is None or due > today
