"""Which organization a request acts for, and as which membership."""

from django.db.models import Q
from django.utils import timezone

from .models import Membership


def current_memberships(user):
    today = timezone.localdate()
    return (
        Membership.objects.filter(user=user, is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gte=today))
        .select_related("organization")
        .order_by("organization__legal_name")
    )


def resolve_membership(user, requested_org_id=None):
    """The membership a request acts under: the one asked for (API header), else the user's
    last chosen organization, else the first. None when the user has no current membership."""
    if user is None or not user.is_authenticated:
        return None
    return choose_membership(user, usable_memberships(user), requested_org_id)


def usable_memberships(user) -> list:
    """The user's current memberships with their sites, read once per request (the
    organization switcher shows the same list)."""
    return list(current_memberships(user).prefetch_related("sites"))


def choose_membership(user, memberships: list, requested_org_id=None):
    if requested_org_id is not None:
        try:
            org_id = int(requested_org_id)
        except (TypeError, ValueError):
            return None
        return next((m for m in memberships if m.organization_id == org_id), None)
    preferred = getattr(user, "active_organization_id", None)
    for membership in memberships:
        if membership.organization_id == preferred:
            return membership
    return memberships[0] if memberships else None
