"""Who may read and work on an incident. Confidential by default: administrators and
compliance officers see every incident; anyone else sees a confidential one only once added
to the case, and a non-confidential one only at their own sites."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, allowed_site_ids, has_perm

from .models import IncidentAccess


def sees_everything(membership) -> bool:
    return has_perm(membership, Perm.MANAGE_COMPLIANCE)


def visible_incidents(queryset, membership):
    """Restrict an organization's incidents to what this member may read."""
    if sees_everything(membership):
        return queryset
    if not has_perm(membership, Perm.VIEW):
        return queryset.none()
    added = Exists(
        IncidentAccess.objects.filter(incident=OuterRef("pk"), user_id=membership.user_id)
    )
    open_to_member = Q(confidential=False)
    site_ids = allowed_site_ids(membership)
    if site_ids is not None:
        open_to_member &= Q(site__in=site_ids)
    return queryset.filter(open_to_member | added)


def is_on_case(membership, incident) -> bool:
    return IncidentAccess.objects.filter(incident=incident, user_id=membership.user_id).exists()


def can_work_on(membership, incident) -> bool:
    """Add notes, people, checklist marks and evidence: the officers, or a member with
    Perm.RECORD who was added to the case."""
    if sees_everything(membership):
        return True
    return has_perm(membership, Perm.RECORD) and is_on_case(membership, incident)


def require_work_on(membership, incident) -> None:
    if not can_work_on(membership, incident):
        raise PermissionDenied(
            _("Only the compliance officers and the people added to the case may do this.")
        )


def require_not_closed(incident) -> None:
    if incident.is_closed:
        raise ValidationError(
            _("This incident is closed: reopen it first (the reopening is recorded)."),
            code="closed",
        )
