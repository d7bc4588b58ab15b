"""Reads for tenancy and the audit log, always limited to the acting membership."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404

from .choices import SiteKind
from .models import Aduana, AuditEntry, Invitation, Membership, Patente, Site
from .permissions import Perm, allowed_site_ids, require_perm


def aduana_list():
    return Aduana.objects.filter(is_active=True)


def site_list(*, membership):
    queryset = Site.objects.filter(organization=membership.organization).select_related("aduana")
    ids = allowed_site_ids(membership)
    return queryset if ids is None else queryset.filter(pk__in=ids)


def recordable_sites(*, membership):
    """Active sites where the membership may record (its own sites when limited)."""
    return site_list(membership=membership).filter(is_active=True)


def site_get(*, membership, pk):
    return get_object_or_404(site_list(membership=membership), pk=pk)


def patente_list(*, membership):
    return Patente.objects.filter(organization=membership.organization).select_related("aduana")


def member_list(*, membership):
    return (
        Membership.objects.filter(organization=membership.organization)
        .select_related("user")
        .prefetch_related("sites")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def member_get(*, membership, pk):
    return get_object_or_404(member_list(membership=membership), pk=pk)


def member_user_list(*, membership, active_only=True):
    """The users who belong to the membership's organization: owners, inspectors, reviewers.

    `active_only=False` also accepts people whose membership was deactivated, for records that
    already name them.
    """
    members = Membership.objects.filter(organization=membership.organization)
    if active_only:
        members = members.filter(is_active=True)
    return get_user_model().objects.filter(pk__in=members.values("user_id"))


def invitation_list(*, membership, open_only=True):
    queryset = Invitation.objects.filter(organization=membership.organization).select_related(
        "invited_by"
    )
    if open_only:
        queryset = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    return queryset


def audit_entry_list(*, membership):
    require_perm(membership, Perm.VIEW_AUDIT_LOG)
    return AuditEntry.objects.filter(Q(organization=membership.organization)).select_related(
        "actor"
    )


def last_change(*, membership, instance):
    """The newest audit entry of one row of the organization (who saved it last, and when),
    or None. Any member may read it for a row they are editing."""
    return (
        AuditEntry.objects.filter(
            organization=membership.organization,
            object_type=instance._meta.label_lower,
            object_id=str(instance.pk),
        )
        .only("actor_label", "timestamp")
        .order_by("-sequence")
        .first()
    )


def audit_change_size(*, membership, entry) -> int:
    """How many entries of the organization belong to the same change as `entry`."""
    if entry.change_id is None:
        return 1
    return audit_entry_list(membership=membership).filter(change_id=entry.change_id).count()


def audit_entry_get(*, membership, pk):
    return get_object_or_404(audit_entry_list(membership=membership), pk=pk)


# Kinds of site where an agency keeps cargo or transport units itself.
CARGO_SITE_KINDS = (SiteKind.YARD, SiteKind.WAREHOUSE)


def organization_handles_cargo(organization) -> bool:
    """Whether the organization handles cargo itself: it has an active yard or warehouse.

    A customs agency that only clears goods (offices only) handles no cargo, so the criteria
    of other programmes written for cargo handlers (C-TPAT's warehouse, stuffing and
    conveyance criteria) are out of its scope."""
    return Site.objects.filter(
        organization=organization, is_active=True, kind__in=CARGO_SITE_KINDS
    ).exists()


def organization_facts(organization) -> frozenset[str]:
    """Applicability flags of the standards catalog that follow from the organization's own
    data (today only `handles_cargo`), for pages that have no assessment to ask."""
    return frozenset({"handles_cargo"} if organization_handles_cargo(organization) else ())


# Flags `organization_facts` decides; other flags (NEEC's `yard`) are chosen per assessment.
FACT_FLAGS = frozenset({"handles_cargo"})
