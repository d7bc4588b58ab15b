"""Counterparty checks: may the organization operate with this client, carrier or supplier?

The partners app knows which partners are blocked (a confirmed watchlist match); the
shipments app must refuse new operations with them. Neither imports the other: partners
registers a check here, and shipments asks `counterparty_block_reason` before it records an
operation.
"""

from collections.abc import Callable

_CHECKS: list[Callable[..., str | None]] = []


def register_counterparty_check(check: Callable[..., str | None]) -> None:
    """`check(*, organization, rfc, name)` returns why operations are refused, or None."""
    if check not in _CHECKS:
        _CHECKS.append(check)


def counterparty_block_reason(*, organization, rfc: str = "", name: str = "") -> str | None:
    for check in _CHECKS:
        reason = check(organization=organization, rfc=rfc or "", name=name or "")
        if reason:
            return reason
    return None
