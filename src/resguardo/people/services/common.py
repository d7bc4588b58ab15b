"""Small shared steps of the people services."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, require_perm, require_same_organization


def require_personnel(actor) -> None:
    """Personnel records are written (and read) by administrators and compliance only."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)


def own(actor, instance, field, message=None) -> None:
    require_same_organization(actor.membership, instance, field=field, message=message)


def required_text(value, field, message) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: [message]}, code="required")
    return text


def require_active(person, field="person") -> None:
    if person.status != "active":
        raise ValidationError(
            {field: [_("%(person)s has left the organization.") % {"person": person.full_name}]},
            code="departed",
        )
