"""Tests of how an indicator of a module that is not installed reads (every catalog key has
its module in this repository now, but an installation may leave one out)."""

from resguardo.core.modules import registry


def uninstall_indicators(monkeypatch, *prefixes: str) -> None:
    """Drop the indicators of these modules ("facilities.") for the rest of the test."""
    declared = registry().indicators
    for key in [k for k in declared if k.startswith(prefixes)]:
        monkeypatch.delitem(declared, key)
