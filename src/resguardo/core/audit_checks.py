"""Checking the audit chains: `audit verify` recomputes each one, `audit digest` prints the
signed heads to anchor outside the database (docs/audit.md)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .audit import (
    CHAIN_OPENED,
    GENESIS_HASH,
    chain_key,
    checkpoint_is_valid,
    checkpoint_signature,
    entry_hash,
)
from .models import AuditChainHead, AuditEntry, Organization


@dataclass(frozen=True)
class ChainProblem:
    organization_id: int | None
    organization: str
    sequence: int
    message: str


def chain_label(organization_id, names: dict | None = None) -> str:
    """How a chain is named to the operator: the organization's name and id."""
    if organization_id is None:
        return "the platform"
    if names is None:
        names = _organization_names([organization_id])
    name = names.get(organization_id)
    return f"{name} (organization {organization_id})" if name else f"organization {organization_id}"


def _organization_names(ids) -> dict:
    rows = Organization.objects.filter(pk__in=[i for i in ids if i is not None])
    return {org.pk: org.short_name or org.legal_name for org in rows}


def _chain_entries(organization_id):
    entries = AuditEntry.objects.order_by("sequence")
    if organization_id is None:
        return entries.filter(organization__isnull=True)
    return entries.filter(organization_id=organization_id)


def _verify_chain(organization_id, head, batch_size) -> tuple[str | None, int, int]:
    """(problem or None, sequence where it is, entries seen) for one chain."""
    expected_previous, expected_sequence = GENESIS_HASH, 1
    for entry in _chain_entries(organization_id).iterator(chunk_size=batch_size):
        if entry.sequence != expected_sequence:
            return (
                f"entry #{expected_sequence} is missing (removed); the next entry is "
                f"#{entry.sequence}",
                expected_sequence,
                expected_sequence - 1,
            )
        if entry.previous_hash != expected_previous:
            return (
                f"entry #{entry.sequence} does not link to the entry before it",
                entry.sequence,
                expected_sequence - 1,
            )
        if entry_hash(entry) != entry.entry_hash:
            return (
                f"entry #{entry.sequence} was changed after it was written "
                f"({entry.verb} {entry.object_type}:{entry.object_id})",
                entry.sequence,
                expected_sequence - 1,
            )
        expected_previous = entry.entry_hash
        expected_sequence += 1
    last = expected_sequence - 1
    if head is None:
        return ("the chain head is missing (the chain was removed or never closed)", last, last)
    if not checkpoint_is_valid(head):
        return (
            f"the chain head's signed checkpoint does not match (head #{head.sequence}): the "
            f"head was moved or forged, entries after #{last} may have been removed",
            last + 1,
            last,
        )
    if head.sequence > last:
        return (
            f"entries after #{last} were removed (the chain head names #{head.sequence})",
            last + 1,
            last,
        )
    if head.sequence < last or head.entry_hash != expected_previous:
        return (
            f"entry #{last} is not the one the signed chain head names (#{head.sequence})",
            last,
            last,
        )
    return None, last, last


def _known_chains(heads: dict) -> set:
    """Every chain there is evidence of: entries, heads, and the platform's record of each
    organization chain opened (which survives removing a chain whole)."""
    chains = set(heads)
    chains.update(
        AuditEntry.objects.order_by().values_list("organization_id", flat=True).distinct()
    )
    opened = _chain_entries(None).filter(verb=CHAIN_OPENED).values_list("data", flat=True)
    chains.update((data or {}).get("organization") for data in opened)
    return chains


def audit_verify(*, batch_size: int = 2000) -> list[ChainProblem]:
    """Recompute every chain. Returns one problem per broken chain, the platform first."""
    heads = {head.organization_id: head for head in AuditChainHead.objects.all()}
    chains = sorted(_known_chains(heads), key=lambda c: (c is not None, c or 0))
    names = _organization_names(chains)
    problems = []
    for organization_id in chains:
        message, sequence, _seen = _verify_chain(
            organization_id, heads.get(organization_id), batch_size
        )
        if message:
            label = chain_label(organization_id, names)
            problems.append(ChainProblem(organization_id, label, sequence, f"{label}: {message}"))
    return problems


@dataclass(frozen=True)
class DigestLine:
    chain: str
    organization: str
    sequence: int
    entry_hash: str
    signature: str

    def __str__(self):
        return (
            f"{self.chain}\t{self.sequence}\t{self.entry_hash}\t{self.signature}"
            f"\t{self.organization}"
        )


def audit_digest() -> tuple[datetime.datetime, list[DigestLine]]:
    """The signed head of every chain, to print or mail once a day (docs/audit.md)."""
    heads = list(AuditChainHead.objects.all())
    names = _organization_names([h.organization_id for h in heads])
    lines = [
        DigestLine(
            chain=chain_key(head.organization_id),
            organization=chain_label(head.organization_id, names),
            sequence=head.sequence,
            entry_hash=head.entry_hash,
            signature=checkpoint_signature(head.organization_id, head.sequence, head.entry_hash),
        )
        for head in sorted(heads, key=lambda h: (h.organization_id is not None, h.organization_id))
    ]
    return timezone.now(), lines


def digest_check(lines: list[str]) -> list[str]:
    """Compare a digest printed earlier with the chains now: each anchored head must still
    be in its chain with the same hash (catches a chain restored from an old copy)."""
    problems = []
    for raw in lines:
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.rstrip("\n").split("\t")
        if len(parts) < 4:
            problems.append(f"unreadable digest line: {raw.strip()}")
            continue
        chain, sequence, anchored_hash = parts[0], int(parts[1]), parts[2]
        organization_id = None if chain == "platform" else int(chain.split(":", 1)[1])
        label = chain_label(organization_id)
        if sequence == 0:
            continue
        entry = _chain_entries(organization_id).filter(sequence=sequence).first()
        if entry is None:
            problems.append(f"{label}: anchored entry #{sequence} is no longer in the chain")
        elif entry.entry_hash != anchored_hash:
            problems.append(f"{label}: entry #{sequence} differs from the anchored digest")
    return problems
