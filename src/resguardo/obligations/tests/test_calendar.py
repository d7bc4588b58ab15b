"""The calendar pages: month and list views over every module's due dates, with filters,
overdue items highlighted, each linked to its record, for the member's scope only."""

import datetime

import pytest
from django.utils import timezone

from resguardo.compliance.tests.factories import ActionItemFactory, InternalAuditFactory
from resguardo.core.actors import Actor
from resguardo.partners.tests.factories import CertificationFactory, PartnerFactory

from .. import services
from ..selectors import reminder_policy


@pytest.fixture
def due(world):
    today = timezone.localdate()
    first = today.replace(day=1)
    action = ActionItemFactory(
        organization=world.org,
        title="Reja del patio",
        site=world.yard,
        owner=world.sam,
        due_date=first + datetime.timedelta(days=9),
    )
    late = ActionItemFactory(
        organization=world.org, title="Acción vencida", due_date=today - datetime.timedelta(days=3)
    )
    audit = InternalAuditFactory(
        organization=world.org,
        title="Auditoría semestral",
        planned_date=first + datetime.timedelta(days=12),
    )
    partner = PartnerFactory(
        organization=world.org,
        legal_name="Transportes del Bravo",
        next_review_due=today + datetime.timedelta(days=20),
    )
    cert = CertificationFactory(partner=partner, valid_until=today + datetime.timedelta(days=25))
    cycle = services.recurring_create(
        actor=Actor.for_member(world.membership(world.carla)),
        kind="contingency_drill",
        first_due_on=today + datetime.timedelta(days=2),
        owner=world.carla,
    )
    ActionItemFactory(organization=world.other_org, title="Acción de Sur", due_date=today)
    return {
        "action": action,
        "late": late,
        "audit": audit,
        "partner": partner,
        "cert": cert,
        "cycle": cycle,
    }


def test_the_list_shows_every_modules_items_linked_and_overdue_marked(world, due, client_for):
    page = client_for(world.carla).get("/obligations/list/").content.decode()
    for text in (
        "Reja del patio",
        "Acción vencida",
        "Transportes del Bravo",
        "Auditoría semestral",
    ):
        assert text in page
    assert due["action"].get_absolute_url() in page
    assert f"/partners/{due['partner'].pk}/" in page
    assert f"/obligations/cycle/{due['cycle'].pk}/" in page
    assert "Acción de Sur" not in page
    assert page.count('class="overdue"') == 1


def test_filters_by_status_module_standard_site_and_mine(world, due, client_for):
    client = client_for(world.carla)

    def titles(query):
        return client.get(f"/obligations/list/?{query}").content.decode()

    overdue = titles("status=overdue")
    assert "Acción vencida" in overdue and "Reja del patio" not in overdue
    partners = titles("module=partners")
    assert "Transportes del Bravo" in partners and "Acción vencida" not in partners
    standard_one = titles("standard=1")
    assert "Auditoría semestral" in standard_one and "Transportes del Bravo" not in standard_one
    yard = titles(f"site={world.yard.pk}")
    assert "Reja del patio" in yard and "Acción vencida" not in yard
    mine = titles("mine=on")
    assert f"/obligations/cycle/{due['cycle'].pk}/" in mine and "Reja del patio" not in mine


def test_a_site_manager_sees_only_his_sites_and_organization_wide_items(world, due, client_for):
    page = client_for(world.sam).get("/obligations/list/").content.decode()
    assert "Reja del patio" in page
    # partner dates need the compliance permission
    assert "Transportes del Bravo" not in page


def test_the_month_view_places_items_on_their_day(world, due, client_for):
    today = timezone.localdate()
    page = client_for(world.carla).get(f"/obligations/?month={today:%Y-%m}").content.decode()
    assert 'data-testid="month-grid"' in page
    assert "Reja del patio" in page and "Auditoría semestral" in page
    assert "Acción de Sur" not in page
    next_month = (today.replace(day=1) + datetime.timedelta(days=40)).strftime("%Y-%m")
    later = client_for(world.carla).get(f"/obligations/?month={next_month}").content.decode()
    assert "Reja del patio" not in later


def test_the_month_view_takes_a_constant_number_of_queries(world, client_for):
    """The same queries for 1 or 41 items: each module's provider reads its items at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.carla)
    today = timezone.localdate()
    ActionItemFactory(organization=world.org, title="Acción 0", due_date=today.replace(day=1))
    client.get("/obligations/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/obligations/").status_code == 200
    for n in range(40):
        ActionItemFactory(
            organization=world.org,
            title=f"Acción {n + 1}",
            due_date=today.replace(day=1) + datetime.timedelta(days=n % 27),
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get("/obligations/")
    assert response.status_code == 200
    assert "Acción 40" in response.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)


def test_recording_a_cycle_item_done_moves_its_next_date(world, due, client_for):
    cycle = due["cycle"]
    today = timezone.localdate()
    response = client_for(world.carla).post(
        f"/obligations/cycle/{cycle.pk}/done/", {"done_on": today.isoformat()}, follow=True
    )
    assert response.status_code == 200
    cycle.refresh_from_db()
    assert cycle.last_done_on == today
    assert cycle.next_due_on.year == today.year + 1


def test_staff_cannot_manage_the_cycle_and_outsiders_get_404(world, due, client_for):
    assert client_for(world.sofia).get("/obligations/cycle/new/").status_code == 403
    assert client_for(world.oscar).get(f"/obligations/cycle/{due['cycle'].pk}/").status_code == 404


def test_a_done_date_in_the_future_is_refused_naming_the_field(world, due):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.recurring_record_done(
            actor=Actor.for_member(world.membership(world.carla)),
            obligation=due["cycle"],
            done_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert "done_on" in error.value.message_dict


def test_reminder_offsets_are_validated(world, client_for):
    response = client_for(world.carla).post(
        "/obligations/reminders/",
        {"offsets": "30, 0", "remind_when_overdue": "on", "escalate_after_days": 5},
    )
    assert response.status_code == 200 and 'name="offsets"' in response.content.decode()
    assert reminder_policy(organization=world.org).pk is None  # nothing saved
    response = client_for(world.carla).post(
        "/obligations/reminders/",
        {"offsets": "14, 3", "remind_when_overdue": "on", "escalate_after_days": 5},
    )
    assert response.status_code == 302
    assert reminder_policy(organization=world.org).offsets == [14, 3]


def test_only_the_owner_or_compliance_record_a_cycle_item_done(world, due, client_for):
    url = f"/obligations/cycle/{due['cycle'].pk}/done/"
    today = timezone.localdate().isoformat()
    assert client_for(world.audrey).post(url, {"done_on": today}).status_code == 403
    assert client_for(world.sofia).post(url, {"done_on": today}).status_code == 403
    due["cycle"].refresh_from_db()
    assert due["cycle"].last_done_on is None
