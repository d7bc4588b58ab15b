"""Services take one Actor: its request id reaches the audit entry, non-user actors are named
by their label, and top-level services refuse to run inside another transaction."""

import pytest
from django.db import transaction
from django.urls import reverse

from resguardo.core import services
from resguardo.core.actors import Actor
from resguardo.core.audit import entry_hash
from resguardo.core.audit_checks import audit_verify
from resguardo.core.models import AuditEntry
from resguardo.core.writes import create_audited
from resguardo.testing.factories import aduana


def test_a_page_records_the_request_id_on_its_audit_entry(world, client):
    client.force_login(world.alice)
    answer = client.post(
        reverse("core:patente_add"), {"number": "3907"}, HTTP_X_REQUEST_ID="proxy-req-00000042"
    )
    assert answer.status_code == 302 and answer["X-Request-ID"] == "proxy-req-00000042"
    entry = AuditEntry.objects.get(organization=world.org, verb="patente.created")
    assert entry.request_id == "proxy-req-00000042"
    assert entry.actor_id == world.alice.pk and entry.actor_label == str(world.alice)


def test_the_request_id_is_in_the_hash_of_new_entries_only(world):
    site = services.site_create(
        actor=Actor.for_member(world.membership(world.alice), request_id="abcdef0123456789"),
        name="Bodega Hash",
        aduana=aduana("24"),
    )
    entry = AuditEntry.objects.get(organization=world.org, object_id=str(site.pk))
    assert entry.request_id == "abcdef0123456789" and entry_hash(entry) == entry.entry_hash
    entry.request_id = "0000000000000000"
    assert entry_hash(entry) != entry.entry_hash  # a changed request id is detected
    entry.request_id = ""
    legacy = entry_hash(entry)  # entries written before request ids hash as they always did
    assert legacy != entry.entry_hash and audit_verify() == []


def test_system_and_link_actors_are_named_in_the_log(world):
    site = world.yard
    with transaction.atomic():
        create_audited(actor=Actor.system(world.org), organization=world.org, instance=site)
        create_audited(
            actor=Actor.external(world.org, label="Partner via link (r@x.mx)"),
            organization=world.org,
            instance=site,
        )
        create_audited(actor=world.carla, organization=world.org, instance=site)  # a bare user
        create_audited(actor=None, organization=world.org, instance=site)
    entries = AuditEntry.objects.filter(
        organization=world.org, object_id=str(site.pk), object_type="core.site"
    ).order_by("sequence")
    labels = list(entries.values_list("actor_label", "actor_id"))
    assert labels == [
        ("system", None),
        ("Partner via link (r@x.mx)", None),
        (str(world.carla), world.carla.pk),
        ("system", None),
    ]
    assert len(entries.first().request_id) == 32  # a system actor gets its own request id


def test_a_top_level_service_refuses_to_run_inside_another_transaction(world):
    actor = world.actor(world.alice)
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        services.patente_add(actor=actor, number="3908")
    # Alone (the test's own transaction does not count) it runs.
    assert services.patente_add(actor=actor, number="3908").number == "3908"
