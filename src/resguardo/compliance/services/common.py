"""Checks shared by the compliance services."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.exceptions import FrozenRecordError
from resguardo.core.selectors import member_user_list

from ..models import Assessment


def lock_editable(assessment_id) -> Assessment:
    """Lock the assessment row and refuse when it is frozen.

    Every write that touches an assessment or its results goes through here, in the same
    transaction, so a freeze and an edit can never interleave.
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment_id)
    if assessment.is_frozen:
        raise FrozenRecordError(
            _("This assessment is frozen: it was signed off and can no longer change.")
        )
    return assessment


def check_member(membership, field: str, user) -> None:
    """An owner or assignee must be a current member of the organization."""
    if user is None:
        return
    if not member_user_list(membership=membership).filter(pk=user.pk).exists():
        raise ValidationError({field: _("This person is not a member of the organization.")})
