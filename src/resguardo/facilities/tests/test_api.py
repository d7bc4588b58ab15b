import pytest
from django.urls import reverse

from ..models import Visit
from .factories import badge, check_in

pytestmark = pytest.mark.django_db


def test_check_in_and_out_through_the_api(world, api_for):
    badge(world, "V-001")
    api = api_for(world.sofia)
    response = api.post(
        reverse("api:visit-list"),
        {
            "site": world.yard.pk,
            "full_name": "Lucía Ramos",
            "id_type": "ine",
            "purpose": "Reunión",
            "badge_number": "V-001",
            "host": world.sam.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["badge_number"] == "V-001"
    again = api.post(
        reverse("api:visit-list"),
        {"site": world.yard.pk, "full_name": "Lucía Ramos", "id_type": "ine", "purpose": "x"},
        format="json",
    )
    assert again.status_code == 400 and "already checked in" in again.content.decode()
    on_site = api.get(reverse("api:visit-on-site")).json()
    assert [v["full_name"] for v in on_site] == ["Lucía Ramos"]
    out = api.post(
        reverse("api:visit-check-out-by-badge"),
        {"site": world.yard.pk, "badge_number": "v-001"},
        format="json",
    )
    assert out.status_code == 200 and out.json()["badge_returned_at"]
    visit_id = out.json()["id"]
    twice = api.post(reverse("api:visit-check-out", args=[visit_id]), {}, format="json")
    assert twice.status_code == 400 and "already checked out" in twice.content.decode()


def test_another_organization_sees_nothing_and_cannot_check_out(world, api_for):
    visit = check_in(world)
    api = api_for(world.oscar)
    assert api.get(reverse("api:visit-list")).json()["count"] == 0
    response = api.post(reverse("api:visit-check-out", args=[visit.pk]), {}, format="json")
    assert response.status_code == 404
    assert Visit.objects.get().checked_out_at is None


def test_the_visit_list_filters_with_constant_queries(
    world, api_for, django_assert_max_num_queries
):
    for i in range(5):
        check_in(world, full_name=f"Persona {i}")
    api = api_for(world.carla)
    with django_assert_max_num_queries(12):
        response = api.get(reverse("api:visit-list"), {"q": "pers", "on_site": "true"})
    assert response.json()["count"] == 5


def test_auditors_read_but_cannot_check_in(world, api_for):
    api = api_for(world.audrey)
    assert api.get(reverse("api:badge-list")).status_code == 200
    response = api.post(
        reverse("api:visit-list"),
        {"site": world.yard.pk, "full_name": "X", "id_type": "ine", "purpose": "x"},
        format="json",
    )
    assert response.status_code == 403
