"""Dates and times written into messages people read: local time, the language's one format."""

from django.utils import timezone
from django.utils.formats import date_format


def local_date_text(value) -> str:
    """A date or an aware datetime as the reader's language writes a date (local calendar day)."""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATE_FORMAT")


def local_datetime_text(value) -> str:
    """An aware datetime in local time, as the reader's language writes a date and time."""
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
