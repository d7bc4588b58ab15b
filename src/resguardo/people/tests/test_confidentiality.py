"""Personnel files are for administrators and compliance officers only, and every read of a
file is written to the audit log."""

import pytest
from django.urls import reverse

from resguardo.core.models import AuditEntry

from .factories import person, post


@pytest.fixture
def on_file(world):
    return person(world, post(world), number="E-555", name="Rosa Confidencial Pérez")


def _pages(on_file):
    return [
        reverse("people:person_list"),
        reverse("people:person_detail", args=[on_file.pk]),
        reverse("people:person_export") + "?format=xlsx",
        reverse("people:training_matrix"),
        reverse("people:training_matrix_export"),
        reverse("people:departure_list"),
        reverse("people:acknowledgements"),
    ]


@pytest.mark.parametrize("who", ["sofia", "sam", "audrey"])
def test_staff_site_managers_and_auditors_never_read_personnel_files(
    world, on_file, client_for, api_for, who
):
    user = getattr(world, who)
    client = client_for(user)
    for url in _pages(on_file):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Rosa Confidencial" not in response.content
    api = api_for(user)
    for url in (
        reverse("api:person-list"),
        reverse("api:person-detail", args=[on_file.pk]),
        reverse("api:training_matrix"),
        reverse("api:attendance-list"),
    ):
        response = api.get(url)
        assert response.status_code == 403, url
        assert b"Rosa Confidencial" not in response.content
    assert not AuditEntry.objects.filter(verb="person.file_viewed").exists()


def test_another_organization_gets_not_found(world, on_file, client_for, api_for):
    assert (
        client_for(world.oscar).get(reverse("people:person_detail", args=[on_file.pk])).status_code
        == 404
    )
    assert (
        api_for(world.oscar).get(reverse("api:person-detail", args=[on_file.pk])).status_code == 404
    )


def test_reading_a_personnel_file_writes_an_audit_entry(world, on_file, client_for, api_for):
    response = client_for(world.carla).get(reverse("people:person_detail", args=[on_file.pk]))
    assert response.status_code == 200
    assert "Rosa Confidencial Pérez" in response.content.decode()
    entry = AuditEntry.objects.get(verb="person.file_viewed")
    assert entry.actor_id == world.carla.pk
    assert entry.object_id == str(on_file.pk)
    assert entry.organization_id == world.org.pk
    assert entry.action == "read"  # a read, not shown as a change in the audit log

    api_for(world.alice).get(reverse("api:person-detail", args=[on_file.pk]))
    assert AuditEntry.objects.filter(verb="person.file_viewed", actor=world.alice).count() == 1


def test_an_export_of_the_register_is_audited(world, on_file, client_for):
    response = client_for(world.alice).get(reverse("people:person_export") + "?format=csv")
    assert response.status_code == 200
    assert "E-555" in b"".join(response.streaming_content).decode()
    assert AuditEntry.objects.filter(verb="people.exported", data__rows=1, action="read").exists()


def test_the_list_keeps_its_query_count(world, client_for, django_assert_max_num_queries):
    the_post = post(world)
    for n in range(30):
        person(world, the_post, number=f"Q-{n:03}", name=f"Persona {n}")
    client = client_for(world.carla)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("people:person_list") + "?status=active&q=Persona")
    assert response.status_code == 200 and "Persona 29" in response.content.decode()
