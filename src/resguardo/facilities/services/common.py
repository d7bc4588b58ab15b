"""Small checks the facilities services share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.selectors import member_user_list


def check_member(actor, field: str, user) -> None:
    """`user` (optional) must be a member of the acting organization."""
    if user is None:
        return
    if not member_user_list(membership=actor.membership).filter(pk=user.pk).exists():
        raise ValidationError({field: _("Choose a member of your organization.")})


def clean_text(value, field: str, *, required=False, label="") -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ValidationError({field: _("Fill in %(field)s.") % {"field": label or field}})
    return text
