"""Who may do what in the compliance app, on top of the core role table.

- Every member (Perm.VIEW) reads assessments, results, evidence, actions and audits of the
  organization. Site managers and staff limited to sites see organization-wide records and
  those of their sites only.
- Compliance officers and administrators (Perm.MANAGE_COMPLIANCE) create and edit
  assessments, evidence, actions and audits; Perm.APPROVE signs off results and freezes
  assessments.
- Assignees: a member with Perm.RECORD (site manager, staff) who owns a requirement result may
  answer it (result, score, answer, justification, comments) and attach evidence to it; an
  action item's owner may report progress on it (in progress, implemented). Assigning,
  reviewing, verifying and freezing stay with the compliance roles.
- Confidential evidence (standard 9) is visible only to administrators, compliance officers
  and auditors (Perm.READ_CONFIDENTIAL): for everyone else it is absent from lists and its
  download answers 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, allowed_site_ids, has_perm

from .choices import Classification


def can_manage(membership) -> bool:
    return has_perm(membership, Perm.MANAGE_COMPLIANCE)


def can_approve(membership) -> bool:
    return has_perm(membership, Perm.APPROVE)


def can_see_confidential(membership) -> bool:
    return has_perm(membership, Perm.READ_CONFIDENTIAL)  # every role holding it also views


def visible_classifications(membership) -> list[str]:
    if can_see_confidential(membership):
        return list(Classification.values)
    return [Classification.PUBLIC, Classification.INTERNAL]


def site_q(membership, field: str = "site") -> Q:
    """Organization-wide rows (no site) and rows of the sites the membership may see."""
    ids = allowed_site_ids(membership)
    if ids is None:
        return Q()
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": ids})


def can_answer(membership, result) -> bool:
    if can_manage(membership):
        return True
    return (
        has_perm(membership, Perm.RECORD)
        and result.owner_id is not None
        and result.owner_id == membership.user_id
    )


def require_answer(membership, result) -> None:
    if not can_answer(membership, result):
        raise PermissionDenied(
            _("Only the compliance team or the person assigned may answer this requirement.")
        )


def can_progress_action(membership, action) -> bool:
    if can_manage(membership):
        return True
    return has_perm(membership, Perm.RECORD) and action.owner_id == membership.user_id
