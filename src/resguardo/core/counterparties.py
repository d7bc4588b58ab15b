"""Counterparty checks: may the organization operate with this client, carrier or supplier?

The partners app knows which partners are blocked (a confirmed watchlist match); the
shipments app must refuse new operations with them. Neither imports the other: partners
registers a check here, and shipments asks before it records an operation.
"""

from collections.abc import Callable, Iterable

from .validators import normalize_rfc

# check(*, organization, rfcs: set[str]) -> {rfc: why operations with it are refused}
_CHECKS: list[Callable[..., dict[str, str]]] = []


def register_counterparty_check(check: Callable[..., dict[str, str]]) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def counterparty_block_reasons(*, organization, rfcs: Iterable[str]) -> dict[str, str]:
    """Reasons keyed by normalised RFC, for the RFCs that must be refused (one query per
    registered check, however many RFCs)."""
    wanted = {normalize_rfc(rfc) for rfc in rfcs} - {""}
    reasons: dict[str, str] = {}
    if not wanted:
        return reasons
    for check in _CHECKS:
        for rfc, reason in check(organization=organization, rfcs=wanted).items():
            reasons.setdefault(rfc, reason)
    return reasons


def counterparty_block_reason(*, organization, rfc: str) -> str | None:
    return counterparty_block_reasons(organization=organization, rfcs=[rfc]).get(normalize_rfc(rfc))
