"""Each persona's home shows what they should do next: their items, with figures that link
to their lists, and nothing of anyone else's."""

import datetime

import pytest
from django.utils import timezone

from resguardo.compliance.choices import Classification
from resguardo.compliance.tests.factories import ActionItemFactory, EvidenceFactory


@pytest.fixture
def items(world):
    today = timezone.localdate()
    return {
        "sofia": ActionItemFactory(
            organization=world.org,
            title="Tarea de Sofía",
            owner=world.sofia,
            site=world.yard,
            due_date=today + datetime.timedelta(days=4),
        ),
        "office": ActionItemFactory(
            organization=world.org,
            title="Pendiente de oficina",
            site=world.office,
            due_date=today - datetime.timedelta(days=2),
        ),
        "secret": EvidenceFactory(
            organization=world.org,
            title="Póliza confidencial",
            classification=Classification.CONFIDENTIAL,
            valid_until=today + datetime.timedelta(days=5),
        ),
        "sur": ActionItemFactory(
            organization=world.other_org,
            title="Tarea de Sur",
            due_date=today + datetime.timedelta(days=1),
        ),
    }


def _home(client_for, user):
    client = client_for(user)
    dashboard = client.get("/")
    assert dashboard.status_code == 200
    # the dashboard's slot, filled by htmx as soon as the page loads
    assert 'hx-get="/obligations/home/" hx-trigger="load"' in dashboard.content.decode()
    response = client.get("/obligations/home/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_the_compliance_officer_sees_overdue_obligations_and_the_whole_organization(
    world, items, client_for
):
    page = _home(client_for, world.carla)
    assert 'data-testid="home-next"' in page
    assert "Pendiente de oficina" in page and "Póliza confidencial" in page
    assert "Tarea de Sur" not in page
    assert 'data-testid="home-overdue"><span style="color:var(--bad)">1</span>' in page
    assert "/obligations/list/?status=overdue" in page


def test_staff_see_their_own_tasks_first_and_nothing_from_other_sites(world, items, client_for):
    page = _home(client_for, world.sofia)
    assert "Tarea de Sofía" in page
    assert "Pendiente de oficina" not in page  # another site
    assert "Póliza confidencial" not in page  # confidential: not for staff
    assert "Tarea de Sur" not in page
    assert 'data-testid="home-seals"' in page and 'data-testid="home-my-inspections"' in page
    assert 'data-testid="home-mine">1<' in page


def test_the_site_manager_sees_holds_and_checks_at_their_site(world, items, client_for):
    page = _home(client_for, world.sam)
    assert 'data-testid="home-held"' in page and "?status=held" in page
    assert "Tarea de Sofía" in page  # due at his yard
    assert "Pendiente de oficina" not in page


def test_the_auditor_sees_frozen_assessments_and_evidence(world, items, client_for):
    page = _home(client_for, world.audrey)
    assert 'data-testid="home-frozen"' in page and "?status=frozen" in page
    assert 'data-testid="home-evidence"' in page
    assert "Tarea de Sur" not in page


def test_the_outsider_sees_none_of_nortes_items(world, items, client_for):
    page = _home(client_for, world.oscar)
    assert "Tarea de Sur" in page
    for title in ("Tarea de Sofía", "Pendiente de oficina", "Póliza confidencial"):
        assert title not in page
