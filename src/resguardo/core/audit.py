"""The append-only, hash-chained audit log: one chain per organization, plus the platform's.

Services call `audit_record` (through `resguardo.core.writes`) inside their transaction. Each
entry names a business verb (`seal.applied`) and the change it belongs to: every entry written
by one service call (one outermost atomic block) shares one change id. Each chain's head
carries an HMAC checkpoint made with a key derived from SECRET_KEY, which is never stored in
the database; `audit_verify` (in `audit_checks`) recomputes every chain and checks the heads.
"""

import datetime
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .actors import Actor
from .choices import AuditAction
from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
CHAIN_OPENED = "audit.chain_opened"
_EXCLUDED_FIELDS = {"password", "totp_secret"}
_CHECKPOINT_SALT = "resguardo.audit.checkpoint"
_DEFAULT_VERBS = {
    AuditAction.CREATE: "created",
    AuditAction.UPDATE: "updated",
    AuditAction.DELETE: "deleted",
    AuditAction.READ: "viewed",
}


def _json_value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return str(value)
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


def default_verb(object_type: str, action: str) -> str:
    """`<model>.created / updated / deleted` when the service names no business verb."""
    return f"{object_type.rsplit('.', 1)[-1]}.{_DEFAULT_VERBS[AuditAction(action)]}"


def entry_hash(entry: AuditEntry) -> str:
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
    # Added with request ids: entries written before have none, so their hash is unchanged.
    if entry.request_id:
        payload["request"] = entry.request_id
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# Checkpoints --------------------------------------------------------------------------------


def chain_key(organization_id) -> str:
    return "platform" if organization_id is None else f"organization:{organization_id}"


def checkpoint_signature(organization_id, sequence: int, head_hash: str, secret=None) -> str:
    """HMAC-SHA256 of a chain's head, keyed by SECRET_KEY (or the secret given)."""
    value = f"{chain_key(organization_id)}|{sequence}|{head_hash}"
    return salted_hmac(_CHECKPOINT_SALT, value, secret=secret, algorithm="sha256").hexdigest()


