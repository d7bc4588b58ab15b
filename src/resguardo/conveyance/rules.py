"""The chain of custody as a state machine: which event may follow which.

Each refusal says what the seal's state is and what has to happen first, so the person at
the dock knows how to fix the order of events.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from resguardo.core.dates import local_datetime_text

from .choices import SealEventKind as Kind
from .choices import SealStatus as Status

# event kind → (statuses it may follow, status it leads to)
TRANSITIONS = {
    Kind.ISSUED: ({Status.IN_STOCK}, Status.ISSUED),
    Kind.RETURNED: ({Status.ISSUED}, Status.IN_STOCK),
    Kind.APPLIED: ({Status.ISSUED}, Status.APPLIED),
    Kind.VERIFIED: ({Status.APPLIED}, Status.APPLIED),
    Kind.REMOVED: ({Status.APPLIED, Status.COMPROMISED}, Status.REMOVED),
    Kind.DESTROYED: (
        {Status.IN_STOCK, Status.REMOVED, Status.COMPROMISED, Status.VOIDED},
        Status.DESTROYED,
    ),
    Kind.VOIDED: ({Status.IN_STOCK, Status.ISSUED}, Status.VOIDED),
    # The first and only placing of a seal customs put on the unit (never in our stock).
    Kind.CUSTOMS_SEALED: ({Status.IN_STOCK}, Status.APPLIED),
}

CLOCK_SKEW = datetime.timedelta(minutes=5)

# "Seal X cannot be <verb>": the past participle of each event.
EVENT_VERBS = {
    Kind.ISSUED: pgettext_lazy("seal event verb", "issued"),
    Kind.RETURNED: pgettext_lazy("seal event verb", "returned to stock"),
    Kind.APPLIED: pgettext_lazy("seal event verb", "applied"),
    Kind.VERIFIED: pgettext_lazy("seal event verb", "verified"),
    Kind.REMOVED: pgettext_lazy("seal event verb", "removed"),
    Kind.DESTROYED: pgettext_lazy("seal event verb", "destroyed"),
    Kind.VOIDED: pgettext_lazy("seal event verb", "voided"),
    Kind.CUSTOMS_SEALED: pgettext_lazy("seal event verb", "recorded as placed by customs"),
}


def _missing_since(seal):
    """The event that reported the seal lost or stolen, if it was."""
    from .choices import MISSING_VOID_REASONS

    if seal.status != Status.VOIDED or seal.pk is None:
        return None
    return (
        seal.events.filter(kind=Kind.VOIDED, void_reason__in=MISSING_VOID_REASONS)
        .order_by("-sequence")
        .first()
    )


def _hint(kind, seal) -> str:
    status = seal.status
    missing = _missing_since(seal)
    if missing is not None:
        return _(
            "It was reported %(reason)s on %(when)s and is blocked: never put it on a unit. "
            "If it turns up, hand it to a supervisor to be destroyed, and report any unit found "
            "with it."
        ) % {
            "reason": missing.get_void_reason_display().lower(),
            "when": local_datetime_text(missing.occurred_at),
        }
    if kind == Kind.APPLIED and status == Status.IN_STOCK:
        return _("It was never issued: issue it to the person who will apply it first.")
    if kind == Kind.APPLIED and status in (Status.APPLIED, Status.COMPROMISED):
        return _("A seal is used only once: it is already on %(unit)s.") % {
            "unit": seal.unit_number or "—"
        }
    if kind == Kind.VERIFIED and status in (Status.IN_STOCK, Status.ISSUED):
        return _("Record its application before verifying it.")
    if kind == Kind.VERIFIED and status == Status.COMPROMISED:
        return _("It already failed a verification: remove it and apply a replacement seal.")
    if kind == Kind.REMOVED and status in (Status.IN_STOCK, Status.ISSUED):
        return _("It was never applied, so it cannot be removed.")
    if kind == Kind.ISSUED and status == Status.ISSUED:
        return _("It is already issued; return it to stock first.")
    if status in (Status.DESTROYED, Status.REMOVED, Status.VOIDED):
        return _("Its chain of custody has ended; it cannot be used again.")
    return ""


def next_status(seal, kind) -> str:
    """The status after `kind`, or a ValidationError explaining why it is out of order."""
    allowed, target = TRANSITIONS[kind]
    if seal.status not in allowed:
        message = _("Seal %(number)s cannot be %(event)s: its status is “%(status)s”.") % {
            "number": seal.number,
            "event": EVENT_VERBS[kind],
            "status": Status(seal.status).label,
        }
        hint = _hint(kind, seal)
        raise ValidationError(f"{message} {hint}".strip(), code="out_of_order")
    return target


def check_time(seal, occurred_at) -> None:
    """Events are recorded in the order they happened, and never in the future."""
    now = timezone.now()
    if occurred_at > now + CLOCK_SKEW:
        raise ValidationError({"occurred_at": [_("The time is in the future.")]}, code="future")
    if seal.last_event_at is not None and occurred_at < seal.last_event_at:
        raise ValidationError(
            {
                "occurred_at": [
                    _(
                        "This event is dated %(when)s, before the last recorded event of seal "
                        "%(number)s (%(last)s). Events must be recorded in the order they "
                        "happened."
                    )
                    % {
                        "when": local_datetime_text(occurred_at),
                        "number": seal.number,
                        "last": local_datetime_text(seal.last_event_at),
                    }
                ]
            },
            code="out_of_order",
        )
