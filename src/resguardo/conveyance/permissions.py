"""Who may do what with seals and inspections.

- Reading (pages, API, photos, exports): Perm.VIEW; site managers and staff only see the
  seals, events, inspections and discrepancies of their sites.
- Recording (receiving a seal lot, issuing, returning, applying, VVTT verification,
  removal, inspections): Perm.RECORD, at a site the member may use.
- Supervisor decisions (releasing or rejecting a held unit, signing off an inspection,
  seal audits, destroying or voiding seals, closing discrepancies): a supervisor, that is a
  member with Perm.MANAGE_COMPLIANCE (compliance officer, administrator) or a site manager
  (for their own sites). Staff and auditors never decide; nobody reviews their own inspection.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from resguardo.core.choices import Role
from resguardo.core.permissions import Perm, has_perm, require_site


def is_supervisor(membership) -> bool:
    if has_perm(membership, Perm.MANAGE_COMPLIANCE):
        return True
    return membership is not None and membership.is_current and membership.role == Role.SITE_MANAGER


def require_supervisor_at(membership, site) -> None:
    if not is_supervisor(membership):
        raise PermissionDenied(
            _("Only a supervisor (site manager or compliance officer) may decide this.")
        )
    require_site(membership, site)
