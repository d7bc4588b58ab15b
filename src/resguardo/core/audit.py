"""The append-only, hash-chained audit log.

Services call `audit_record` inside their transaction. `audit_verify` recomputes the chain.
"""

import datetime
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .choices import AuditAction
from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
_EXCLUDED_FIELDS = {"password", "totp_secret"}


def _json_value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return str(value)


def snapshot(instance: models.Model) -> dict:
    """The concrete field values of a row, JSON-safe, for before/after records."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in _EXCLUDED_FIELDS:
            continue
        data[field.attname] = _json_value(field.value_from_object(instance))
    for field in instance._meta.many_to_many:
        if instance.pk is not None:
            data[field.name] = sorted(obj.pk for obj in getattr(instance, field.name).all())
    return data


def _entry_hash(entry: AuditEntry) -> str:
    payload = {
        "sequence": entry.sequence,
        "previous": entry.previous_hash,
        "timestamp": entry.timestamp.isoformat(),
        "organization": entry.organization_id,
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "before": entry.before,
        "after": entry.after,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def audit_record(
    *,
    actor,
    organization,
    action: AuditAction,
    instance: models.Model,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    head, _ = AuditChainHead.objects.get_or_create(id=1)
    head = AuditChainHead.objects.select_for_update().get(id=1)
    entry = AuditEntry(
        sequence=head.sequence + 1,
        timestamp=timezone.now(),
        organization_id=getattr(organization, "pk", organization),
        actor_id=getattr(actor, "pk", None),
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_label=str(instance)[:255],
        before=_json_value(before),
        after=_json_value(after),
        previous_hash=head.entry_hash,
    )
    # Normalise the timestamp to what the database will give back (microseconds, UTC).
    entry.timestamp = entry.timestamp.astimezone(datetime.UTC)
    entry.entry_hash = _entry_hash(entry)
    entry.save()
    AuditChainHead.objects.filter(id=1).update(sequence=entry.sequence, entry_hash=entry.entry_hash)
    return entry


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    message: str


def audit_verify(*, batch_size: int = 2000) -> list[ChainProblem]:
    """Recompute the chain. Returns the problems found, the first one first."""
    problems: list[ChainProblem] = []
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    entries = AuditEntry.objects.order_by("sequence")
    for entry in entries.iterator(chunk_size=batch_size):
        if entry.sequence != expected_sequence:
            problems.append(
                ChainProblem(
                    expected_sequence,
                    f"entry #{expected_sequence} is missing (removed); the next entry is "
                    f"#{entry.sequence}",
                )
            )
            return problems
        if entry.previous_hash != expected_previous:
            problems.append(
                ChainProblem(
                    entry.sequence,
                    f"entry #{entry.sequence} does not link to the entry before it",
                )
            )
            return problems
        entry.timestamp = entry.timestamp.astimezone(datetime.UTC)
        if _entry_hash(entry) != entry.entry_hash:
            problems.append(
                ChainProblem(
                    entry.sequence,
                    f"entry #{entry.sequence} was changed after it was written "
                    f"({entry.action} {entry.object_type}:{entry.object_id})",
                )
            )
            return problems
        expected_previous = entry.entry_hash
        expected_sequence += 1
    head = AuditChainHead.objects.filter(id=1).first()
    last = expected_sequence - 1
    if head is not None and (head.sequence != last or head.entry_hash != expected_previous):
        problems.append(
            ChainProblem(
                last + 1,
                f"entries after #{last} were removed (the chain head names #{head.sequence})",
            )
        )
    return problems