def checkpoint_is_valid(head: AuditChainHead) -> bool:
    """True when the head's signature was made with SECRET_KEY or one of its fallbacks."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        constant_time_compare(
            head.signature,
            checkpoint_signature(head.organization_id, head.sequence, head.entry_hash, secret),
        )
        for secret in secrets
    )


# Change ids ---------------------------------------------------------------------------------


def _still_open(connection, sentinel) -> bool:
    return any(hook[1] is sentinel for hook in connection.run_on_commit)


def current_change_id() -> uuid.UUID:
    """One id per outermost atomic block (the service call), shared by its entries.

    The block is the first one on the connection's stack that a test case did not open. A
    no-op on-commit hook marks the transaction: commit and rollback both drop it, so the next
    block gets a new id; a savepoint id tells apart service calls nested in a test's
    transaction."""
    connection = transaction.get_connection()
    blocks = connection.atomic_blocks
    index = next((i for i, block in enumerate(blocks) if not block._from_testcase), None)
    if index is None:  # only a test case's own block: each write is its own change
        return uuid.uuid4()
    savepoint = connection.savepoint_ids[index - 1] if index > 0 else None
    key = (index, id(blocks[index]), savepoint)
    state = getattr(connection, "_resguardo_audit_change", None)
    if state is not None and state[0] == key and _still_open(connection, state[1]):
        return state[2]

    def sentinel():
        return None

    change_id = uuid.uuid4()
    transaction.on_commit(sentinel)
    connection._resguardo_audit_change = (key, sentinel, change_id)
    return change_id


# Writing ------------------------------------------------------------------------------------


def _head_filter(organization_id) -> dict:
    if organization_id is None:
        return {"organization__isnull": True}
    return {"organization_id": organization_id}


def _locked_head(organization_id) -> AuditChainHead:
    """Lock the chain's head row (created on the chain's first entry). Only writers of the
    same organization wait here."""
    locked = AuditChainHead.objects.select_for_update()
    head = locked.filter(**_head_filter(organization_id)).first()
    if head is None:
        AuditChainHead.objects.bulk_create(
            [AuditChainHead(organization_id=organization_id)], ignore_conflicts=True
        )
        head = locked.get(**_head_filter(organization_id))
    return head


def _append(*, head: AuditChainHead, entry: AuditEntry) -> AuditEntry:
    entry.sequence = head.sequence + 1
    entry.previous_hash = head.entry_hash
    entry.entry_hash = entry_hash(entry)
    entry.save()
    head.sequence, head.entry_hash = entry.sequence, entry.entry_hash
    head.signature = checkpoint_signature(head.organization_id, head.sequence, head.entry_hash)
    head.save(update_fields=["sequence", "entry_hash", "signature"])
    return entry


def _open_chain(*, organization_id, change_id, timestamp) -> None:
    """Record in the platform chain that an organization's chain began, so removing that
    chain whole (entries and head) is still detected."""
    head = _locked_head(None)
    _append(
        head=head,
        entry=AuditEntry(
            timestamp=timestamp,
            organization_id=None,
            actor_id=None,
            actor_label="system",
            action=AuditAction.CREATE,
            verb=CHAIN_OPENED,
            change_id=change_id,
            object_type="core.auditchainhead",
            object_id=str(organization_id),
            object_label=chain_key(organization_id),
            data={"organization": organization_id},
        ),
    )


@dataclass(frozen=True)
class AuditRecord:
    """One change to append with `audit_record_many` (the arguments of `audit_record`)."""

    action: AuditAction
    instance: models.Model
    before: dict | None = None
    after: dict | None = None
    verb: str | None = None
    data: dict | None = None


def _entry(*, actor: Actor, organization_id, change_id, now, record: AuditRecord) -> AuditEntry:
    object_type = record.instance._meta.label_lower
    return AuditEntry(
        timestamp=now,
        organization_id=organization_id,
        actor_id=getattr(actor.user, "pk", None),
        actor_label=actor.audit_label()[:200],
        request_id=actor.request_id,
        action=record.action,
        verb=record.verb or default_verb(object_type, record.action),
        change_id=change_id,
        object_type=object_type,
        object_id=str(record.instance.pk),
        object_label=str(record.instance)[:255],
        data=_json_value(record.data) if record.data else None,
        before=_json_value(record.before),
        after=_json_value(record.after),
    )


def _start(actor, organization):
    """Checks shared by both writers; (actor, organization id, change id, now, locked head)."""
    actor = Actor.of(actor)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    organization_id = getattr(organization, "pk", organization)
    change_id = current_change_id()
    # The timestamp is kept as the database gives it back (microseconds, UTC).
    now = timezone.now().astimezone(datetime.UTC)
    head = _locked_head(organization_id)
    if organization_id is not None and head.sequence == 0:
        _open_chain(organization_id=organization_id, change_id=change_id, timestamp=now)
    return actor, organization_id, change_id, now, head


def audit_record(
    *,
    actor,
    organization,
    action: AuditAction,
    instance: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    verb: str | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry to the organization's chain. Must run inside the caller's
    transaction. `actor` is an `Actor` (a bare user or None, for the system, are still
    accepted); its request id is kept on the entry. `verb` names the business action
    (`seal.applied`); `data` holds what its sentence needs (a seal number, a container)."""
    actor, organization_id, change_id, now, head = _start(actor, organization)
    record = AuditRecord(action, instance, before, after, verb, data)
    return _append(
        head=head,
        entry=_entry(
            actor=actor,
            organization_id=organization_id,
            change_id=change_id,
            now=now,
            record=record,
        ),
    )


def audit_record_many(
    *, actor, organization, records: list[AuditRecord], batch_size: int = 500
) -> list[AuditEntry]:
    """Append many entries to the organization's chain, in the order given, as one change:
    the head is locked and signed once, the entries are chained in memory and written with
    bulk inserts. The chain is the same as `audit_record` called once per record would
    leave (one timestamp for the batch). Must run inside the caller's transaction."""
    records = list(records)
    if not records:
        return []
    actor, organization_id, change_id, now, head = _start(actor, organization)
    entries = []
    sequence, previous = head.sequence, head.entry_hash
    for record in records:
        entry = _entry(
            actor=actor,
            organization_id=organization_id,
            change_id=change_id,
            now=now,
            record=record,
        )
        sequence += 1
        entry.sequence, entry.previous_hash = sequence, previous
        entry.entry_hash = previous = entry_hash(entry)
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
    head.sequence, head.entry_hash = sequence, previous
    head.signature = checkpoint_signature(head.organization_id, head.sequence, head.entry_hash)
    head.save(update_fields=["sequence", "entry_hash", "signature"])
    return entries


def audit_verify(*, batch_size: int = 2000):
    """Recompute every chain; see `audit_checks.audit_verify`."""
    from .audit_checks import audit_verify as verify

    return verify(batch_size=batch_size)
