"""Who may do what with shipments, documents and customs badges.

- Reading (pages, API, downloads, exports): Perm.VIEW. Site managers and staff see only
  the shipments of their sites.
- Recording shipments, documents, the pre-transmission verification, transmitting,
  clearing, cancelling and importing: Perm.RECORD, at a site the member may use.
- The customs badge register: Perm.MANAGE_COMPLIANCE (compliance officer, administrator).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, allowed_site_ids, has_perm, require_perm


def require_same_organization(membership, instance) -> None:
    """Objects of another organization do not exist for this member."""
    if instance is None or instance.organization_id != membership.organization_id:
        raise Http404


def require_site(membership, site) -> None:
    if site is None or site.organization_id != membership.organization_id:
        raise Http404
    ids = allowed_site_ids(membership)
    if ids is not None and site.pk not in ids:
        raise PermissionDenied(
            _("You may only record for your own sites; %(site)s is not one of them.")
            % {"site": site}
        )


def require_record_at(membership, site) -> None:
    require_perm(membership, Perm.RECORD)
    require_site(membership, site)


def can_record(membership) -> bool:
    return has_perm(membership, Perm.RECORD)
