"""Readiness and its trend come from the current assessment, never silently from a new draft."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from resguardo.compliance import selectors, services
from resguardo.core.models import AuditEntry

from .english import english_pages  # noqa: F401 - pages in English
from .factories import answer_all, start_assessment


def overall(world, persona="alice"):
    return selectors.dashboard_data(membership=world.membership(getattr(world, persona)))


def test_a_new_draft_does_not_take_over_readiness_or_the_trend(world, assessment, client_for):
    answer_all(world, assessment)
    before = overall(world)
    assert before.overall == 100.0
    draft = start_assessment(world, name="Borrador 2027")
    after = overall(world)
    assert after.overall == 100.0
    assert [item.assessment for item in after.current] == [assessment]
    assert list(after.trend) == [assessment.pk]
    assert [item.assessment for item in after.drafts] == [draft]
    page = client_for(world.alice).get(reverse("compliance:dashboard")).content.decode()
    assert 'data-testid="drafts"' in page and "Borrador 2027" in page
    detail = client_for(world.alice).get(draft.get_absolute_url()).content.decode()
    assert "Not current: readiness and its trend come from" in detail
    assert 'data-testid="answered">0 / 35 (0%)' in detail  # the draft's own progress


def test_marking_current_moves_readiness_and_is_audited(world, assessment, client_for):
    answer_all(world, assessment)
    draft = start_assessment(world, name="Borrador 2027")
    response = client_for(world.carla).post(
        reverse("compliance:assessment_mark_current", args=[draft.pk])
    )
    assert response.status_code == 302
    data = overall(world)
    assert [item.assessment for item in data.current] == [draft]
    assert data.overall == 0.0
    entry = AuditEntry.objects.filter(
        object_type="compliance.assessment", object_id=str(draft.pk)
    ).latest("sequence")
    assert entry.actor_label and entry.after["marked_current_at"]
    assert entry.before["marked_current_at"] is None
    detail = client_for(world.alice).get(draft.get_absolute_url()).content.decode()
    assert "Readiness and its trend come from this assessment." in detail


def test_freezing_a_later_assessment_makes_it_current(world, assessment):
    draft = start_assessment(world, name="Borrador 2027")
    answer_all(world, draft)
    draft.refresh_from_db()
    services.assessment_freeze(actor=world.actor(world.carla), assessment=draft)
    assert [item.assessment.pk for item in overall(world).current] == [draft.pk]


def test_only_approvers_mark_an_assessment_current(world, assessment, api_for):
    draft = start_assessment(world, name="Borrador 2027")
    for persona in ("sam", "sofia", "audrey"):
        with pytest.raises(PermissionDenied):
            services.assessment_mark_current(
                actor=world.actor(getattr(world, persona)),
                assessment=draft,
            )
    response = api_for(world.carla).post(f"/api/v1/assessments/{draft.pk}/mark-current/")
    assert response.status_code == 200
    assert response.json()["marked_current_at"]


def test_the_create_page_says_what_happens(world, assessment, client_for):
    page = client_for(world.carla).get(reverse("compliance:assessment_create"))
    text = page.content.decode()
    assert "keep coming from the current assessment (Autoevaluación NEEC)" in text
