"""One audit chain per organization: independent heads and sequences, signed checkpoints that
make truncation detectable, change ids, sentences in the user's language, and the migration
that carries old global-chain entries over."""

import datetime
import hashlib
import json
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import formats, timezone, translation

from resguardo.core import services
from resguardo.core.audit_checks import audit_verify
from resguardo.core.choices import SiteKind
from resguardo.core.models import AuditChainHead, AuditEntry
from resguardo.testing.factories import aduana, valid_rfc


def _quoted(model):
    return connection.ops.quote_name(model._meta.db_table)


def verify(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def site(world, user, name):
    return services.site_create(
        actor=world.actor(user),
        name=name,
        kind=SiteKind.WAREHOUSE,
        aduana=aduana("24"),
    )


def head_of(organization):
    return AuditChainHead.objects.get(organization=organization)


@pytest.fixture
def both(world):
    """Norte writes four entries, Sur two, interleaved."""
    norte_site = site(world, world.alice, "Bodega Norte 1")
    site(world, world.oscar, "Bodega Sur 1")
    services.site_update(actor=world.actor(world.alice), site=norte_site, address="A")
    site(world, world.oscar, "Bodega Sur 2")
    site(world, world.alice, "Bodega Norte 2")
    services.site_update(actor=world.actor(world.alice), site=norte_site, address="B")
    return world


def sequences(organization):
    return list(
        AuditEntry.objects.filter(organization=organization)
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )


def test_each_organization_has_its_own_sequence_and_head(both):
    world = both
    assert sequences(world.org) == [1, 2, 3, 4]
    assert sequences(world.other_org) == [1, 2]
    sur = head_of(world.other_org)
    assert (sur.sequence, sur.entry_hash) == (
        2,
        AuditEntry.objects.get(organization=world.other_org, sequence=2).entry_hash,
    )
    # Writing in Norte leaves Sur's head and sequence as they were.
    site(world, world.alice, "Bodega Norte 3")
    again = head_of(world.other_org)
    assert (again.sequence, again.entry_hash, again.signature) == (
        sur.sequence,
        sur.entry_hash,
        sur.signature,
    )
    assert head_of(world.org).sequence == 5
    first_of_sur = AuditEntry.objects.get(organization=world.other_org, sequence=1)
    assert first_of_sur.previous_hash == "0" * 64
    assert verify()[0] == 0


def test_removing_the_newest_entries_names_the_organization(both):
    world = both
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_quoted(AuditEntry)} WHERE organization_id = %s AND sequence >= 3",
            [world.org.pk],
        )
    code, _out, err = verify()
    assert code == 1
    assert "Norte" in err and "Sur" not in err
    assert "entries after #2 were removed (the chain head names #4)" in err


def test_removing_the_newest_entries_and_moving_the_head_back_is_detected(both):
    world = both
    kept = AuditEntry.objects.get(organization=world.org, sequence=2)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_quoted(AuditEntry)} WHERE organization_id = %s AND sequence >= 3",
            [world.org.pk],
        )
        cursor.execute(
            f"UPDATE {_quoted(AuditChainHead)} SET sequence = %s, entry_hash = %s "
            "WHERE organization_id = %s",
            [2, kept.entry_hash, world.org.pk],
        )
    code, _out, err = verify()
    assert code == 1
    assert "Norte" in err and "Sur" not in err
    assert "signed checkpoint does not match" in err


def test_removing_every_entry_and_the_head_is_detected(both):
    world = both
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_quoted(AuditEntry)} WHERE organization_id = %s", [world.org.pk]
        )
        cursor.execute(
            f"DELETE FROM {_quoted(AuditChainHead)} WHERE organization_id = %s", [world.org.pk]
        )
    code, _out, err = verify()
    assert code == 1
    assert "Norte" in err and "Sur" not in err
    assert "the chain head is missing" in err


def test_a_changed_entry_names_its_organization(both):
    world = both
    placeholder = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_quoted(AuditEntry)} SET data = {placeholder} "
            "WHERE organization_id = %s AND sequence = 1",
            [json.dumps({"forged": True}), world.other_org.pk],
        )
    problems = audit_verify()
    assert [p.organization_id for p in problems] == [world.other_org.pk]
    assert "entry #1 was changed" in problems[0].message


def test_the_digest_anchors_each_head_and_catches_a_restored_chain(both, tmp_path):
    world = both
    out = StringIO()
    call_command("audit", "digest", stdout=out)
    digest = out.getvalue()
    norte = head_of(world.org)
    assert f"organization:{world.org.pk}\t4\t{norte.entry_hash}\t{norte.signature}" in digest
    anchored = tmp_path / "digest.txt"
    anchored.write_text(digest, encoding="utf-8")
    assert verify("--against", str(anchored))[0] == 0
    # An old copy restored whole (entries and a validly signed old head) would pass the chain
    # check; the digest printed earlier still names entry #4.
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_quoted(AuditEntry)} WHERE organization_id = %s AND sequence = 4",
            [world.org.pk],
        )
    code, _out, err = verify("--against", str(anchored))
    assert code == 1 and "anchored entry #4 is no longer in the chain" in err


