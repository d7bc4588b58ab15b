"""A new module touches only INSTALLED_APPS: tests/sample_module is listed in
config/test_settings.py and nowhere else, yet it is in the menu, the API schema, the walks,
the indicator catalog, the due-date calendar and the demo."""

import datetime
from pathlib import Path

from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

import resguardo
from resguardo.accounts.demo import seed_demo
from resguardo.core.indicators import get_indicator
from resguardo.core.modules import due_dates, held_items

from ..sample_module.models import SampleNote
from .walking import DISCOVERED, URL_KWARGS, oscar_client, route_url, walkable_routes

SOURCE = Path(resguardo.__file__).parent


def test_the_sample_module_is_named_only_in_the_test_settings():
    mentions = sorted(
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".yaml", ".toml"}
        and "sample_module" in path.read_text(encoding="utf-8", errors="replace")
    )
    assert mentions == ["config/test_settings.py"]


def test_it_is_in_the_menu_under_its_standard(world, client_for):
    page = client_for(world.alice).get(reverse("core:dashboard")).content.decode()
    assert 'href="/sample/"' in page and "Sample notes" in page
    assert reverse("sample_module:note_list") == "/sample/"


def test_it_is_in_the_api_schema(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert "/api/v1/sample-notes/" in schema["paths"]
    assert "/api/v1/sample-notes/{id}/" in schema["paths"]


def test_the_walks_reach_its_routes(walk):
    assert "sample_module" in DISCOVERED.fixtures
    walked = {route.name: route for route in walkable_routes()}
    for name in ("sample_module:note_list", "sample_module:note_detail", "api:samplenote-list"):
        assert name in walked
    assert "sample_module:note_detail" in URL_KWARGS
    assert "Nota de muestra Norte" in walk.markers
    oscar = oscar_client(walk)
    for name in ("sample_module:note_detail", "api:samplenote-detail"):
        assert oscar.get(route_url(walked[name], walk)).status_code == 404


def test_its_indicator_and_due_dates_are_read(world):
    assert get_indicator("sample.notes") is not None
    today = datetime.date(2027, 3, 1)
    SampleNote.objects.create(
        organization=world.org, site=world.yard, title="Revisión de muestra", due_on=today
    )
    found = due_dates(
        organization=world.org,
        membership=world.membership(world.alice),
        start=today,
        end=today + datetime.timedelta(days=30),
    )
    assert [(d.title, d.due_on, d.module) for d in found] == [
        ("Revisión de muestra", today, "sample_module")
    ]
    oscar = world.membership(world.oscar)
    assert due_dates(organization=oscar.organization, membership=oscar, start=None, end=today) == []


def test_its_held_items_are_gathered_for_a_departure(world):
    SampleNote.objects.create(organization=world.org, site=world.yard, title="Llave E-0042")
    SampleNote.objects.create(organization=world.other_org, site=world.other_site, title="E-0042")
    found = held_items(organization=world.org, employee_number="E-0042", full_name="Ana")
    assert [(i.label, i.module) for i in found] == [("Llave E-0042", "sample_module")]
    assert held_items(organization=world.org, employee_number="E-0043") == []


def test_its_demo_seeder_runs(db):
    context = seed_demo()
    assert SampleNote.objects.filter(
        organization=context.organization, title="Nota de demostración"
    ).exists()
