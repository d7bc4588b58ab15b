"""The people API: the same services as the pages, personnel data for admin and compliance."""

import datetime

from django.urls import reverse
from django.utils import timezone

from resguardo.core.models import AuditEntry

from .factories import catalog, customs_badge, pdf, person, post


def test_register_check_clear_and_depart_through_the_api(world, api_for):
    items, courses = catalog(world)
    the_post = post(world, "Glosador", sensitive=True, items=items[:1], courses=[(courses[0], 12)])
    api = api_for(world.carla)
    response = api.post(
        reverse("api:person-list"),
        {"kind": "employee", "employee_number": "e-10", "full_name": "Ana  Ruiz",
         "post": the_post.pk, "hire_date": "2022-01-10", "site": world.yard.pk},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    person_id = response.json()["id"]
    assert response.json()["employee_number"] == "E-10"

    check = api.post(reverse("api:person-background-check", args=[person_id]), {}, format="json")
    assert check.status_code == 201
    check_id, item_id = check.json()["id"], check.json()["items"][0]["id"]
    refused = api.post(reverse("api:backgroundcheck-clear", args=[check_id]))
    assert refused.status_code == 400
    recorded = api.post(
        reverse("api:backgroundcheck-record-item", args=[check_id]),
        {"item": item_id, "result": "satisfactory", "done_on": timezone.localdate().isoformat(),
         "evidence": pdf()},
        format="multipart",
    )  # fmt: skip
    assert recorded.status_code == 200, recorded.content
    assert recorded.json()["items"][0]["has_evidence"] is True
    cleared = api.post(reverse("api:backgroundcheck-clear", args=[check_id]))
    assert cleared.json()["status"] == "cleared"

    customs_badge(world, "Ana Ruiz", number="NLD-10")
    departed = api.post(
        reverse("api:person-departure", args=[person_id]),
        {"left_at": timezone.now().isoformat(), "reason": "resignation"},
        format="json",
    )
    assert departed.status_code == 201
    item = departed.json()["items"][0]
    assert item["kind"] == "Customs gafete" and item["outcome"] == "pending"
    resolved = api.post(
        reverse("api:departure-resolve-item", args=[departed.json()["id"]]),
        {"item": item["id"], "outcome": "returned"},
        format="json",
    )
    assert resolved.json()["on_time"] is True


def test_a_departure_before_hire_answers_400_naming_the_field(world, api_for):
    someone = person(world, post(world), number="E-1")
    response = api_for(world.alice).post(
        reverse("api:person-departure", args=[someone.pk]),
        {
            "left_at": (timezone.now() - datetime.timedelta(days=2000)).isoformat(),
            "reason": "other",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "left_at" in response.json()


def test_the_matrix_api_and_filters(world, api_for):
    _items, courses = catalog(world)
    the_post = post(world, "Chofer", courses=[(courses[0], 12)])
    person(world, the_post, number="C-1", name="Jesús Peña")
    person(world, post(world, "Otro"), number="O-1", name="Otra Persona")
    api = api_for(world.carla)
    body = api.get(reverse("api:training_matrix"), {"post": the_post.pk}).json()
    assert [r["employee_number"] for r in body["rows"]] == ["C-1"]
    assert body["counts"]["missing"] == 1 and body["coverage"] == 0
    listed = api.get(reverse("api:person-list"), {"q": "jes"}).json()
    assert [p["full_name"] for p in listed["results"]] == ["Jesús Peña"]
    assert not AuditEntry.objects.filter(verb="person.file_viewed").exists()  # lists are not files


def test_posts_and_courses_are_readable_by_every_member_but_written_by_compliance(world, api_for):
    catalog(world)
    sofia = api_for(world.sofia)
    assert sofia.get(reverse("api:course-list")).status_code == 200
    assert sofia.get(reverse("api:peoplepost-list")).status_code == 200
    assert (
        sofia.post(reverse("api:peoplepost-list"), {"name": "X"}, format="json").status_code == 403
    )
