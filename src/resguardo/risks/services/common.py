"""Checks every risks service shares."""

import calendar
import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.models import Membership
from resguardo.core.permissions import require_own_site, require_same_organization


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_member(organization, field: str, user) -> None:
    """A person named on a record must be a current member of the organization."""
    if user is None:
        return
    member = Membership.objects.filter(
        organization=organization, user_id=user.pk, is_active=True
    ).exists()
    if not member:
        raise ValidationError({field: _("This person is not a member of the organization.")})


def check_members(organization, field: str, users) -> None:
    ids = {user.pk for user in users}
    found = set(
        Membership.objects.filter(
            organization=organization, user_id__in=ids, is_active=True
        ).values_list("user_id", flat=True)
    )
    if ids - found:
        raise ValidationError({field: _("This person is not a member of the organization.")})


def check_site(actor, site) -> None:
    if site is not None:
        require_own_site(actor.organization, site)


def check_own(actor, field: str, *instances) -> None:
    for instance in instances:
        require_same_organization(actor.organization, instance, field=field)


def require_text(values: dict, *fields) -> None:
    errors = {
        field: _("This field is required.")
        for field in fields
        if field in values and not str(values[field] or "").strip()
    }
    if errors:
        raise ValidationError(errors, code="required")


def user_label(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email


def users_by_pk(ids):
    return get_user_model().objects.filter(pk__in=ids)
