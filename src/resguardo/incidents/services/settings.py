"""The organization's incident settings: categories and anonymous reporting links."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_same_organization,
)
from resguardo.core.writes import create_audited, update_audited

from ..choices import Severity
from ..models import Category, ReportingLink
from .common import categories_seed


@transaction.atomic
def categories_ensure(*, organization) -> list[Category]:
    """Seed the organization's categories if it has none yet (idempotent)."""
    return categories_seed(organization)


@transaction.atomic
def category_create(*, actor: Actor, name: str, default_severity: str) -> Category:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name the category.")})
    if default_severity not in Severity.values:
        raise ValidationError({"default_severity": _("Choose a severity.")})
    key = slugify(name)[:40] or "category"
    if Category.objects.filter(organization=actor.organization, key=key).exists():
        raise ValidationError({"name": _("A category with this name already exists.")})
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Category(
            organization=actor.organization, key=key, name=name, default_severity=default_severity
        ),
        verb="incident_category.created",
    )


@transaction.atomic
def category_update(*, actor: Actor, category: Category, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, category)
    allowed = {"name", "default_severity", "is_active"}
    changes = {k: v for k, v in changes.items() if k in allowed}
    if "default_severity" in changes and changes["default_severity"] not in Severity.values:
        raise ValidationError({"default_severity": _("Choose a severity.")})
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
    return update_audited(
        actor=actor.user,
        organization=category.organization,
        instance=category,
        changes=changes,
        expected_version=expected_version,
        verb="incident_category.updated",
    )


@transaction.atomic
def reporting_link_create(*, actor: Actor, site) -> ReportingLink:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    if site is None:
        raise ValidationError({"site": _("Choose a site.")})
    require_own_site(actor.membership, site)
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=ReportingLink(
            organization=actor.organization,
            site=site,
            token=secrets.token_urlsafe(24),
            created_by=actor.user,
        ),
        verb="incident_link.created",
    )


@transaction.atomic
def reporting_link_revoke(*, actor: Actor, link: ReportingLink, expected_version=None):
    """Every printed copy of the poster stops working; print a new link's poster."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, link)
    if not link.is_active:
        raise ValidationError(_("This link is already revoked."))
    return update_audited(
        actor=actor.user,
        organization=link.organization,
        instance=link,
        changes={"is_active": False, "revoked_at": timezone.now()},
        expected_version=expected_version,
        verb="incident_link.revoked",
    )
