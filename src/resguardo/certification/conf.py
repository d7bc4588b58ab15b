"""The certification settings, read once and checked by name (see .env.example)."""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .choices import AvisoTrigger


def renewal_window_days() -> int:
    return settings.CERTIFICATION_RENEWAL_WINDOW_DAYS


def incident_aviso_days() -> int:
    return settings.CERTIFICATION_INCIDENT_AVISO_DAYS


def change_aviso_days() -> dict[str, int]:
    """{trigger: days to file} for the recorded changes that propose a change aviso."""
    found = {}
    for item in settings.CERTIFICATION_CHANGE_AVISOS:
        trigger, _sep, days = item.partition(":")
        if trigger not in AvisoTrigger.values or not days.isdigit() or int(days) < 1:
            raise ImproperlyConfigured(
                f"CERTIFICATION_CHANGE_AVISOS: {item!r} is not trigger:days with a known "
                f"trigger ({', '.join(AvisoTrigger.values)}) and at least one day"
            )
        found[trigger] = int(days)
    return found


def renewal_window_opens(expires_on: datetime.date) -> datetime.date:
    return expires_on - datetime.timedelta(days=renewal_window_days())
