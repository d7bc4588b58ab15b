"""One audit chain per organization (plus the platform's), business verbs and change ids.

Existing entries are carried over: each organization's entries, in their old order, are
re-sequenced from 1 and re-hashed into that organization's own chain; their verb is
`<model>.created/updated/deleted` from their action. Each chain gets a head signed with a key
derived from SECRET_KEY, and the platform chain records the opening of every organization
chain, exactly as `resguardo.core.audit` does for new chains."""

import datetime
import hashlib
import json

import django.db.models.deletion
import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone
from django.utils.crypto import salted_hmac

GENESIS = "0" * 64
VERBS = {"create": "created", "update": "updated", "delete": "deleted"}


# Frozen copies of the version-2 entry hash and checkpoint of resguardo.core.audit.
def _hash(entry) -> str:
    payload = {
        "sequence": entry.sequence,
        "previous": entry.previous_hash,
        "timestamp": entry.timestamp.astimezone(datetime.UTC).isoformat(),
        "organization": entry.organization_id,
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "verb": entry.verb,
        "change": str(entry.change_id) if entry.change_id else None,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "data": entry.data,
        "before": entry.before,
        "after": entry.after,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _signature(organization_id, sequence, head_hash) -> str:
    chain = "platform" if organization_id is None else f"organization:{organization_id}"
    value = f"{chain}|{sequence}|{head_hash}"
    return salted_hmac("resguardo.audit.checkpoint", value, algorithm="sha256").hexdigest()


def forwards(apps, schema_editor):
    Entry = apps.get_model("core", "AuditEntry")
    Head = apps.get_model("core", "AuditChainHead")
    # Park the old global sequences out of the way of the new per-chain ones.
    offset = (Entry.objects.aggregate(top=models.Max("sequence"))["top"] or 0) + 1
    Entry.objects.update(sequence=models.F("sequence") + offset)
    chains: dict = {}  # organization id -> (sequence, hash)
    for entry in Entry.objects.order_by("sequence").iterator(chunk_size=1000):
        sequence, previous = chains.get(entry.organization_id, (0, GENESIS))
        entry.sequence = sequence + 1
        entry.previous_hash = previous
        entry.verb = f"{entry.object_type.rsplit('.', 1)[-1]}.{VERBS.get(entry.action, 'updated')}"
        entry.entry_hash = _hash(entry)
        Entry.objects.filter(pk=entry.pk).update(
            sequence=entry.sequence,
            previous_hash=entry.previous_hash,
            verb=entry.verb,
            entry_hash=entry.entry_hash,
        )
        chains[entry.organization_id] = (entry.sequence, entry.entry_hash)
    now = timezone.now().astimezone(datetime.UTC)
    for organization_id in sorted(k for k in chains if k is not None):
        sequence, previous = chains.get(None, (0, GENESIS))
        opened = Entry(
            sequence=sequence + 1,
            previous_hash=previous,
            timestamp=now,
            organization_id=None,
            actor_id=None,
            actor_label="system",
            action="create",
            verb="audit.chain_opened",
            object_type="core.auditchainhead",
            object_id=str(organization_id),
            object_label=f"organization:{organization_id}",
            data={"organization": organization_id},
        )
        opened.entry_hash = _hash(opened)
        opened.save()
        chains[None] = (opened.sequence, opened.entry_hash)
    for organization_id, (sequence, head_hash) in chains.items():
        Head.objects.create(
            organization_id=organization_id,
            sequence=sequence,
            entry_hash=head_hash,
            signature=_signature(organization_id, sequence, head_hash),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_outbox_events"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="AuditChainHead"),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sequence", models.PositiveBigIntegerField(default=0)),
                ("entry_hash", models.CharField(default=GENESIS, max_length=64)),
                ("signature", models.CharField(default="", max_length=64)),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.organization",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.comparison.Coalesce(
                            "organization", models.Value(0)
                        ),
                        name="audit_head_one_per_chain",
                    )
                ],
            },
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="sequence",
            field=models.PositiveBigIntegerField(verbose_name="sequence"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="verb",
            field=models.CharField(db_index=True, default="", max_length=80, verbose_name="verb"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditentry",
            name="change_id",
            field=models.UUIDField(blank=True, db_index=True, null=True, verbose_name="change"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="data",
            field=models.JSONField(blank=True, null=True, verbose_name="details"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.UniqueConstraint(
                django.db.models.functions.comparison.Coalesce("organization", models.Value(0)),
                models.F("sequence"),
                name="audit_chain_sequence_unique",
            ),
        ),
    ]
