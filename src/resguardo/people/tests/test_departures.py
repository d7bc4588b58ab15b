"""Departures: access revoked at once, the checklist gathered from every module, the clock."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from resguardo.core.models import Membership
from resguardo.people import services
from resguardo.people.indicators import offboarding_access_removed
from resguardo.people.models import Departure, DepartureItem
from resguardo.shipments.models import CustomsBadge

from .factories import actor_for, customs_badge, person, post


@pytest.fixture
def sofia_on_file(world):
    return person(
        world,
        post(world, "Operador de patio"),
        number="E-077",
        name="Sofía Treviño",
        user=world.sofia,
    )


def test_the_departed_member_can_no_longer_use_the_organization(world, sofia_on_file, client_for):
    services.departure_record(
        actor=actor_for(world), person=sofia_on_file, left_at=timezone.now(), reason="dismissal"
    )
    response = client_for(world.sofia).get("/conveyance/seals/")
    assert response.status_code == 403


def test_returning_everything_completes_the_departure_and_the_gafete_comes_back(world):
    someone = person(world, post(world), number="E-5", name="Héctor Salazar Ríos")
    badge = customs_badge(world, "HECTOR SALAZAR RIOS", number="ZLO-1187")
    departure = services.departure_record(
        actor=actor_for(world), person=someone, left_at=timezone.now(), reason="resignation"
    )
    item = departure.items.get(key=f"shipments.badge:{badge.pk}")
    services.departure_item_resolve(actor=actor_for(world), item=item, outcome="returned")
    departure.refresh_from_db()
    assert departure.completed_at is not None and departure.on_time
    assert CustomsBadge.objects.get(pk=badge.pk).status == "returned"


def test_a_missing_item_needs_a_note_and_marks_the_gafete_lost(world):
    someone = person(world, post(world), number="E-6", name="Rita Mora")
    badge = customs_badge(world, "Rita Mora", number="NLD-66")
    departure = services.departure_record(
        actor=actor_for(world), person=someone, left_at=timezone.now(), reason="security"
    )
    item = departure.items.get(outcome="pending")
    with pytest.raises(ValidationError) as error:
        services.departure_item_resolve(actor=actor_for(world), item=item, outcome="missing")
    assert "note" in error.value.message_dict
    services.departure_item_resolve(
        actor=actor_for(world), item=item, outcome="missing", note="No lo entregó"
    )
    assert CustomsBadge.objects.get(pk=badge.pk).status == "lost"


def test_a_departure_before_the_hire_date_is_refused_and_nothing_changes(world, sofia_on_file):
    left = timezone.now() - datetime.timedelta(days=900)
    with pytest.raises(ValidationError) as error:
        services.departure_record(
            actor=actor_for(world), person=sofia_on_file, left_at=left, reason="resignation"
        )
    assert "before the hire date" in error.value.message_dict["left_at"][0]
    assert not Departure.objects.exists()
    assert Membership.objects.get(user=world.sofia, organization=world.org).is_active


def test_the_last_administrator_cannot_be_departed(world):
    on_file = person(world, post(world), number="E-001", user=world.alice)
    with pytest.raises(ValidationError, match="last active administrator"):
        services.departure_record(
            actor=actor_for(world), person=on_file, left_at=timezone.now(), reason="other"
        )
    assert not DepartureItem.objects.exists()


def test_the_indicator_counts_a_late_departure(world):
    the_post = post(world)
    on_time = person(world, the_post, number="E-1", name="Ana Pronta")
    late = person(world, the_post, number="E-2", name="Beto Tarde")
    customs_badge(world, "Ana Pronta", number="NLD-1")
    customs_badge(world, "Beto Tarde", number="NLD-2")
    now = timezone.now()
    quick = services.departure_record(
        actor=actor_for(world),
        person=on_time,
        left_at=now - datetime.timedelta(hours=2),
        reason="resignation",
    )
    slow = services.departure_record(
        actor=actor_for(world),
        person=late,
        left_at=now - datetime.timedelta(hours=30),
        reason="resignation",
    )
    for departure in (quick, slow):
        services.departure_item_resolve(
            actor=actor_for(world), item=departure.items.get(), outcome="returned"
        )

    reading = offboarding_access_removed(world.org)
    assert reading.value == 50
    assert (reading.numerator, reading.denominator) == (1, 2)


def test_an_open_departure_past_its_clock_counts_late(world):
    someone = person(world, post(world), number="E-9", name="Carla Pendiente")
    customs_badge(world, "Carla Pendiente", number="NLD-9")
    services.departure_record(
        actor=actor_for(world),
        person=someone,
        left_at=timezone.now() - datetime.timedelta(hours=25),
        reason="other",
    )
    assert offboarding_access_removed(world.org).value == 0
