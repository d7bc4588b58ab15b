"""The append-only, hash-chained audit log: written by services, verified by `audit verify`."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from resguardo.core import services
from resguardo.core.actors import Actor
from resguardo.core.choices import Role, SiteKind
from resguardo.core.models import AuditChainHead, AuditEntry
from resguardo.testing.factories import UserFactory, aduana


def _table():
    return connection.ops.quote_name(AuditEntry._meta.db_table)


# Sequences are per organization (each has its own chain): rows are named by both.
def raw_set_after(sequence: int, value: dict, organization) -> None:
    """Tamper like an attacker with database access: plain SQL, no model code."""
    placeholder = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    column = connection.ops.quote_name("after")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table()} SET {column} = {placeholder} "
            "WHERE sequence = %s AND organization_id = %s",
            [json.dumps(value), sequence, organization.pk],
        )
        assert cursor.rowcount == 1


def raw_delete(sequence: int, organization) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_table()} WHERE sequence = %s AND organization_id = %s",
            [sequence, organization.pk],
        )
        assert cursor.rowcount == 1


def raw_set_timestamp(sequence: int, moment, organization) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table()} SET timestamp = %s WHERE sequence = %s AND organization_id = %s",
            [moment, sequence, organization.pk],
        )


def verify():
    """Run `audit verify`; return (exit code, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def history(world):
    """Norte's admin creates, updates and deletes through services: several entries."""
    admin = world.membership(world.alice)
    site = services.site_create(
        actor=Actor.for_member(admin),
        name="Bodega Filtro",
        kind=SiteKind.WAREHOUSE,
        aduana=aduana("24"),
    )
    services.site_update(actor=Actor.for_member(admin), site=site, address="Km 7")
    patente = services.patente_add(actor=Actor.for_member(admin), number="3902")
    services.patente_remove(actor=Actor.for_member(admin), patente=patente)
    services.membership_bootstrap(
        actor=None,
        organization=world.org,
        user=UserFactory(email="nuevo@norte.example.mx"),
        role=Role.STAFF,
        all_sites=True,
    )
    return site


def test_services_write_entries_with_before_and_after(world, history):
    entries = list(AuditEntry.objects.filter(organization=world.org).order_by("sequence"))
    created, updated, patente_added, patente_removed, bootstrap = entries
    assert (created.action, created.object_type, created.before) == ("create", "core.site", None)
    assert created.after["name"] == "Bodega Filtro"
    assert created.actor_id == world.alice.pk
    assert updated.action == "update"
    assert (updated.before["address"], updated.after["address"]) == ("", "Km 7")
    assert updated.before["version"] == 1 and updated.after["version"] == 2
    assert patente_added.action == "create"
    assert patente_removed.action == "delete"
    assert patente_removed.before["number"] == "3902" and patente_removed.after is None
    assert bootstrap.actor_label == "system"
    # Each entry links to the one before it in the organization's own chain.
    for previous, entry in zip(entries, entries[1:], strict=False):
        assert entry.previous_hash == previous.entry_hash
    assert [e.sequence for e in entries] == [1, 2, 3, 4, 5]
    assert AuditChainHead.objects.get(organization=world.org).sequence == entries[-1].sequence


def test_entry_page_shows_before_and_after(world, history, client_for):
    updated = AuditEntry.objects.get(organization=world.org, action="update")
    page = client_for(world.alice).get(reverse("core:audit_entry", args=[updated.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Km 7" in body and "Bodega Filtro" in body
    assert updated.entry_hash in body


def test_entry_page_of_an_action_shows_its_details_and_no_empty_field_table(world, client_for):
    """A verb that records an action (a screening decision, a file read) keeps what it needs
    in `data`: the auditor reads it on the entry's page, not a table with no rows."""
    from django.db import transaction

    from resguardo.core.audit import audit_record
    from resguardo.core.choices import AuditAction

    site = world.org.sites.first()
    with transaction.atomic():
        entry = audit_record(
            actor=Actor.system(world.org),
            organization=world.org,
            action=AuditAction.READ,
            instance=site,
            verb="site.viewed",
            data={"partner": "Transportes Ñandú", "hits": [1, 2]},
        )
    page = client_for(world.alice).get(reverse("core:audit_entry", args=[entry.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="audit-details"' in body
    assert "Transportes Ñandú" in body and "[1, 2]" in body
    assert 'data-testid="no-field-changed"' in body and "<th>Before</th>" not in body


def test_the_log_is_append_only_through_the_orm(history):
    entry = AuditEntry.objects.order_by("sequence").first()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).update(after={})
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    entry.after = {"name": "changed"}
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()


def test_intact_chain_verifies_with_its_count(history):
    code, out, _err = verify()
    assert code == 0
    assert f"{AuditEntry.objects.count()} entries verified" in out


def test_tampered_after_is_named(world, history):
    target = AuditEntry.objects.get(action="update", object_type="core.site")
    raw_set_after(target.sequence, {**target.after, "address": "somewhere else"}, world.org)
    code, _out, err = verify()
    assert code == 1
    assert f"entry #{target.sequence} was changed" in err
    assert f"broken at entry #{target.sequence}" in err


def test_entry_removed_in_the_middle_is_named(world, history):
    sequences = list(
        AuditEntry.objects.filter(organization=world.org)
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )
    middle = sequences[len(sequences) // 2]
    raw_delete(middle, world.org)
    code, _out, err = verify()
    assert code == 1
    assert f"entry #{middle} is missing (removed)" in err


def test_newest_entry_removed_is_detected_through_the_chain_head(world, history):
    newest = AuditEntry.objects.filter(organization=world.org).order_by("-sequence")[0].sequence
    raw_delete(newest, world.org)
    code, _out, err = verify()
    assert code == 1
    assert f"broken at entry #{newest}" in err
    assert f"chain head names #{newest}" in err


# The audit log page ----------------------------------------------------------------------


def _rows(client, **query):
    response = client.get(reverse("core:audit_log"), query)
    assert response.status_code == 200
    return response.content.decode().split('id="rows"', 1)[1]


def test_audit_log_filters_by_action_actor_and_date(world, history, client_for):
    client = client_for(world.alice)
    everything = _rows(client)
    assert "Bodega Filtro" in everything and "3902" in everything

    deleted = _rows(client, action="delete")
    assert "3902" in deleted and "Bodega Filtro" not in deleted

    by_alice = _rows(client, actor="alice")
    assert "Bodega Filtro" in by_alice and ">system<" not in by_alice
    by_system = _rows(client, actor="system")
    assert "Bodega Filtro" not in by_system and "system" in by_system

    created = AuditEntry.objects.get(action="create", object_type="core.site", object_id=history.pk)
    raw_set_timestamp(created.sequence, timezone.now() - datetime.timedelta(days=10), world.org)
    today = timezone.localdate()
    recent = _rows(client, since=today.isoformat())
    assert f">{created.sequence}</a>" not in recent
    assert "3902" in recent
    old = _rows(client, until=(today - datetime.timedelta(days=5)).isoformat())
    assert f">{created.sequence}</a>" in old and "3902" not in old


def test_audit_log_is_limited_to_the_organization(world, history, client_for, api_for):
    services.site_create(
        actor=world.actor(world.oscar),
        name="Bodega del Sur",
        kind=SiteKind.WAREHOUSE,
        aduana=aduana("16"),
    )
    oscar = client_for(world.oscar)
    rows = _rows(oscar)
    assert "Bodega del Sur" in rows
    assert "Bodega Filtro" not in rows and "3902" not in rows
    norte_entry = AuditEntry.objects.filter(organization=world.org).first()
    assert oscar.get(reverse("core:audit_entry", args=[norte_entry.pk])).status_code == 404

    api = api_for(world.oscar).get("/api/v1/audit-log/", {"action": "create"})
    labels = {row["object_label"] for row in api.json()["results"]}
    assert "Bodega del Sur" in labels and "Bodega Filtro" not in labels
    api_norte = api_for(world.carla).get("/api/v1/audit-log/", {"action": "delete"})
    assert [row["object_label"] for row in api_norte.json()["results"]] == ["3902"]
