"""A departure (people) revokes Resguardo access at once and gathers what the person still
holds from every module through the held-items registry: here the sample module's notes
(matched by employee number) and an official customs gafete of the badge register."""

import pytest
from django.utils import timezone

from resguardo.accounts.services import api_token_authenticate, api_token_create
from resguardo.core.models import Membership
from resguardo.people import services
from resguardo.people.tests.factories import actor_for, customs_badge, person, post
from tests.sample_module.models import SampleNote


@pytest.fixture(autouse=True)
def english_interface(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def sofia_on_file(world):
    return person(
        world, post(world, "Yard"), number="E-077", name="Sofía Treviño", user=world.sofia
    )


def test_a_departure_revokes_access_at_once_and_lists_what_is_still_held(world, sofia_on_file):
    _token, key = api_token_create(user=world.sofia, name="tablet")
    # Something held in another module (the sample module's held_items matches the employee
    # number) and an official customs gafete in the badge register.
    SampleNote.objects.create(organization=world.org, site=world.yard, title="Llave patio E-077")
    customs_badge(world, "Sofía Treviño", number="NLD-77", user=world.sofia)

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
    assert items["Customs gafete"].label.startswith("NLD-77 · ")
    assert items["Customs gafete"].outcome == "pending"
    assert departure.completed_at is None
    sofia_on_file.refresh_from_db()
    assert sofia_on_file.status == "departed"
