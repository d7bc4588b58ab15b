"""The one place where a departure reaches into core and accounts: the person's Resguardo
membership is deactivated and their API tokens revoked.

Core's `membership_update` needs Perm.MANAGE_ORGANIZATION and the whole membership form;
a departure is recorded by compliance too, so the membership is deactivated here through
`update_audited` (with core's rule that an organization keeps an active administrator).
Tokens are revoked with accounts' `api_token_revoke`; tokens belong to the user, not to one
organization, so they are kept when the user is still an active member elsewhere.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.accounts.models import ApiToken
from resguardo.accounts.services import api_token_revoke
from resguardo.core.choices import Role
from resguardo.core.models import Membership
from resguardo.core.writes import update_audited


@dataclass(frozen=True)
class Revoked:
    key: str
    kind: str
    label: str


def _refuse_last_admin(membership) -> None:
    if membership.role != Role.ADMIN:
        return
    others = Membership.objects.filter(
        organization_id=membership.organization_id, role=Role.ADMIN, is_active=True
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(
            _(
                "This person is the organization's last active administrator: make someone "
                "else administrator before recording the departure."
            ),
            code="last_admin",
        )


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
        _refuse_last_admin(membership)
        update_audited(
            actor=actor.user,
            organization=organization,
            instance=membership,
            changes={"is_active": False},
            verb="membership.revoked_on_departure",
            data={"person": person.full_name},
        )
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
