"""Cyber events: recorded here, announced once to the incidents module."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.events import publish
from resguardo.core.security_events import SecurityEventKind
from resguardo.core.writes import create_audited, update_audited

from ..events import CyberEventReported
from ..models import CyberEvent
from .common import acting, changed, require_not_future, require_own


def _site_check(actor, site) -> None:
    require_own(actor, site, field="site", message=_("This site belongs to another organization."))


@transaction.atomic
def cyber_event_report(
    *, actor, kind, occurred_at, summary, description="", system=None, site=None,
    actions_taken="",
) -> CyberEvent:  # fmt: skip
    """Record a cyber event and publish `CyberEventReported` in the same transaction: exactly
    one announcement per record (later edits announce nothing)."""
    organization = acting(actor)
    require_not_future(occurred_at, field="occurred_at")
    require_own(actor, system, field="system", message=_("Unknown system."))
    _site_check(actor, site)
    event = create_audited(
        actor=actor.user,
        organization=organization,
        instance=CyberEvent(
            organization=organization,
            kind=kind,
            occurred_at=occurred_at,
            summary=summary,
            description=description,
            system=system,
            site=site,
            actions_taken=actions_taken,
            reported_by=actor.user,
        ),
        verb="infosec_cyber_event.reported",
    )
    publish(
        CyberEventReported(
            organization_id=organization.pk,
            source_key=f"infosec.cyber_event:{event.pk}",
            kind=SecurityEventKind.CYBER_BREACH,
            summary=f"{event.get_kind_display()}: {summary}",
            site_id=site.pk if site else None,
            occurred_at=occurred_at,
            url=reverse("infosec:cyber_event_detail", args=[event.pk]),
            reported_by_id=actor.user.pk if actor.user else None,
            cyber_kind=kind,
            system_name=system.name if system else "",
        )
    )
    return event


@transaction.atomic
def cyber_event_update(*, actor, event, expected_version=None, **changes) -> CyberEvent:
    organization = acting(actor)
    require_own(actor, event, field="event", message=_("Unknown event."))
    if "occurred_at" in changes:
        require_not_future(changes["occurred_at"], field="occurred_at")
    if "system" in changes:
        require_own(actor, changes["system"], field="system", message=_("Unknown system."))
    if "site" in changes:
        _site_check(actor, changes["site"])
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=event,
        changes=changed(event, changes),
        expected_version=expected_version,
    )
