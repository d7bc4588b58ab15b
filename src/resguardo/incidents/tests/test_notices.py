"""Notices on a clock: the OEA aviso is due within the configured days, turns overdue when
the clock passes it, escalates once to the compliance officers and feeds the calendar."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.core.models import Notification
from resguardo.core.modules import due_dates

from .. import services
from ..choices import NoticeRecipient, NoticeStatus
from ..indicators import notice_timeliness
from .factories import actor, report

pytestmark = pytest.mark.django_db


def _aviso(incident):
    return incident.notices.get(recipient=NoticeRecipient.OEA_AVISO)


def test_the_five_day_clock_turns_overdue_and_escalates_once(world, client_for):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        incident = report(world)
    aviso = _aviso(incident)
    assert aviso.due_at == start + datetime.timedelta(days=5)
    with time_machine.travel(start + datetime.timedelta(days=4, hours=23), tick=False):
        assert not aviso.is_overdue
        assert services.notices_escalate() == 0
    with time_machine.travel(start + datetime.timedelta(days=5, hours=1), tick=False):
        aviso.refresh_from_db()
        assert aviso.is_overdue
        assert services.notices_escalate() == 1
        assert services.notices_escalate() == 0  # once per notice
        reading = notice_timeliness(world.org)
        assert (reading.value, reading.denominator) == (0.0, 1)
        page = client_for(world.carla).get(reverse("incidents:notice_list") + "?overdue=true")
        assert incident.reference in page.content.decode()
    told = Notification.objects.filter(key=f"incidents.notice_overdue:{aviso.pk}")
    assert {n.user for n in told} == {world.carla}


def test_the_days_are_a_setting(world, settings):
    settings.INCIDENT_AVISO_DAYS = 3
    incident = report(world)
    assert _aviso(incident).due_at - incident.reported_at == datetime.timedelta(days=3)


def test_filing_on_time_records_folio_and_acuse_and_meets_the_indicator(world):
    incident = report(world)
    carla = actor(world, world.carla)
    with pytest.raises(ValidationError) as error:
        services.notice_file(actor=carla, notice=_aviso(incident), folio="")
    assert "folio" in error.value.error_dict
    services.notice_file(
        actor=carla, notice=_aviso(incident), folio="AV-2026-1", acuse="Acuse 3303-9"
    )
    aviso = _aviso(incident)
    assert (aviso.status, aviso.folio, aviso.acuse) == (
        NoticeStatus.FILED,
        "AV-2026-1",
        "Acuse 3303-9",
    )
    assert aviso.filed_on_time
    with time_machine.travel(timezone.now() + datetime.timedelta(days=10)):
        assert notice_timeliness(world.org).value == 100.0


def test_the_calendar_lists_pending_notices_for_officers_only(world):
    incident = report(world)
    services.notice_add(
        actor=actor(world, world.carla),
        incident=incident,
        recipient=NoticeRecipient.US_PARTNER,
        due_at=timezone.now() + datetime.timedelta(hours=6),
    )
    end = timezone.localdate() + datetime.timedelta(days=30)
    for_carla = due_dates(
        organization=world.org, start=None, end=end, membership=world.membership(world.carla)
    )
    keys = {d.key for d in for_carla if d.module == "incidents"}
    assert len(keys) == 2 and all(k.startswith("incidents.notice:") for k in keys)
    for_sofia = due_dates(
        organization=world.org, start=None, end=end, membership=world.membership(world.sofia)
    )
    assert not [d for d in for_sofia if d.module == "incidents"]


def test_a_waived_notice_leaves_the_calendar(world):
    incident = report(world)
    services.notice_waive(
        actor=actor(world, world.carla), notice=_aviso(incident), reason="Error de captura"
    )
    end = timezone.localdate() + datetime.timedelta(days=30)
    assert not [
        d for d in due_dates(organization=world.org, start=None, end=end) if d.module == "incidents"
    ]
