"""Writes for organizations, sites, patentes, memberships and invitations."""

import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .actors import Actor
from .choices import Role, SiteKind
from .models import Invitation, Membership, Organization, Patente, Site
from .permissions import SITE_SCOPED_ROLES, Perm, require_perm, require_same_organization
from .validators import normalize_rfc
from .writes import create_audited, delete_audited, update_audited

INVITATION_DAYS = 7


def _check_membership_rules(*, role, expires_at, sites, organization, all_sites=False):
    if role == Role.AUDITOR and not expires_at:
        raise ValidationError(
            {"expires_at": _("An auditor's access needs an expiry date.")}, code="required"
        )
    if expires_at and expires_at < timezone.localdate():
        raise ValidationError({"expires_at": _("The expiry date is in the past.")}, code="past")
    for site in sites:
        require_same_organization(
            organization,
            site,
            field="sites",
            message=_("A site of another organization was given."),
        )
    if role in SITE_SCOPED_ROLES and not all_sites and not sites:
        # An empty list once meant "every site": refusing it keeps access from widening.
        raise ValidationError(
            {
                "sites": _(
                    "A site manager or staff member needs at least one site. Choose their "
                    "sites, or tick “All sites” to give them every site of the organization."
                )
            },
            code="no_sites",
        )


def _site_scope(*, role, sites, all_sites):
    """What is stored: "all sites" only for site-limited roles, and then no site list."""
    all_sites = bool(all_sites) and role in SITE_SCOPED_ROLES
    return ([] if all_sites else list(sites)), all_sites


@transaction.atomic
def organization_create(*, actor, legal_name, rfc, kind, short_name="", patentes=()):
    """Create an organization; its creator becomes its first administrator."""
    organization = create_audited(
        actor=actor,
        organization=None,
        instance=Organization(
            legal_name=legal_name.strip(),
            short_name=short_name.strip(),
            rfc=normalize_rfc(rfc),
            kind=kind,
        ),
    )
    for number in patentes:
        create_audited(
            actor=actor,
            organization=organization,
            instance=Patente(organization=organization, number=number),
        )
    if actor is not None:
        create_audited(
            actor=actor,
            organization=organization,
            instance=Membership(user=actor, organization=organization, role=Role.ADMIN),
        )
    return organization


@transaction.atomic(durable=True)
def organization_update(*, actor: Actor, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    if "rfc" in changes:
        changes["rfc"] = normalize_rfc(changes["rfc"])
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=Organization.objects.get(pk=actor.organization.pk),
        changes=changes,
        expected_version=expected_version,
    )


@transaction.atomic(durable=True)
def patente_add(*, actor: Actor, number, holder_name="", aduana=None):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    if Patente.objects.filter(number=number).exists():
        raise ValidationError({"number": _("This patente is already registered.")})
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=Patente(
            organization=actor.organization,
            number=number,
            holder_name=holder_name,
            aduana=aduana,
        ),
    )


@transaction.atomic(durable=True)
def patente_remove(*, actor: Actor, patente):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    require_same_organization(
        actor.membership, patente, message=_("This patente belongs to another organization.")
    )
    try:
        delete_audited(actor=actor, organization=actor.organization, instance=patente)
    except ProtectedError as error:
        count = len(error.protected_objects)
        raise ValidationError(
            ngettext(
                "Patente %(number)s stays: %(count)s pedimento was cleared under it.",
                "Patente %(number)s stays: %(count)s pedimentos were cleared under it.",
                count,
            )
            % {"number": patente.number, "count": count}
        ) from error


@transaction.atomic(durable=True)
def site_create(*, actor: Actor, name, aduana, kind=SiteKind.OFFICE, address=""):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    if Site.objects.filter(organization=actor.organization, name=name).exists():
        raise ValidationError({"name": _("A site with this name already exists.")})
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=Site(
            organization=actor.organization,
            name=name,
            kind=kind,
            aduana=aduana,
            address=address,
        ),
    )


@transaction.atomic(durable=True)
def site_update(*, actor: Actor, site, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    require_same_organization(
        actor.membership, site, message=_("This site belongs to another organization.")
    )
    if "name" in changes and (
        Site.objects.filter(organization=actor.organization, name=changes["name"])
        .exclude(pk=site.pk)
        .exists()
    ):
        raise ValidationError({"name": _("A site with this name already exists.")})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=site,
        changes=changes,
        expected_version=expected_version,
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic(durable=True)
def invitation_create(*, actor: Actor, email, role, sites=(), all_sites=False, expires_at=None):
    """Invite someone by e-mail. Returns (invitation, secret token for the link)."""
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    organization = actor.organization
    email = email.strip().lower()
    _check_membership_rules(
        role=role,
        expires_at=expires_at,
        sites=list(sites),
        organization=organization,
        all_sites=all_sites,
    )
    sites, all_sites = _site_scope(role=role, sites=sites, all_sites=all_sites)
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already a member of the organization.")},
            code="duplicate",
        )
    token = secrets.token_urlsafe(32)
    invitation = create_audited(
        actor=actor,
        organization=organization,
        instance=Invitation(
            organization=organization,
            email=email,
            role=role,
            all_sites=all_sites,
            membership_expires_at=expires_at,
            token_hash=_token_hash(token),
            invited_by=actor.user,
            valid_until=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        ),
        m2m={"sites": sites},
    )
    return invitation, token


