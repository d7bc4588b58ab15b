"""A cyber event is announced to the incidents module exactly once per record."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from resguardo.core.events import subscribe, unsubscribe
from resguardo.core.models.events import OutboxEvent
from resguardo.core.security_events import SecurityEventKind, SecurityEventReported

from .. import services
from ..choices import CyberEventKind, CyberEventStatus
from .helpers import actor_of, signed_in

pytestmark = pytest.mark.django_db
NAME = "infosec.cyber_event_reported"
received = []


def _incidents_stand_in(event):
    received.append(event)


@pytest.fixture
def listener():
    received.clear()
    subscribe(SecurityEventReported, _incidents_stand_in)
    yield received
    unsubscribe(SecurityEventReported, _incidents_stand_in)


def test_reporting_publishes_one_security_event_and_editing_publishes_none(
    world, listener, django_capture_on_commit_callbacks
):
    carla = actor_of(world, world.carla)
    system = services.system_create(actor=carla, name="Correo", kind="email")
    with django_capture_on_commit_callbacks(execute=True):
        event = services.cyber_event_report(
            actor=carla, kind=CyberEventKind.PHISHING,
            occurred_at=timezone.now() - datetime.timedelta(hours=2),
            summary="Correo falso del SAT", system=system, site=world.yard,
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.cyber_event_update(
            actor=carla, event=event, status=CyberEventStatus.CLOSED, actions_taken="Bloqueado"
        )
    assert OutboxEvent.objects.filter(event_type=NAME).count() == 1
    assert len(listener) == 1
    announced = listener[0]
    assert announced.source_key == f"infosec.cyber_event:{event.pk}"
    assert announced.kind == SecurityEventKind.CYBER_BREACH
    assert announced.cyber_kind == CyberEventKind.PHISHING
    assert announced.site_id == world.yard.pk and announced.organization_id == world.org.pk
    assert announced.url == reverse("infosec:cyber_event_detail", args=[event.pk])
    assert "Correo falso del SAT" in announced.summary


def test_a_refused_report_announces_nothing(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.cyber_event_report(
            actor=actor_of(world, world.carla), kind=CyberEventKind.MALWARE,
            occurred_at=timezone.now() + datetime.timedelta(days=2), summary="Futuro",
        )  # fmt: skip
    assert not OutboxEvent.objects.filter(event_type=NAME).exists()


def test_the_report_page_records_and_announces(world):
    carla = signed_in(world.carla)
    response = carla.post(
        reverse("infosec:cyber_event_create"),
        {"kind": "malware", "occurred_at": "2026-01-05T10:30", "summary": "Ransomware en PC 3"},
    )
    assert response.status_code == 302
    detail = carla.get(response.url).content.decode()
    assert "Ransomware en PC 3" in detail
    assert OutboxEvent.objects.filter(event_type=NAME).count() == 1
