"""Reminders fire once per item and offset as the clock moves, survive a second run (a
restart, two schedulers), go to the owner or else the compliance roles, and escalate."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from resguardo.compliance.tests.factories import ActionItemFactory
from resguardo.core.models import Notification

from ..reminders import run_reminders

START = datetime.datetime(2027, 3, 1, 15, 0, tzinfo=datetime.UTC)


def _day(offset_days):
    return START + datetime.timedelta(days=offset_days)


def _keys(user):
    return sorted(Notification.objects.filter(user=user).values_list("key", flat=True))


@pytest.fixture
def action(world):
    with time_machine.travel(START, tick=False):
        due = timezone.localdate() + datetime.timedelta(days=40)
        return ActionItemFactory(
            organization=world.org, title="Cambiar cerradura", owner=world.carla, due_date=due
        )


def test_each_offset_fires_once_as_the_clock_moves(world, action):
    key = f"reminder:compliance.action:{action.pk}"
    with time_machine.travel(_day(0), tick=False):
        run_reminders()
    assert _keys(world.carla) == []  # 40 days away: no offset reached yet
    with time_machine.travel(_day(10), tick=False):  # 30 days left
        run_reminders()
        run_reminders()  # a second run the same day (a restart) writes nothing new
    assert _keys(world.carla) == [f"{key}:30"]
    with time_machine.travel(_day(20), tick=False):  # 20 days left: still the 30-day one
        run_reminders()
    assert _keys(world.carla) == [f"{key}:30"]
    with time_machine.travel(_day(33), tick=False):  # 7 days left
        run_reminders()
    with time_machine.travel(_day(39), tick=False):  # tomorrow
        run_reminders()
    with time_machine.travel(_day(40), tick=False):  # today: the 1-day one was already sent
        run_reminders()
    assert _keys(world.carla) == sorted([f"{key}:30", f"{key}:7", f"{key}:1"])
    with time_machine.travel(_day(41), tick=False):  # the day it becomes overdue
        run_reminders()
        run_reminders()
    assert f"{key}:overdue" in _keys(world.carla)
    assert Notification.objects.filter(key__startswith=key).count() == 4
    # nobody else was told: it has an owner
    assert not Notification.objects.exclude(user=world.carla).filter(key__startswith=key)


def test_overdue_for_n_days_escalates_to_the_compliance_roles(world):
    with time_machine.travel(_day(0), tick=False):
        action = ActionItemFactory(
            organization=world.org,
            owner=world.sofia,
            site=world.yard,
            due_date=timezone.localdate() - datetime.timedelta(days=8),
        )
        run_reminders()
        run_reminders()
    key = f"reminder:compliance.action:{action.pk}:escalation"
    told = set(Notification.objects.filter(key=key).values_list("user__email", flat=True))
    assert told == {"alice@norte.example.mx", "carla@norte.example.mx", "sofia@norte.example.mx"}


def test_without_an_owner_the_compliance_roles_are_reminded_and_site_scope_holds(world):
    with time_machine.travel(_day(0), tick=False):
        at_office = ActionItemFactory(
            organization=world.org,
            site=world.office,
            due_date=timezone.localdate() + datetime.timedelta(days=7),
        )
        # an owner who may not see the item (sofia works at the yard only) is not used
        owned_elsewhere = ActionItemFactory(
            organization=world.org,
            owner=world.sofia,
            site=world.office,
            due_date=timezone.localdate() + datetime.timedelta(days=7),
        )
        run_reminders()
    for action in (at_office, owned_elsewhere):
        told = set(
            Notification.objects.filter(
                key__startswith=f"reminder:compliance.action:{action.pk}:"
            ).values_list("user__email", flat=True)
        )
        assert told == {"alice@norte.example.mx", "carla@norte.example.mx"}
    assert not Notification.objects.filter(user__in=[world.oscar, world.sam, world.sofia])


def test_reminder_text_is_in_the_recipients_language(world, action):
    world.carla.language = "en"
    world.carla.save()
    with time_machine.travel(_day(33), tick=False):
        run_reminders()
    notification = Notification.objects.get(user=world.carla)
    assert notification.title.startswith("Due in 7 days")
    assert "Action due: Cambiar cerradura" in notification.title
    assert notification.url == action.get_absolute_url()
