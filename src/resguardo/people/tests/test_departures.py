"""Departures: access revoked at once, the checklist gathered from every module, the clock."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from resguardo.accounts.services import api_token_authenticate, api_token_create
from resguardo.core.models import Membership
from resguardo.people import services
from resguardo.people.indicators import offboarding_access_removed
from resguardo.people.models import Departure, DepartureItem, Gafete
from tests.sample_module.models import SampleNote

from .factories import actor_for, person, post


@pytest.fixture
def sofia_on_file(world):
    return person(
        world,
        post(world, "Operador de patio"),
        number="E-077",
        name="Sofía Treviño",
        user=world.sofia,
    )


def test_a_departure_revokes_access_at_once_and_lists_what_is_still_held(world, sofia_on_file):
    _token, key = api_token_create(user=world.sofia, name="tablet")
    # Something held in another module (the sample module's held_items matches the employee
    # number) and a customs gafete recorded here.
    SampleNote.objects.create(organization=world.org, site=world.yard, title="Llave patio E-077")
    services.gafete_issue(
        actor=actor_for(world),
        person=sofia_on_file,
        number="GAF-1",
        aduana="Nuevo Laredo",
        issued_on=timezone.localdate(),
    )

    departure = services.departure_record(
        actor=actor_for(world), person=sofia_on_file, left_at=timezone.now(), reason="resignation"
    )

    membership = Membership.objects.get(user=world.sofia, organization=world.org)
    assert membership.is_active is False
    assert api_token_authenticate(key) is None
    items = {i.kind: i for i in departure.items.all()}
    assert items["Resguardo access"].outcome == "revoked"
    assert items["API token"].outcome == "revoked"
    assert items["Note"].label == "Llave patio E-077" and items["Note"].outcome == "pending"
    assert items["Customs gafete"].label == "GAF-1 · Nuevo Laredo"
    assert departure.completed_at is None
    sofia_on_file.refresh_from_db()
    assert sofia_on_file.status == "departed"


def test_the_departed_member_can_no_longer_sign_in_to_the_organization(
    world, sofia_on_file, client_for
):
    services.departure_record(
        actor=actor_for(world), person=sofia_on_file, left_at=timezone.now(), reason="dismissal"
    )
    response = client_for(world.sofia).get("/conveyance/seals/")
    assert response.status_code == 403


def test_returning_everything_completes_the_departure_and_the_gafete_comes_back(
    world, sofia_on_file
):
    gafete = services.gafete_issue(
        actor=actor_for(world), person=sofia_on_file, number="GAF-2", issued_on=timezone.localdate()
    )
    departure = services.departure_record(
        actor=actor_for(world), person=sofia_on_file, left_at=timezone.now(), reason="resignation"
    )
    item = departure.items.get(key=f"people.gafete:{gafete.pk}")
    services.departure_item_resolve(actor=actor_for(world), item=item, outcome="returned")
    departure.refresh_from_db()
    assert departure.completed_at is not None and departure.on_time
    assert Gafete.objects.get(pk=gafete.pk).status == "returned"


def test_a_missing_item_needs_a_note(world, sofia_on_file):
    services.gafete_issue(
        actor=actor_for(world), person=sofia_on_file, number="GAF-3", issued_on=timezone.localdate()
    )
    departure = services.departure_record(
        actor=actor_for(world), person=sofia_on_file, left_at=timezone.now(), reason="security"
    )
    item = departure.items.get(outcome="pending")
    with pytest.raises(ValidationError) as error:
        services.departure_item_resolve(actor=actor_for(world), item=item, outcome="missing")
    assert "note" in error.value.message_dict


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
    on_time = person(world, the_post, number="E-1")
    late = person(world, the_post, number="E-2")
    for someone in (on_time, late):
        services.gafete_issue(
            actor=actor_for(world),
            person=someone,
            number=f"G-{someone.employee_number}",
            issued_on=timezone.localdate() - datetime.timedelta(days=30),
        )
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
    someone = person(world, post(world), number="E-9")
    services.gafete_issue(
        actor=actor_for(world),
        person=someone,
        number="G-9",
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    services.departure_record(
        actor=actor_for(world),
        person=someone,
        left_at=timezone.now() - datetime.timedelta(hours=25),
        reason="other",
    )
    assert offboarding_access_removed(world.org).value == 0
