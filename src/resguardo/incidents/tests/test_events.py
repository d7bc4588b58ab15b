"""Incidents opened by other modules' durable events: one per source, whatever the retries."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from resguardo.conveyance.choices import DiscrepancyKind
from resguardo.conveyance.services.discrepancies import discrepancy_record
from resguardo.core.choices import DeliveryStatus
from resguardo.core.events import publish
from resguardo.core.events.delivery import retry
from resguardo.core.models import EventDelivery, Notification
from resguardo.core.security_events import SecurityEventKind, SecurityEventReported
from resguardo.partners.events import PartnerBlocked

from ..choices import IncidentSource, NoticeRecipient
from ..models import Incident

pytestmark = pytest.mark.django_db

HANDLER = "resguardo.incidents.handlers.open_for_seal_discrepancy"


class GateChallenge(SecurityEventReported, name="incidents_tests.gate_challenge"):
    """A module's own security event, as facilities will publish one."""


def _seal_discrepancy(world, capture):
    with capture(execute=True), transaction.atomic():
        return discrepancy_record(
            actor=world.actor(world.sam),
            organization=world.org,
            kind=DiscrepancyKind.NUMBER_MISMATCH,
            description="El sello HS-77 no coincide con el pedimento",
            site=world.yard,
            seal_number="HS-77",
        )


def test_a_seal_discrepancy_opens_exactly_one_incident_also_after_a_retry(
    world, django_capture_on_commit_callbacks
):
    discrepancy = _seal_discrepancy(world, django_capture_on_commit_callbacks)
    incidents = Incident.objects.filter(organization=world.org)
    assert incidents.count() == 1
    incident = incidents.get()
    assert incident.source == IncidentSource.EVENT
    assert incident.source_key == f"conveyance.seal_discrepancy:{discrepancy.pk}"
    assert incident.category.key == SecurityEventKind.SEAL_TAMPERING
    assert incident.site == world.yard
    assert "HS-77" in incident.references
    assert incident.notices.filter(recipient=NoticeRecipient.OEA_AVISO).count() == 1
    delivery = EventDelivery.objects.get(handler=HANDLER)
    assert delivery.status == DeliveryStatus.DELIVERED

    # The worker died after the handler ran: the delivery is pending again and is retried.
    EventDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.PENDING, delivered_at=None
    )
    [attempt] = retry(delivery_ids=[delivery.pk])
    assert attempt.status == DeliveryStatus.DELIVERED
    assert incidents.count() == 1
    assert incident.notices.count() == 1
    assert Notification.objects.filter(key=f"incidents.reported:{incident.pk}").count() == 1


def test_an_event_arriving_twice_opens_one_incident(world, django_capture_on_commit_callbacks):
    event = dict(
        organization_id=world.org.pk,
        source_key="facilities.challenge:9",
        kind=SecurityEventKind.UNAUTHORIZED_ACCESS,
        summary="Persona sin gafete retirada del patio",
        site_id=world.yard.pk,
        occurred_at=timezone.now() - datetime.timedelta(hours=1),
    )
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            publish(GateChallenge(**event))
    incident = Incident.objects.get(organization=world.org)
    assert incident.source_key == "facilities.challenge:9"
    assert incident.category.key == SecurityEventKind.UNAUTHORIZED_ACCESS
    assert EventDelivery.objects.filter(status=DeliveryStatus.DELIVERED).count() == 2


def test_a_blocked_partner_opens_an_organization_wide_incident(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(
            PartnerBlocked(
                organization_id=world.org.pk,
                partner_id=41,
                partner_name="Transportes Fantasma",
                rfc="TFA010101AAA",
                source="SAT 69-B",
                entry_key="69b:TFA010101AAA",
                matched_name="TRANSPORTES FANTASMA SA",
            )
        )
    incident = Incident.objects.get(organization=world.org)
    assert incident.site is None
    assert incident.category.key == SecurityEventKind.BLOCKED_PARTNER
    assert "Transportes Fantasma" in incident.description
    assert not Incident.objects.filter(organization=world.other_org).exists()


def test_an_event_of_another_organization_cannot_open_at_a_foreign_site(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(
            GateChallenge(
                organization_id=world.other_org.pk,
                source_key="facilities.challenge:10",
                kind="no-such-kind",
                summary="Evento de Sur",
                site_id=world.yard.pk,  # Norte's site named by Sur's event
            )
        )
    incident = Incident.objects.get()
    assert incident.organization == world.other_org
    assert incident.site is None
    assert incident.category.key == SecurityEventKind.OTHER
