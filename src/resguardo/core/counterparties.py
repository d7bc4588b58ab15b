"""Counterparty checks: may the organization operate with this client, carrier or supplier?

The partners app knows which partners are blocked (a confirmed watchlist match); the
shipments app must refuse new operations with them. Neither imports the other: partners
declares a check (`counterparty_checks` of its ResguardoModule), and shipments asks here before
it records an operation.
"""

from collections.abc import Iterable

from .modules import registry
from .validators import normalize_rfc


def counterparty_block_reasons(*, organization, rfcs: Iterable[str]) -> dict[str, str]:
    """Reasons keyed by normalised RFC, for the RFCs that must be refused (one query per
    registered check, however many RFCs)."""
    wanted = {normalize_rfc(rfc) for rfc in rfcs} - {""}
    reasons: dict[str, str] = {}
    if not wanted:
        return reasons
    # check(*, organization, rfcs: set[str]) -> {rfc: why operations with it are refused}
    for check in registry().counterparty_checks:
        for rfc, reason in check(organization=organization, rfcs=wanted).items():
            reasons.setdefault(rfc, reason)
    return reasons


def counterparty_block_reason(*, organization, rfc: str) -> str | None:
    return counterparty_block_reasons(organization=organization, rfcs=[rfc]).get(normalize_rfc(rfc))