def invitation_find_open(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organization")
        .filter(token_hash=_token_hash(token or ""))
        .first()
    )
    return invitation if invitation is not None and invitation.is_open else None


@transaction.atomic(durable=True)
def invitation_accept(*, user, token) -> Membership:
    invitation = invitation_find_open(token)
    if invitation is None:
        raise ValidationError(_("This invitation is not valid any more."), code="invalid")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if Membership.objects.filter(user=user, organization=invitation.organization).exists():
        raise ValidationError(_("You are already a member of this organization."), code="duplicate")
    membership = create_audited(
        actor=user,
        organization=invitation.organization,
        instance=Membership(
            user=user,
            organization=invitation.organization,
            role=invitation.role,
            all_sites=invitation.all_sites,
            expires_at=invitation.membership_expires_at,
        ),
        m2m={"sites": list(invitation.sites.all())},
    )
    update_audited(
        actor=user,
        organization=invitation.organization,
        instance=invitation,
        changes={"accepted_at": timezone.now()},
    )
    user_model = get_user_model()
    user_model.objects.filter(pk=user.pk).update(active_organization=invitation.organization)
    return membership


@transaction.atomic(durable=True)
def invitation_revoke(*, actor: Actor, invitation):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    require_same_organization(
        actor.membership, invitation, message=_("This invitation belongs to another organization.")
    )
    update_audited(
        actor=actor,
        organization=actor.organization,
        instance=invitation,
        changes={"revoked_at": timezone.now()},
    )


@transaction.atomic(durable=True)
def membership_add(*, actor: Actor, user, role, sites=(), all_sites=False, expires_at=None):
    """Give an existing user a role (used by admins, the demo and createadmin)."""
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    return _membership_add(
        actor=actor,
        organization=actor.organization,
        user=user,
        role=role,
        sites=sites,
        all_sites=all_sites,
        expires_at=expires_at,
    )


def _membership_add(*, actor, organization, user, role, sites=(), all_sites=False, expires_at=None):
    _check_membership_rules(
        role=role,
        expires_at=expires_at,
        sites=list(sites),
        organization=organization,
        all_sites=all_sites,
    )
    sites, all_sites = _site_scope(role=role, sites=sites, all_sites=all_sites)
    if Membership.objects.filter(user=user, organization=organization).exists():
        raise ValidationError(
            _("%(user)s is already a member of %(org)s.") % {"user": user, "org": organization},
            code="duplicate",
        )
    return create_audited(
        actor=actor,
        organization=organization,
        instance=Membership(
            user=user,
            organization=organization,
            role=role,
            all_sites=all_sites,
            expires_at=expires_at,
        ),
        m2m={"sites": sites},
    )


@transaction.atomic
def membership_bootstrap(
    *, actor, organization, user, role, sites=(), all_sites=False, expires_at=None
):
    """System path (demo data, createadmin): no acting membership is checked."""
    return _membership_add(
        actor=actor,
        organization=organization,
        user=user,
        role=role,
        sites=sites,
        all_sites=all_sites,
        expires_at=expires_at,
    )


@transaction.atomic  # composed: a signed access review revokes members inside its own
def membership_update(
    *,
    actor: Actor,
    target,
    role,
    sites=(),
    all_sites=False,
    expires_at=None,
    is_active=True,
    expected_version=None,
):
    require_perm(actor.membership, Perm.MANAGE_ORGANIZATION)
    organization = actor.organization
    require_same_organization(
        organization, target, message=_("This membership belongs to another organization.")
    )
    _check_last_admin(target=target, role=role, is_active=is_active)
    _check_membership_rules(
        role=role,
        expires_at=expires_at,
        sites=list(sites),
        organization=organization,
        all_sites=all_sites,
    )
    sites, all_sites = _site_scope(role=role, sites=sites, all_sites=all_sites)
    return update_audited(
        actor=actor,
        organization=organization,
        instance=target,
        changes={
            "role": role,
            "all_sites": all_sites,
            "expires_at": expires_at,
            "is_active": is_active,
        },
        expected_version=expected_version,
        m2m={"sites": sites},
    )


@transaction.atomic  # composed: a departure (people) revokes access inside its own transaction
def membership_revoke(*, actor: Actor, target, verb: str, data: dict | None = None):
    """Deactivate one membership for a reason another module records (a departure): that
    module decided who may; core keeps its rule that an organization keeps an active
    administrator (ValidationError with code "last_admin")."""
    require_same_organization(
        actor.organization, target, message=_("This membership belongs to another organization.")
    )
    _check_last_admin(target=target, role=target.role, is_active=False)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=target,
        changes={"is_active": False},
        verb=verb,
        data=data or {},
    )


def _check_last_admin(*, target, role, is_active):
    losing_admin = target.role == Role.ADMIN and (role != Role.ADMIN or not is_active)
    if losing_admin and not (
        Membership.objects.filter(
            organization_id=target.organization_id, role=Role.ADMIN, is_active=True
        )
        .exclude(pk=target.pk)
        .exists()
    ):
        raise ValidationError(
            _("The organization must keep at least one active administrator."),
            code="last_admin",
        )


def organization_switch(*, user, organization_id) -> Membership:
    """Make another of the user's organizations the active one."""
    from .tenancy import resolve_membership

    membership = resolve_membership(user, organization_id)
    if membership is None:
        raise ValidationError(_("You are not a member of that organization."), code="not_member")
    get_user_model().objects.filter(pk=user.pk).update(active_organization=membership.organization)
    user.active_organization = membership.organization
    return membership
