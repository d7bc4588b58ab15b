"""Which organization a request acts for, and as which membership."""

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from .models import Membership
from .permissions import SITE_SCOPED_ROLES


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
    """The user's current memberships, read once per request (the organization switcher shows
    the same list), with their sites where the role is limited to some (as
    permissions.allowed_site_ids reads them). This runs on every request: sorted here rather
    than in SQL, and no sites query for the others. Each knows its user already (pages read
    `membership.user`; it would be read again)."""
    memberships = sorted(
        current_memberships(user).order_by(), key=lambda m: m.organization.legal_name
    )
    for membership in memberships:
        membership.user = user
    limited = [m for m in memberships if m.role in SITE_SCOPED_ROLES and not m.all_sites]
    if limited:
        prefetch_related_objects(limited, "sites")
    return memberships


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
