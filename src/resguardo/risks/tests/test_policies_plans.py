import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance.models import ActionItem
from resguardo.core.indicators import Status, read_indicators
from resguardo.core.models import Notification
from resguardo.core.modules import due_dates

from .. import services
from .factories import actor_for, plan, policy

pytestmark = pytest.mark.django_db


def test_a_new_version_asks_everyone_again(world, client_for):
    handbook = policy(world, title="Política antidrogas")
    for person in (world.alice, world.sofia):
        services.policy_acknowledge(actor=actor_for(world, person), policy=handbook)
    [coverage] = read_indicators(["risks.policy_acknowledgement"], organization=world.org)
    assert coverage.reading.value == 50.0  # 2 of alice, carla, sam, sofia (auditors excluded)

    services.policy_version_publish(
        actor=actor_for(world, world.carla),
        policy=handbook,
        body="Texto nuevo",
        change_summary="Se agrega el uso de celulares en el patio",
    )
    [coverage] = read_indicators(["risks.policy_acknowledgement"], organization=world.org)
    assert coverage.reading.value == 0 and coverage.status == Status.NOT_MET
    asked = Notification.objects.filter(key__startswith="risks.policy_version:", user=world.sofia)
    assert asked.count() == 2  # version 1 and version 2
    page = client_for(world.sofia).get(reverse("risks:policy_detail", args=[handbook.pk]))
    assert "I have read this policy" in page.content.decode()
    client_for(world.sofia).post(reverse("risks:policy_acknowledge", args=[handbook.pk]))
    page = client_for(world.sofia).get(reverse("risks:policy_detail", args=[handbook.pk]))
    assert "You acknowledged this version." in page.content.decode()
    assert page.context["coverage"]["percent"] == 25.0


def test_auditors_read_policies_without_acknowledging(world):
    handbook = policy(world)
    with pytest.raises(PermissionDenied):
        services.policy_acknowledge(actor=actor_for(world, world.audrey), policy=handbook)


def test_drill_moves_the_next_one_and_opens_actions(world, client_for):
    seal_plan = plan(world, site=world.yard)
    held = timezone.localdate() - datetime.timedelta(days=3)
    response = client_for(world.carla).post(
        reverse("risks:drill_create", args=[seal_plan.pk]),
        {
            "held_on": held.isoformat(),
            "duration_minutes": 40,
            "participants": [world.sam.pk],
            "went_wrong": "Nadie tenía el teléfono del OEA",
            "actions": "Imprimir la lista de contactos\nProbar el radio",
        },
    )
    assert response.status_code == 302
    seal_plan.refresh_from_db()
    assert seal_plan.next_drill_on == held.replace(year=held.year + 1)
    titles = set(ActionItem.objects.filter(organization=world.org).values_list("title", flat=True))
    assert titles == {"Imprimir la lista de contactos", "Probar el radio"}
    page = client_for(world.sofia).get(reverse("risks:plan_detail", args=[seal_plan.pk]))
    assert "Nadie tenía el teléfono del OEA" in page.content.decode()


def test_a_drill_needs_participants_and_a_past_date(world):
    seal_plan = plan(world)
    with pytest.raises(ValidationError) as refused:
        services.drill_record(
            actor=actor_for(world, world.carla),
            plan=seal_plan,
            held_on=timezone.localdate() + datetime.timedelta(days=2),
            duration_minutes=0,
        )
    assert set(refused.value.message_dict) == {"held_on", "duration_minutes", "participants"}


def test_drill_age_indicator_reads_the_least_recently_drilled_plan(world):
    carla = actor_for(world, world.carla)
    drilled = plan(world)
    plan(world, title="Nunca ensayado")
    services.drill_record(
        actor=carla,
        plan=drilled,
        held_on=timezone.localdate(),
        duration_minutes=10,
        other_participants="Brigada",
    )
    [age] = read_indicators(["risks.contingency_drill_age"], organization=world.org)
    assert age.reading.value == 0 and "Nunca ensayado has never been drilled" in age.reading.detail


def test_obligations_calendar_gets_review_drill_and_policy_dates(world):
    from .factories import risk

    risk(world)
    drill_plan = plan(world, next_drill_on=timezone.localdate() + datetime.timedelta(days=5))
    handbook = policy(world)
    found = due_dates(
        organization=world.org,
        start=None,
        end=timezone.localdate() + datetime.timedelta(days=400),
        membership=world.membership(world.carla),
    )
    keys = {d.key for d in found}
    assert {
        f"risks.register_review:{world.org.pk}",
        f"risks.drill:{drill_plan.pk}",
        f"risks.policy_review:{handbook.pk}",
    } <= keys
