"""Pieces every incident service shares: the timeline, the officers to tell, categories."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from resguardo.core.choices import Role
from resguardo.core.models import Membership
from resguardo.core.notify import notify
from resguardo.core.security_events import SecurityEventKind
from resguardo.core.writes import create_audited

from ..choices import DEFAULT_SEVERITY, TimelineKind
from ..models import Category, TimelineEntry


def timeline_add(*, actor, incident, kind, text, at=None) -> TimelineEntry:
    entry = TimelineEntry(
        organization=incident.organization,
        incident=incident,
        kind=kind,
        text=text,
        author=actor.user,
    )
    if at is not None:
        entry.at = at
    entry.full_clean()
    entry.save()
    return entry


def compliance_officers(organization) -> list:
    """The people reports reach: the compliance officers (the administrators when the
    organization has none), never the sites' staff."""
    members = (
        Membership.objects.filter(organization=organization, is_active=True)
        .filter(role__in=(Role.COMPLIANCE, Role.ADMIN))
        .select_related("user")
    )
    current = [m for m in members if m.is_current]
    officers = [m.user for m in current if m.role == Role.COMPLIANCE]
    return officers or [m.user for m in current if m.role == Role.ADMIN]


def tell_officers_of_new_incident(incident) -> None:
    transaction.on_commit(
        lambda: notify(
            organization=incident.organization,
            users=compliance_officers(incident.organization),
            key=f"incidents.reported:{incident.pk}",
            title=_("New incident %(ref)s: %(title)s"),
            body=_("Category: %(category)s. Severity: %(severity)s."),
            params={
                "ref": incident.reference,
                "title": incident.title,
                "category": incident.category.label,
                "severity": incident.get_severity_display(),
            },
            url=incident.get_absolute_url(),
        )
    )


def categories_seed(organization) -> list[Category]:
    """The organization's categories, created from the security event kinds the first time."""
    existing = {c.key: c for c in Category.objects.filter(organization=organization)}
    for kind in SecurityEventKind:
        if kind.value in existing:
            continue
        existing[kind.value] = create_audited(
            actor=None,
            organization=organization,
            instance=Category(
                organization=organization,
                key=kind.value,
                default_severity=DEFAULT_SEVERITY[kind],
            ),
            verb="incident_category.seeded",
        )
    return list(existing.values())


def category_for_kind(organization, kind: str) -> Category:
    if kind not in SecurityEventKind.values:
        kind = SecurityEventKind.OTHER
    found = Category.objects.filter(organization=organization, key=kind).first()
    if found is None:
        categories_seed(organization)
        found = Category.objects.get(organization=organization, key=kind)
    return found


__all__ = [
    "TimelineKind",
    "categories_seed",
    "category_for_kind",
    "compliance_officers",
    "tell_officers_of_new_incident",
    "timeline_add",
]
