"""Incidents opened by other modules' events. Each handler runs after the publisher's
transaction committed, outside any transaction, as Resguardo itself for the organization;
`source_key` makes a retried or repeated delivery find the incident it already opened."""

from django.urls import NoReverseMatch, reverse

from resguardo.conveyance.choices import DiscrepancyKind
from resguardo.conveyance.events import SealDiscrepancyRecorded
from resguardo.core.actors import Actor
from resguardo.core.models import Organization
from resguardo.core.security_events import SecurityEventKind, SecurityEventReported
from resguardo.partners.events import PartnerBlocked

from .choices import NoticeRecipient
from .services import incident_open_from_event

# A seal found tampered with or broken is reported to the foreign customs authority too
# (E4 7.1): the unit crosses, or came across, a border under that seal.
TAMPERED_SEAL_KINDS = (DiscrepancyKind.TAMPERED, DiscrepancyKind.BROKEN)


def _actor(event) -> Actor | None:
    organization = Organization.objects.filter(pk=event.organization_id).first()
    return Actor.system(organization) if organization is not None else None


def _url(name: str, pk) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def open_for_seal_discrepancy(event: SealDiscrepancyRecorded) -> None:
    actor = _actor(event)
    if actor is None:
        return
    references = [f"Sello / seal: {event.seal_number}"] if event.seal_number else []
    incident_open_from_event(
        actor=actor,
        source_key=f"conveyance.seal_discrepancy:{event.discrepancy_id}",
        kind=SecurityEventKind.SEAL_TAMPERING,
        summary=event.description,
        site_id=event.site_id,
        occurred_at=event.occurred_at,
        source_url=_url("conveyance:discrepancy_detail", event.discrepancy_id),
        references="\n".join(references),
        notices=((NoticeRecipient.FOREIGN_AUTHORITY,) if event.kind in TAMPERED_SEAL_KINDS else ()),
    )


def open_for_blocked_partner(event: PartnerBlocked) -> None:
    actor = _actor(event)
    if actor is None:
        return
    summary = f"{event.partner_name} ({event.rfc}): {event.source} — {event.matched_name}"
    incident_open_from_event(
        actor=actor,
        source_key=f"partners.partner_blocked:{event.partner_id}:{event.entry_key}"[:200],
        kind=SecurityEventKind.BLOCKED_PARTNER,
        summary=summary,
        source_url=_url("partners:partner_detail", event.partner_id),
    )


def open_for_security_event(event: SecurityEventReported) -> None:
    actor = _actor(event)
    if actor is None:
        return
    incident_open_from_event(
        actor=actor,
        source_key=event.source_key,
        kind=event.kind,
        summary=event.summary,
        site_id=event.site_id,
        occurred_at=event.occurred_at,
        source_url=event.url,
    )
