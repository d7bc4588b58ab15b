"""Bulk audit entries (imports): many entries chained in order with the head locked and
signed once, exactly as one entry at a time would chain them, and `audit verify` passing."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db import connection, transaction

from resguardo.core.audit import (
    CHAIN_OPENED,
    AuditRecord,
    audit_record_many,
    checkpoint_is_valid,
    entry_hash,
)
from resguardo.core.choices import AuditAction, OrganizationKind, SiteKind
from resguardo.core.models import AuditChainHead, AuditEntry, Organization, Site
from resguardo.core.writes import create_audited, create_audited_many, update_audited_many
from resguardo.testing.factories import aduana, valid_rfc


def verify() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, err.getvalue() + str(error)
    return 0, out.getvalue()


def chain(organization):
    return list(AuditEntry.objects.filter(organization=organization).order_by("sequence"))


def new_sites(organization, *names):
    return [
        Site(organization=organization, name=name, kind=SiteKind.WAREHOUSE, aduana=aduana("24"))
        for name in names
    ]


def test_many_entries_are_chained_in_order_after_the_existing_ones(world):
    actor = world.actor(world.alice)
    with transaction.atomic():
        create_audited(
            actor=actor,
            organization=world.org,
            instance=new_sites(world.org, "Bodega 1")[0],
        )
    before = len(chain(world.org))
    with transaction.atomic():
        sites = create_audited_many(
            actor=actor,
            organization=world.org,
            instances=new_sites(world.org, "Bodega 2", "Bodega 3", "Bodega 4"),
        )
    entries = chain(world.org)
    bulk = entries[before:]
    assert [e.sequence for e in entries] == list(range(1, len(entries) + 1))
    assert [e.object_label for e in bulk] == ["Bodega 2", "Bodega 3", "Bodega 4"]
    assert [e.object_id for e in bulk] == [str(s.pk) for s in sites]
    assert all(e.verb == "site.created" and e.actor_id == world.alice.pk for e in bulk)
    assert bulk[0].previous_hash == entries[before - 1].entry_hash
    assert [e.previous_hash for e in bulk[1:]] == [e.entry_hash for e in bulk[:-1]]
    assert len({e.change_id for e in bulk}) == 1 and bulk[0].change_id != entries[0].change_id
    assert bulk[1].after["name"] == "Bodega 3" and bulk[1].after["id"] == sites[1].pk
    head = AuditChainHead.objects.get(organization=world.org)
    assert (head.sequence, head.entry_hash) == (bulk[-1].sequence, bulk[-1].entry_hash)
    assert checkpoint_is_valid(head)
    assert verify()[0] == 0


def test_a_new_organization_chain_is_opened_once(world):
    organization = Organization.objects.create(
        legal_name="Agencia Nueva, S.C.", rfc=valid_rfc(), kind=OrganizationKind.CUSTOMS_AGENCY
    )
    with transaction.atomic():
        create_audited_many(
            actor=world.actor(world.alice),
            organization=organization,
            instances=new_sites(organization, "Patio A", "Patio B"),
        )
    assert [e.sequence for e in chain(organization)] == [1, 2]
    opened = AuditEntry.objects.filter(organization__isnull=True, verb=CHAIN_OPENED)
    assert [e.data for e in opened] == [{"organization": organization.pk}]
    assert verify()[0] == 0


def test_updates_in_bulk_bump_versions_and_keep_before_and_after(world):
    actor = world.actor(world.alice)
    with transaction.atomic():
        first, second = create_audited_many(
            actor=actor, organization=world.org, instances=new_sites(world.org, "Uno", "Dos")
        )
    count = len(chain(world.org))
    with transaction.atomic():
        locked = list(Site.objects.select_for_update().filter(pk__in=[first.pk, second.pk]))
        by_pk = {s.pk: s for s in locked}
        update_audited_many(
            actor=actor,
            organization=world.org,
            changes=[
                (by_pk[first.pk], {"address": "Carretera 57 km 3"}),
                (by_pk[second.pk], {"is_active": False}),
            ],
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.address, first.version, second.is_active, second.version) == (
        "Carretera 57 km 3",
        2,
        False,
        2,
    )
    entries = chain(world.org)[count:]
    assert [(e.action, e.object_label) for e in entries] == [
        (AuditAction.UPDATE, "Uno"),
        (AuditAction.UPDATE, "Dos"),
    ]
    assert len({e.change_id for e in entries}) == 1
    assert (entries[0].before["address"], entries[0].after["address"]) == (
        "",
        "Carretera 57 km 3",
    )
    assert verify()[0] == 0


def test_an_entry_written_in_bulk_and_changed_later_is_detected(world):
    with transaction.atomic():
        create_audited_many(
            actor=world.actor(world.alice),
            organization=world.org,
            instances=new_sites(world.org, "Norte A", "Norte B", "Norte C"),
        )
    middle = chain(world.org)[-2]
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET object_label = %s WHERE id = %s", ["Otra", middle.pk])
    code, err = verify()
    assert code == 1 and f"entry #{middle.sequence} was changed" in err


def test_nothing_to_append_writes_nothing(world):
    with transaction.atomic():
        assert audit_record_many(actor=None, organization=world.org, records=[]) == []
    assert not AuditChainHead.objects.filter(organization=world.org).exists()


def test_entries_written_one_by_one_or_in_bulk_hash_alike(world):
    """The same records appended in bulk chain to the same hashes as one at a time would,
    given the same timestamp and change: verify recomputes them either way."""
    site = Site.objects.create(
        organization=world.org, name="Suelta", kind=SiteKind.OFFICE, aduana=aduana("24")
    )
    with transaction.atomic():
        entries = audit_record_many(
            actor=world.actor(world.alice),
            organization=world.org,
            records=[
                AuditRecord(AuditAction.CREATE, site, after={"name": "Suelta"}),
                AuditRecord(AuditAction.UPDATE, site, verb="site.moved", data={"to": "B"}),
            ],
        )
    stored = chain(world.org)
    assert [(e.verb, e.data) for e in stored] == [
        ("site.created", None),
        ("site.moved", {"to": "B"}),
    ]
    assert [e.entry_hash for e in stored] == [entry_hash(e) for e in stored]
    assert [e.entry_hash for e in entries] == [e.entry_hash for e in stored]
    assert verify()[0] == 0
