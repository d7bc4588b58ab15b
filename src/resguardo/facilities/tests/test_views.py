import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from .. import services
from ..models import Visit
from .factories import actor, badge, check_in, jpeg

pytestmark = pytest.mark.django_db


def test_the_check_in_form_offers_the_camera_and_shows_the_privacy_notice(world, client_for):
    services.gate_policy_save(
        actor=actor(world, world.carla), privacy_notice="Aviso de privacidad X"
    )
    page = client_for(world.sofia).get(reverse("facilities:check_in"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'type="file"' in html and 'capture="user"' in html and 'accept="image/*"' in html
    assert "Aviso de privacidad X" in html and "privacy_notice_shown" in html


def test_check_in_through_the_page_then_out_from_the_evacuation_list(world, client_for):
    badge(world, "V-001")
    client = client_for(world.sofia)
    response = client.post(
        reverse("facilities:check_in"),
        {
            "site": world.yard.pk,
            "kind": "visitor",
            "full_name": "Lucía Ramos",
            "id_type": "ine",
            "id_number": "RALU900101",
            "purpose": "Reunión",
            "badge_number": "V-001",
            "photo": jpeg(),
        },
        follow=True,
    )
    assert "Lucía Ramos checked in at Patio Norte." in response.content.decode()
    page = client.get(reverse("facilities:on_site"))
    html = page.content.decode()
    assert "Lucía Ramos" in html and "1 person inside" in html and "V-001" in html
    visit = Visit.objects.get()
    response = client.post(reverse("facilities:check_out", args=[visit.pk]), {}, follow=True)
    assert "badge V-001 was NOT handed back and stays open" in response.content.decode()
    response = client.post(reverse("facilities:check_out", args=[visit.pk]), {}, follow=True)
    assert "already checked out" in response.content.decode()
    page = client.get(reverse("facilities:on_site")).content.decode()
    assert "Out with nobody inside:" in page and "Nobody is checked in." in page


def test_a_duplicate_check_in_post_shows_the_reason_on_the_form(world, client_for):
    client = client_for(world.sofia)
    data = {
        "site": world.yard.pk,
        "kind": "visitor",
        "full_name": "Lucía Ramos",
        "id_type": "ine",
        "purpose": "Reunión",
    }
    client.post(reverse("facilities:check_in"), data)
    response = client.post(reverse("facilities:check_in"), data)
    assert "Lucía Ramos is already checked in at Patio Norte" in response.content.decode()
    assert Visit.objects.count() == 1


def test_staff_of_one_site_never_see_another_sites_log(world, client_for):
    check_in(world, user=world.alice, site=world.office, full_name="Visita De Oficina")
    check_in(world, full_name="Visita Del Patio")
    client = client_for(world.sofia)
    for name in ("facilities:visit_list", "facilities:on_site"):
        html = client.get(reverse(name)).content.decode()
        assert "Visita Del Patio" in html and "Visita De Oficina" not in html
    office_visit = Visit.objects.get(site=world.office)
    assert client.get(reverse("facilities:visit_detail", args=[office_visit.pk])).status_code == 404
    html = client_for(world.carla).get(reverse("facilities:visit_list")).content.decode()
    assert "Visita De Oficina" in html


def test_the_visitor_photo_is_served_only_inside_the_organization(world, client_for):
    visit = check_in(world, photo=jpeg())
    url = reverse("facilities:visit_photo", args=[visit.pk])
    assert client_for(world.sofia).get(url)["Content-Type"] == "image/jpeg"
    assert client_for(world.oscar).get(url).status_code == 404


def test_the_visitor_log_filters_by_name_and_presence(world, client_for):
    check_in(world, full_name="Ana Dentro")
    out = check_in(world, full_name="Beto Fuera")
    services.visit_check_out(actor=actor(world, world.sofia), visit=out)
    client = client_for(world.sam)
    html = client.get(reverse("facilities:visit_list"), {"q": "ana"}).content.decode()
    assert "Ana Dentro" in html and "Beto Fuera" not in html
    html = client.get(reverse("facilities:visit_list"), {"on_site": "false"}).content.decode()
    assert "Beto Fuera" in html and "Ana Dentro" not in html


def test_badge_pages_issue_return_and_lose(world, client_for):
    b = badge(world, "E-7", kind="employee")
    client = client_for(world.sam)
    response = client.post(
        reverse("facilities:badge_issue", args=[b.pk]),
        {
            "holder_name": "Pedro Ruiz",
            "employee_number": "EMP-7",
            "expires_on": "2099-01-01",
            "version": b.version,
        },
        follow=True,
    )
    assert "Badge E-7 issued." in response.content.decode()
    response = client.post(
        reverse("facilities:badge_lost", args=[b.pk]), {"note": "x"}, follow=True
    )
    assert "recorded as lost and deactivated" in response.content.decode()
    response = client.post(reverse("facilities:badge_return", args=[b.pk]), follow=True)
    assert "nothing to return" in response.content.decode()


def test_denied_list_is_managed_by_compliance_only(world, client_for):
    url = reverse("facilities:denied_add")
    assert client_for(world.sofia).get(url).status_code == 403
    client = client_for(world.carla)
    client.post(url, {"full_name": "Raúl Esquivel", "reason": "Identificación alterada"})
    assert "Raúl Esquivel" in client.get(reverse("facilities:denied_list")).content.decode()


def test_purge_deletes_visits_past_the_retention_with_their_photos(world):
    services.gate_policy_save(actor=actor(world, world.carla), retention_days=30)
    old = check_in(world, full_name="Antigua", photo=jpeg())
    services.visit_check_out(actor=actor(world, world.sofia), visit=old)
    storage, name = old.file.storage, old.file.name
    check_in(world, full_name="Reciente")
    Visit.objects.filter(pk=old.pk).update(
        checked_in_at=timezone.now() - datetime.timedelta(days=40),
        checked_out_at=timezone.now() - datetime.timedelta(days=40),
    )
    call_command("facilities_purge_visits")
    assert list(Visit.objects.values_list("full_name", flat=True)) == ["Reciente"]
    assert not storage.exists(name)