# Change ids ---------------------------------------------------------------------------------


def test_one_service_call_is_one_change(world):
    organization = services.organization_create(
        actor=world.alice,
        legal_name="Agencia Aduanal Oeste, S.C.",
        rfc=valid_rfc(),
        kind="customs_agency",
        patentes=["3111"],
    )
    entries = AuditEntry.objects.filter(change_id__isnull=False)
    created = [e for e in entries if e.organization_id in (None, organization.pk)]
    # The organization (platform chain), the opening of its chain, its patente and membership.
    assert {e.verb for e in created} >= {
        "organization.created",
        "patente.created",
        "membership.created",
    }
    assert len({e.change_id for e in created}) == 1
    site(world, world.alice, "Otra bodega")
    other = AuditEntry.objects.filter(organization=world.org).order_by("-sequence").first()
    assert other.change_id not in {e.change_id for e in created}


def test_change_link_lists_the_entries_of_one_change(both, client_for):
    world = both
    entry = AuditEntry.objects.get(organization=world.org, sequence=2)
    page = client_for(world.alice).get(reverse("core:audit_log"), {"change": entry.change_id})
    rows = page.content.decode().split('id="rows"', 1)[1]
    assert f">{entry.sequence}</a>" in rows and ">1</a>" not in rows


# Sentences ----------------------------------------------------------------------------------


def _rows(client, language, **query):
    client.cookies["resguardo_language"] = language
    page = client.get(reverse("core:audit_log"), query).content.decode()
    return page.split('id="rows"', 1)[1]


def test_sentences_and_type_filter_in_spanish_and_english(both, client_for):
    world = both
    client = client_for(world.alice)
    english = _rows(client, "en")
    assert "Site created: Bodega Norte 1" in english
    assert "Site updated: Bodega Norte 1" in english
    assert "core.site" not in english
    spanish = _rows(client, "es-mx")
    assert "Alta de instalación: Bodega Norte 1" in spanish
    assert "Cambio en instalación: Bodega Norte 1" in spanish
    page = client.get(reverse("core:audit_log")).content.decode()
    assert '<option value="core.site">Instalación</option>' in page
    assert "Bodega Norte" in _rows(client, "es-mx", object_type="core.site")


def test_entry_page_shows_field_names_and_local_values(both, client_for):
    world = both
    entry = AuditEntry.objects.get(organization=world.org, sequence=2)
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "en"
    body = client.get(reverse("core:audit_entry", args=[entry.pk])).content.decode()
    assert "<td>Address</td>" in body and "<td>address</td>" not in body
    assert "Site updated: Bodega Norte 1" in body
    # Times are local, never the stored UTC ISO string.
    assert entry.after["updated_at"] not in body
    local = timezone.localtime(datetime.datetime.fromisoformat(entry.after["updated_at"]))
    with translation.override("en"):
        assert formats.date_format(local, "SHORT_DATETIME_FORMAT") in body
    # The organization's name, not its id.
    assert "Norte" in body


def test_api_gives_verb_change_and_sentence(both, api_for):
    world = both
    rows = api_for(world.alice).get("/api/v1/audit-log/", {"verb": "site.updated"}).json()
    first = rows["results"][0]
    assert first["verb"] == "site.updated"
    assert uuid.UUID(first["change_id"])
    assert first["sentence"]
    assert {row["sequence"] for row in rows["results"]} == {2, 4}


# The migration from one global chain --------------------------------------------------------


def _old_style_hash(values) -> str:
    encoded = json.dumps(values, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def test_the_migration_carries_old_global_entries_into_per_organization_chains(world):
    state = MigrationLoader(connection).project_state(("core", "0005_audit_chain_per_org"))
    historical = state.apps
    Entry = historical.get_model("core", "AuditEntry")
    Head = historical.get_model("core", "AuditChainHead")
    Head.objects.all().delete()
    Entry.objects.all().delete()
    # One global chain as before: sequences shared by every organization, no verbs.
    owners = [world.org.pk, world.other_org.pk, None, world.org.pk, world.other_org.pk]
    previous = "0" * 64
    for number, organization_id in enumerate(owners, start=1):
        digest = _old_style_hash({"sequence": number, "previous": previous})
        Entry.objects.create(
            sequence=number,
            timestamp=timezone.now(),
            organization_id=organization_id,
            actor_label="system",
            action="update" if number > 3 else "create",
            verb="",
            object_type="core.site",
            object_id=str(number),
            object_label=f"Bodega {number}",
            after={"name": f"Bodega {number}"},
            previous_hash=previous,
            entry_hash=digest,
        )
        previous = digest
    migration = MigrationLoader(connection).get_migration("core", "0005_audit_chain_per_org")
    module = __import__(migration.__module__, fromlist=["forwards"])
    module.forwards(historical, None)

    assert sequences(world.org) == [1, 2]
    assert sequences(world.other_org) == [1, 2]
    verbs = set(AuditEntry.objects.filter(organization=world.org).values_list("verb", flat=True))
    assert verbs == {"site.created", "site.updated"}
    assert audit_verify() == []
    assert verify()[0] == 0
