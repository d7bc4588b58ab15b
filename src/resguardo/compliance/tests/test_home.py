"""The home page as each persona sees it: the same readiness, overdue actions and expiring
evidence as the readiness page, and the person's own work."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import services
from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult

from .english import english_pages  # noqa: F401 - pages in English
from .factories import ActionItemFactory, EvidenceFactory, answer_all, start_assessment

PERSONAS = ["alice", "carla", "sam", "sofia", "audrey"]


def stat(page: str, testid: str) -> str:
    match = re.search(rf'data-testid="{testid}"[^>]*>\s*([^<]+?)\s*<', page)
    assert match, testid
    return match.group(1)


@pytest.fixture
def norte(world, assessment):
    """A fully answered assessment (one requirement partial), one overdue action owned by
    sofia, one expired and one expiring evidence item, one item valid for a year."""
    answer_all(world, assessment)
    partial = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2")
    services.result_update(
        actor=world.actor(world.carla), target=partial,
        result=Result.PARTIAL,
    )  # fmt: skip
    today = timezone.localdate()
    ActionItemFactory(
        organization=world.org, owner=world.sofia, title="Bitácora de llaves",
        due_date=today - datetime.timedelta(days=3),
    )  # fmt: skip
    for days in (-2, 10, 365):
        EvidenceFactory(organization=world.org, valid_until=today + datetime.timedelta(days=days))
    return assessment


@pytest.mark.parametrize("persona", PERSONAS)
def test_home_page_shows_the_readiness_page_figures(world, norte, client_for, persona):
    client = client_for(getattr(world, persona))
    readiness_page = client.get(reverse("compliance:dashboard")).content.decode()
    home = client.get(reverse("core:dashboard"))
    assert home.status_code == 200
    page = home.content.decode()
    overall = stat(readiness_page, "overall")
    assert overall not in ("—", "0%", "100%")  # a real, partial figure
    assert f'<div class="stat">{overall}</div>' in page
    assert "No current self-assessment yet." not in page
    assert stat(page, "panel-overdue") == stat(readiness_page, "overdue-count") == "1"
    assert stat(page, "panel-expiring") == stat(readiness_page, "expiring-count") == "2"


@pytest.mark.parametrize("persona", PERSONAS)
def test_standard_cards_show_the_readiness_the_self_assessment_gives(
    world, norte, client_for, persona
):
    page = client_for(getattr(world, persona)).get(reverse("core:dashboard")).content.decode()
    assert "self-assessment module" not in page
    for number in (2, 3, 8, 10, 11):
        card = page.split(f'data-testid="standard-{number}"')[1].split('data-testid="standard-')[0]
        assert "Readiness 100%" in card, number
    card_one = page.split('data-testid="standard-1"')[1].split('data-testid="standard-2"')[0]
    assert "Readiness 100%" not in card_one  # 1.2 is only partially compliant


def test_staff_home_shows_their_own_work_not_the_organization(world, norte, client_for):
    result = RequirementResult.objects.get(assessment=norte, node__ref_id="3.1")
    services.result_assign(
        actor=world.actor(world.carla), target=result,
        owner=world.sofia,
    )  # fmt: skip
    page = client_for(world.sofia).get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="organization-cards"' not in page
    assert "Active members" not in page
    assert stat(page, "my-actions") == "1"  # the overdue action she owns
    assert stat(page, "my-requirements") == "0"  # assigned, already answered
    assert "1 overdue" in page
    admin = client_for(world.alice).get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="organization-cards"' in admin


def test_home_page_figures_ignore_a_new_draft(world, norte, client_for):
    client = client_for(world.alice)
    before = stat(client.get(reverse("compliance:dashboard")).content.decode(), "overall")
    start_assessment(world, name="Borrador 2027")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert f'<div class="stat">{before}</div>' in page
    assert "Borrador 2027: in progress, 0% answered (not yet current)." in page
