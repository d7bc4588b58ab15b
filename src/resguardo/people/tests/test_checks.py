"""Background checks: no clearance with items missing or evidence missing; yearly re-checks of
sensitive posts feed the calendar."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from resguardo.core.modules import due_dates
from resguardo.people import services
from resguardo.people.indicators import background_checks_current

from .factories import actor_for, catalog, cleared, pdf, person, post


@pytest.fixture
def guard(world):
    items, _courses = catalog(world)
    return person(
        world,
        post(world, "Guardia", sensitive=True, items=items[:3]),
        number="G-1",
        name="Juan Zamora",
    )


def test_a_person_cannot_be_cleared_with_items_missing(world, guard):
    actor = actor_for(world)
    check = services.check_start(actor=actor, person=guard)
    first = check.items.first()
    services.check_item_record(
        actor=actor, item=first, result="satisfactory", done_on=timezone.localdate(), evidence=pdf()
    )
    with pytest.raises(ValidationError, match="missing a result or evidence") as error:
        services.check_clear(actor=actor, check=check)
    for item in check.items.exclude(pk=first.pk):
        assert item.item_type.name in error.value.messages[0]
    guard.refresh_from_db()
    assert guard.cleared_on is None


def test_an_item_requiring_evidence_is_refused_without_it(world, guard):
    actor = actor_for(world)
    item = services.check_start(actor=actor, person=guard).items.first()
    with pytest.raises(ValidationError) as error:
        services.check_item_record(
            actor=actor, item=item, result="satisfactory", done_on=timezone.localdate()
        )
    assert "requires evidence" in error.value.message_dict["evidence"][0]
    item.refresh_from_db()
    assert item.result == ""


def test_clearing_records_the_date_and_the_indicator_counts_it(world, guard):
    assert background_checks_current(world.org).value == 0
    cleared(world, guard)
    guard.refresh_from_db()
    assert guard.cleared_on == timezone.localdate()
    assert background_checks_current(world.org).value == 100


def test_a_sensitive_posts_recheck_turns_due_after_a_year(world, guard):
    cleared(world, guard)
    key = f"people.recheck:{guard.pk}"
    today = timezone.localdate()

    def due_keys():
        now = timezone.localdate()
        return {d.key for d in due_dates(organization=world.org, start=None, end=now)}

    assert key not in due_keys()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=364)):
        assert key not in due_keys()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=367)):
        assert key in due_keys()
        assert background_checks_current(world.org).value == 0
    # Staff never see it in their calendar: personnel obligations need compliance rights.
    sofia_sees = due_dates(
        organization=world.org,
        start=None,
        end=today + datetime.timedelta(days=400),
        membership=world.membership(world.sofia),
    )
    assert key not in {d.key for d in sofia_sees}


def test_a_post_that_is_not_sensitive_is_not_rechecked_yearly(world):
    items, _ = catalog(world)
    clerk = person(
        world,
        post(world, "Archivo", items=[i for i in items if not i.validity_months][:2]),
        number="A-1",
    )
    cleared(world, clerk)
    end = timezone.localdate() + datetime.timedelta(days=800)
    assert f"people.recheck:{clerk.pk}" not in {
        d.key for d in due_dates(organization=world.org, start=None, end=end)
    }
