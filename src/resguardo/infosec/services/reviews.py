"""Access reviews: every account of a system kept or revoked, then signed.

Resguardo's own accounts are the organization's memberships: a revocation is applied when the
review is signed, through core's membership service (the one place that changes memberships),
so the person loses access on their next request. Other systems' accounts are marked revoked
for the system's owner to remove them there.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core import services as core_services
from resguardo.core.choices import Role
from resguardo.core.models import Membership
from resguardo.core.permissions import Perm, has_perm
from resguardo.core.writes import create_audited, update_audited

from ..choices import AccountStatus, Decision, ReviewStatus
from ..models import AccessReview, AccessReviewItem, SystemAccount
from .common import acting, require_own

REVIEWED_ACCOUNT_STATUSES = (AccountStatus.ACTIVE, AccountStatus.DISABLED)


def _membership_items(review):
    members = (
        Membership.objects.filter(organization_id=review.organization_id, is_active=True)
        .select_related("user")
        .prefetch_related("sites")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    for member in members:
        if not member.is_current:
            continue
        sites = (
            _("all sites")
            if member.covers_all_sites
            else ", ".join(s.name for s in member.sites.all())
        )
        yield AccessReviewItem(
            organization_id=review.organization_id,
            review=review,
            membership=member,
            person=str(member.user),
            access=f"{Role(member.role).label} · {sites}" if sites else Role(member.role).label,
        )


def _account_items(review):
    accounts = SystemAccount.objects.filter(
        system=review.system, status__in=REVIEWED_ACCOUNT_STATUSES
    ).order_by("account_name")
    for account in accounts:
        access = account.account_name
        if account.privileges:
            access = f"{access} · {account.privileges}"
        yield AccessReviewItem(
            organization_id=review.organization_id,
            review=review,
            account=account,
            person=account.person_name or account.account_name,
            access=access,
        )


@transaction.atomic
def review_start(*, actor, system, notes="") -> AccessReview:
    """Open a review listing every current account of the system (one open review at a
    time per system)."""
    organization = acting(actor)
    require_own(actor, system, field="system", message=_("Unknown system."))
    if AccessReview.objects.filter(system=system, status=ReviewStatus.OPEN).exists():
        raise ValidationError(
            {"system": _("This system already has a review in progress: finish it first.")},
            code="open_review",
        )
    review = create_audited(
        actor=actor.user,
        organization=organization,
        instance=AccessReview(
            organization=organization,
            system=system,
            started_on=timezone.localdate(),
            started_by=actor.user,
            notes=notes,
        ),
        verb="infosec_review.started",
    )
    items = list(_membership_items(review) if system.is_builtin else _account_items(review))
    AccessReviewItem.objects.bulk_create(items)
    return review


def _require_open(review) -> None:
    if review.status != ReviewStatus.OPEN:
        raise ValidationError(_("This review is signed: it can no longer change."), code="signed")


@transaction.atomic
def review_decide(*, actor, item, decision, note="") -> AccessReviewItem:
    organization = acting(actor)
    require_own(actor, item, field="item", message=_("Unknown review item."))
    _require_open(item.review)
    if decision not in (Decision.KEEP, Decision.REVOKE):
        raise ValidationError({"decision": _("Choose keep or revoke.")}, code="invalid")
    if decision == Decision.REVOKE and item.membership_id == actor.membership.pk:
        raise ValidationError(
            {"decision": _("You cannot revoke your own access in a review you are doing.")},
            code="own_access",
        )
    if decision == Decision.REVOKE and not note.strip():
        raise ValidationError({"note": _("Say why the access is revoked.")}, code="reason_required")
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=item,
        changes={
            "decision": decision,
            "note": note,
            "decided_by": actor.user,
            "decided_at": timezone.now(),
        },
        verb=f"infosec_review.{decision}",
    )


def _revoke_membership(actor, member) -> None:
    """The one call into core's membership service: deactivate, keeping role and sites."""
    member.refresh_from_db()
    if not member.is_current:
        return  # it lapsed or was switched off meanwhile: nothing left to take away
    core_services.membership_update(
        actor=actor,
        target=member,
        role=member.role,
        sites=list(member.sites.all()),
        all_sites=member.all_sites,
        expires_at=member.expires_at,
        is_active=False,
    )


def _revoke_account(actor, account) -> None:
    update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=account,
        changes={"status": AccountStatus.REVOKED},
        verb="infosec_account.revoked",
    )


@transaction.atomic
def review_sign(*, actor, review, notes="", expected_version=None) -> AccessReview:
    """Sign the review (who and when) and apply every revocation in the same transaction."""
    organization = acting(actor)
    require_own(actor, review, field="review", message=_("Unknown review."))
    _require_open(review)
    items = list(review.items.select_related("membership", "account"))
    pending = [i.person for i in items if i.decision == Decision.PENDING]
    if pending:
        raise ValidationError(
            _("Decide every account before signing. Still open: %(people)s.")
            % {"people": ", ".join(pending[:10]) + ("…" if len(pending) > 10 else "")},
            code="pending",
        )
    revoked = [i for i in items if i.decision == Decision.REVOKE]
    if (
        review.system.is_builtin
        and revoked
        and not has_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    ):
        raise ValidationError(
            _(
                "This review revokes Resguardo memberships: an administrator must sign it, "
                "because only administrators change memberships."
            ),
            code="admin_signs",
        )
    for item in revoked:
        if item.membership is not None:
            _revoke_membership(actor, item.membership)
        else:
            _revoke_account(actor, item.account)
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=review,
        changes={
            "status": ReviewStatus.SIGNED,
            "signed_by": actor.user,
            "signed_at": timezone.now(),
            "notes": notes or review.notes,
        },
        expected_version=expected_version,
        verb="infosec_review.signed",
        data={"revoked": len(revoked)},
    )
