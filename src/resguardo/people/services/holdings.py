"""The one place where the people module reaches into other apps: a departure deactivates
the person's Resguardo membership (core) and revokes their API tokens (accounts), and the
official customs gafetes the agency registers under standard 6.2 (shipments' badge register)
are listed on the person's file and on the departure checklist, and marked returned or lost
from there. (Shipments declares no `held_items` provider yet; once it does, the badge part
below goes and the registry brings the badges like any other module's items.)

Core's `membership_update` needs Perm.MANAGE_ORGANIZATION and the whole membership form;
a departure is recorded by compliance too, so the membership is deactivated with core's
`membership_revoke` (which keeps core's rule that an organization keeps an active
administrator).
Tokens are revoked with accounts' `api_token_revoke`; tokens belong to the user, not to one
organization, so they are kept when the user is still an active member elsewhere.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.accounts.models import ApiToken
from resguardo.accounts.services import api_token_revoke
from resguardo.core.models import Membership
from resguardo.core.modules import HeldItem
from resguardo.core.search import name_key
from resguardo.core.services import membership_revoke
from resguardo.shipments.choices import BadgeStatus
from resguardo.shipments.models import CustomsBadge
from resguardo.shipments.services import badge_update

BADGE_KEY = "shipments.badge:"


@dataclass(frozen=True)
class Revoked:
    key: str
    kind: str
    label: str


def revoke_resguardo_access(*, actor, person) -> list[Revoked]:
    """Deactivate the person's membership and revoke their tokens, at once. Runs inside the
    departure's transaction."""
    if person.user_id is None:
        return []
    organization = actor.organization
    revoked = []
    membership = (
        Membership.objects.select_for_update()
        .filter(organization=organization, user_id=person.user_id, is_active=True)
        .first()
    )
    if membership is not None:
        try:
            membership_revoke(
                actor=actor,
                target=membership,
                verb="membership.revoked_on_departure",
                data={"person": person.full_name},
            )
        except ValidationError as error:
            if error.code != "last_admin":
                raise
            raise ValidationError(
                _(
                    "This person is the organization's last active administrator: make "
                    "someone else administrator before recording the departure."
                ),
                code="last_admin",
            ) from error
        revoked.append(
            Revoked(
                f"core.membership:{membership.pk}",
                _("Resguardo access"),
                _("Membership as %(role)s") % {"role": membership.get_role_display()},
            )
        )
    elsewhere = Membership.objects.filter(user_id=person.user_id, is_active=True).exclude(
        organization=organization
    )
    if not elsewhere.exists():
        tokens = ApiToken.objects.select_related("user").filter(
            user_id=person.user_id, revoked_at__isnull=True
        )
        for token in tokens:
            api_token_revoke(user=token.user, token=token)
            revoked.append(Revoked(f"accounts.apitoken:{token.pk}", _("API token"), str(token)))
    return revoked


def _badges(organization, person):
    """Active badges registered to the person's account or, without one, to their name."""
    badges = CustomsBadge.objects.filter(organization=organization, status=BadgeStatus.ACTIVE)
    held = [b for b in badges.select_related("aduana") if b.user_id and b.user_id == person.user_id]
    key = name_key(person.full_name)
    held += [b for b in badges.filter(user__isnull=True) if name_key(b.holder_name) == key]
    return held


def customs_badges_held(*, actor, person) -> list:
    return _badges(actor.organization, person)


def customs_badge_items(*, actor, person) -> list[HeldItem]:
    from django.urls import reverse

    return [
        HeldItem(
            key=f"{BADGE_KEY}{badge.pk}",
            kind=_("Customs gafete"),
            label=f"{badge.badge_number} · {badge.aduana}",
            url=reverse("shipments:badge_update", args=[badge.pk]),
            module="shipments",
        )
        for badge in _badges(actor.organization, person)
    ]


def customs_badge_resolve(*, actor, key, lost: bool) -> None:
    """Mark the badge returned (or lost) in the badge register, through its service."""
    if not key.startswith(BADGE_KEY):
        return
    badge = CustomsBadge.objects.filter(
        organization=actor.organization, pk=key.removeprefix(BADGE_KEY), status=BadgeStatus.ACTIVE
    ).first()
    if badge is not None:
        badge_update(
            actor=actor,
            badge=badge,
            status=BadgeStatus.LOST if lost else BadgeStatus.RETURNED,
        )
