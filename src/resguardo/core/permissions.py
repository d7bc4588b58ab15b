"""What each role may do. One table, read by views, the API and services alike."""

from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .choices import Role
from .exceptions import OtherOrganizationError


class Perm(StrEnum):
    VIEW = "view"  # read the organization's records
    RECORD = "record"  # enter operational records (seals, visitors, inspections...)
    MANAGE_COMPLIANCE = "manage_compliance"  # assessments, evidence, actions, audits, partners
    APPROVE = "approve"  # sign off and freeze assessments
    MANAGE_ORGANIZATION = "manage_organization"  # settings, sites, members, roles
    VIEW_AUDIT_LOG = "view_audit_log"
    # confidential records: evidence classified confidential, the information-security archive
    READ_CONFIDENTIAL = "read_confidential"


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.COMPLIANCE: frozenset(
        {
            Perm.VIEW,
            Perm.RECORD,
            Perm.MANAGE_COMPLIANCE,
            Perm.APPROVE,
            Perm.VIEW_AUDIT_LOG,
            Perm.READ_CONFIDENTIAL,
        }
    ),
    Role.SITE_MANAGER: frozenset({Perm.VIEW, Perm.RECORD}),
    Role.STAFF: frozenset({Perm.VIEW, Perm.RECORD}),
    Role.AUDITOR: frozenset({Perm.VIEW, Perm.VIEW_AUDIT_LOG, Perm.READ_CONFIDENTIAL}),
}

SITE_SCOPED_ROLES = frozenset({Role.SITE_MANAGER, Role.STAFF})


def perm_names(role: str) -> frozenset[str]:
    """The role's permissions by name, as templates test them (`"record" in perms_in_org`)."""
    return frozenset(p.value for p in ROLE_PERMISSIONS.get(role, ()))


def has_perm(membership, perm: Perm) -> bool:
    return (
        membership is not None
        and membership.is_current
        and perm in ROLE_PERMISSIONS.get(membership.role, frozenset())
    )


def require_perm(membership, perm: Perm) -> None:
    """Raise PermissionDenied unless the membership grants `perm` (used by services)."""
    if not has_perm(membership, perm):
        raise PermissionDenied(_("Your role does not allow this action."))


def allowed_site_ids(membership) -> set[int] | None:
    """Sites a membership is limited to, or None for all sites of the organization.

    "All sites" is an explicit choice (`Membership.all_sites`): a site manager or staff member
    with no sites and without it gets an empty set, i.e. no site at all, never every site.
    """
    if membership is None or membership.role not in SITE_SCOPED_ROLES or membership.all_sites:
        return None
    return {site.pk for site in membership.sites.all()}


def restrict_to_sites(queryset, membership, site_field: str = "site"):
    """Limit a site-bound queryset to the sites the membership may see (none if it has none)."""
    ids = allowed_site_ids(membership)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{site_field}__in": ids})


def require_same_organization(owner, instance, *, field=None, message=None) -> None:
    """The one check that a record handed to a service belongs to the acting organization.

    `owner` is the acting membership, or the organization itself on system paths (event
    handlers, imports run by the system). Raises OtherOrganizationError (a ValidationError:
    400 in the API, a form error on a page) under `field` when given. None passes: an
    optional relation left empty is not foreign.
    """
    organization_id = owner.organization_id if hasattr(owner, "organization_id") else owner.pk
    if instance is not None and instance.organization_id != organization_id:
        raise OtherOrganizationError(message, field=field)


def require_own_site(owner, site) -> None:
    """`require_same_organization` for a site, in the words people see for sites."""
    require_same_organization(
        owner, site, field="site", message=_("This site belongs to another organization.")
    )


def require_site(membership, site) -> None:
    """A site of the organization that the member may use (their own sites when limited)."""
    if site is None:
        raise ValidationError({"site": _("Choose a site.")}, code="required")
    require_own_site(membership, site)
    ids = allowed_site_ids(membership)
    if ids is not None and site.pk not in ids:
        raise PermissionDenied(
            _("You may only record for your own sites; %(site)s is not one of them.")
            % {"site": site}
        )


def require_record_at(membership, site) -> None:
    """Perm.RECORD, at a site the member may use."""
    require_perm(membership, Perm.RECORD)
    require_site(membership, site)
