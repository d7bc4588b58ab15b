"""Four eyes: the person who last changed an answer cannot also sign it off (per organization,
on by default), in the service, the page and the API."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resguardo.compliance import services
from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult
from resguardo.core import services as core_services
from resguardo.core.actors import Actor

from .english import english_pages  # noqa: F401 - pages in English

MESSAGE = "someone else must review it"


@pytest.fixture
def answered(world, assessment):
    item = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.1")
    return services.result_update(
        actor=world.actor(world.carla), target=item,
        result=Result.COMPLIANT, answer="Matriz anual.",
    )  # fmt: skip


def test_the_last_editor_cannot_sign_off_their_own_answer(world, answered):
    assert world.org.review_by_second_person  # on by default
    with pytest.raises(ValidationError, match=MESSAGE):
        services.result_review(actor=world.actor(world.carla), target=answered)
    reviewed = services.result_review(actor=world.actor(world.alice), target=answered)
    assert reviewed.reviewed_by == world.alice


def test_the_page_and_the_api_refuse_with_a_clear_message(world, answered, client_for, api_for):
    page = client_for(world.carla).post(
        reverse("compliance:result_review", args=[answered.pk]), follow=True
    )
    assert MESSAGE in page.content.decode()
    response = api_for(world.carla).post(f"/api/v1/requirement-results/{answered.pk}/review/", {})
    assert response.status_code == 400
    assert MESSAGE in str(response.json())
    answered.refresh_from_db()
    assert answered.reviewed_at is None


def test_an_organization_may_turn_four_eyes_off(world, answered, client_for):
    response = client_for(world.alice).post(
        reverse("core:organization_settings"),
        {"legal_name": world.org.legal_name, "rfc": world.org.rfc, "version": world.org.version},
    )
    assert response.status_code == 302
    world.org.refresh_from_db()
    assert world.org.review_by_second_person is False
    carla = world.membership(world.carla)
    carla.organization.refresh_from_db()
    reviewed = services.result_review(actor=Actor.for_member(carla), target=answered)
    assert reviewed.reviewed_by == world.carla
    core_services.organization_update(actor=world.actor(world.alice), review_by_second_person=True)
    world.org.refresh_from_db()
    assert world.org.review_by_second_person is True
