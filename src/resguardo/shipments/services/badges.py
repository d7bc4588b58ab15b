"""The register of official customs badges (gafetes) of the agency's people."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..choices import BadgeHolderKind, BadgeStatus
from ..models import CustomsBadge

BADGE_FIELDS = (
    "holder_name",
    "holder_kind",
    "user",
    "aduana",
    "badge_number",
    "issued_on",
    "expires_on",
    "status",
    "notes",
)


def _clean(organization, values: dict, *, exclude_pk=None) -> dict:
    errors = {}
    values = dict(values)
    values["holder_name"] = (values.get("holder_name") or "").strip()
    values["badge_number"] = (values.get("badge_number") or "").strip().upper()
    values["notes"] = (values.get("notes") or "").strip()[:300]
    if not values["holder_name"]:
        errors["holder_name"] = [_("Fill in this field.")]
    if not values["badge_number"]:
        errors["badge_number"] = [_("Fill in this field.")]
    if values.get("holder_kind") not in BadgeHolderKind.values:
        errors["holder_kind"] = [_("Choose who holds the badge.")]
    if values.get("status", BadgeStatus.ACTIVE) not in BadgeStatus.values:
        errors["status"] = [_("Choose a status.")]
    issued, expires = values.get("issued_on"), values.get("expires_on")
    if issued and expires and expires <= issued:
        errors["expires_on"] = [_("The expiry date must be after the issue date.")]
    if issued and issued > timezone.localdate():
        errors["issued_on"] = [_("The issue date is in the future.")]
    user = values.get("user")
    if user is not None and not user.memberships.filter(organization=organization).exists():
        errors["user"] = [_("This user is not a member of your organization.")]
    aduana = values.get("aduana")
    if aduana is not None and values["badge_number"]:
        duplicate = CustomsBadge.objects.filter(
            organization=organization, aduana=aduana, badge_number=values["badge_number"]
        )
        if exclude_pk is not None:
            duplicate = duplicate.exclude(pk=exclude_pk)
        if duplicate.exists():
            errors["badge_number"] = [
                _("The badge %(number)s of %(aduana)s is already in the register.")
                % {"number": values["badge_number"], "aduana": aduana}
            ]
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic(durable=True)
def badge_create(*, actor: Actor, **values) -> CustomsBadge:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    organization = actor.organization
    values = _clean(organization, {k: values.get(k) for k in BADGE_FIELDS if k in values})
    values.setdefault("status", BadgeStatus.ACTIVE)
    return create_audited(
        actor=actor,
        organization=organization,
        instance=CustomsBadge(organization=organization, **values),
    )


@transaction.atomic  # composed: a departure resolves badges inside its own transaction
def badge_update(*, actor: Actor, badge, expected_version=None, **changes) -> CustomsBadge:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, badge)
    merged = {name: getattr(badge, name) for name in BADGE_FIELDS}
    merged.update({k: v for k, v in changes.items() if k in BADGE_FIELDS})
    merged = _clean(actor.organization, merged, exclude_pk=badge.pk)
    if merged["status"] != badge.status:
        merged["status_changed_on"] = timezone.localdate()
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=badge,
        changes=merged,
        expected_version=expected_version,
    )
