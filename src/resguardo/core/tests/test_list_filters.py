"""The filters above the sites, members and audit-log lists speak to people: no “Unknown” or
“---------” choices, calendar pickers for dates. The API keeps the same parameters."""

import datetime

from django.utils import timezone

from resguardo.core import services
from resguardo.core.models import Membership


def test_member_filters_offer_words_not_placeholders(world, client_for):
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "en"
    page = client.get("/members/").content.decode()
    assert "All roles" in page
    assert "Active and inactive" in page
    for placeholder in ("---------", "Unknown", "Desconocido"):
        assert placeholder not in page


def test_member_list_shows_only_inactive_members_when_asked(world, client_for, api_for):
    Membership.objects.filter(user=world.sofia).update(is_active=False)
    page = client_for(world.alice).get("/members/?is_active=false").content.decode()
    assert "sofia@norte.example.mx" in page
    assert "sam@norte.example.mx" not in page
    api = api_for(world.alice)
    emails = {m["email"] for m in api.get("/api/v1/members/?is_active=false").json()["results"]}
    assert emails == {"sofia@norte.example.mx"}
    emails = {m["email"] for m in api.get("/api/v1/members/?is_active=true").json()["results"]}
    assert "sofia@norte.example.mx" not in emails and "sam@norte.example.mx" in emails


def test_site_filters_offer_words_not_placeholders(world, client_for):
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "es-mx"
    page = client.get("/sites/").content.decode()
    assert "Todos los tipos" in page
    assert "Activas e inactivas" in page or "Activos e inactivos" in page
    for placeholder in ("---------", "Desconocido"):
        assert placeholder not in page


def test_audit_log_dates_are_picked_from_a_calendar(world, client_for):
    page = client_for(world.alice).get("/audit/").content.decode()
    assert 'type="date" name="since"' in page
    assert 'type="date" name="until"' in page
    assert "---------" not in page


def test_audit_log_date_filter_keeps_working(world, client_for):
    services.site_update(actor=world.actor(world.alice), site=world.yard, address="X")
    today = timezone.localdate()
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "en"
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    page = client.get(f"/audit/?since={tomorrow}").content.decode()
    assert f'value="{tomorrow}"' in page
    assert "No entries match." in page
    page = client.get(f"/audit/?since={today.isoformat()}").content.decode()
    assert "No entries match." not in page
