"""Checks every infosec service shares."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.models import Membership
from resguardo.core.permissions import require_same_organization

from ..access import require_manage


def acting(actor):
    """The organization the actor works for, once the actor may manage infosec records."""
    require_manage(actor.membership)
    return actor.organization


def require_own(actor, instance, *, field: str, message) -> None:
    require_same_organization(actor.membership, instance, field=field, message=message)


def require_member(actor, user, *, field: str) -> None:
    """A person named on a record must be (or have been) a member of the organization."""
    if user is None:
        return
    known = Membership.objects.filter(organization=actor.organization, user=user).exists()
    if not known:
        raise ValidationError(
            {field: _("%(user)s is not a member of this organization.") % {"user": user}},
            code="not_member",
        )


EARLIEST = datetime.date(1990, 1, 1)  # older than any record an agency keeps here


def require_not_future(value, *, field: str) -> None:
    """A date or time that already happened, and not before 1990 (a mistyped year)."""
    if isinstance(value, datetime.datetime):
        future = value > timezone.now() + datetime.timedelta(minutes=5)  # clocks drift a little
        day = timezone.localtime(value).date() if not future else None
    else:
        future, day = value > timezone.localdate(), value
    if future:
        raise ValidationError({field: _("This date is in the future.")}, code="future")
    if day < EARLIEST:
        raise ValidationError({field: _("Check the year: this date is too old.")}, code="old")


def changed(instance, changes: dict) -> dict:
    """Only the fields whose value differs (an unchanged save writes no audit entry)."""
    return {k: v for k, v in changes.items() if getattr(instance, k) != v}
