"""The indicator registry: measures that domain apps compute from their own records.

Each module lists its indicators in `<app>/indicators.py` and names the list in its
`ResguardoModule(indicators="resguardo.people.indicators.INDICATORS")`:

    INDICATORS = [
        Indicator(
            key="people.background_checks_current",
            label=_("Staff with a background check under 12 months old"),
            unit=Unit.PERCENT, target=100, direction=Direction.HIGHER_IS_BETTER,
            compute=background_checks_current,   # function(organization, site=None) -> Reading
        ),
    ]

Requirement nodes in the standards library name indicator keys; the compliance app shows the
reading beside the human answer. Core never imports a domain app.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    DAYS = "days"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Reading:
    value: float | None  # None: nothing to measure yet
    detail: str = ""  # e.g. "42 of 50 staff"
    numerator: int | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: Unit
    target: float
    direction: Direction
    compute: Callable[..., Reading]
    description: str = ""
    standards: tuple[int, ...] = field(default_factory=tuple)

    def status(self, reading: Reading) -> Status:
        if reading.value is None:
            return Status.NO_DATA
        if self.direction == Direction.HIGHER_IS_BETTER:
            return Status.MET if reading.value >= self.target else Status.NOT_MET
        return Status.MET if reading.value <= self.target else Status.NOT_MET


STATUS_LABELS = {
    Status.MET: _("Target met"),
    Status.NOT_MET: _("Below target"),
    Status.NO_DATA: _("No data yet"),
}


def _declared() -> dict[str, Indicator]:
    from .modules import registry

    return registry().indicators


def get_indicator(key: str) -> Indicator | None:
    return _declared().get(key)


def all_indicators() -> list[Indicator]:
    return sorted(_declared().values(), key=lambda i: i.key)


@dataclass(frozen=True)
class IndicatorResult:
    key: str
    indicator: Indicator | None  # None: named by the catalog, not provided by any module yet
    reading: Reading | None
    status: Status


def read_indicators(keys, *, organization, site=None) -> list[IndicatorResult]:
    """Readings for the given keys. Unknown keys come back as NO_DATA, never an error."""
    results = []
    for key in dict.fromkeys(keys):
        indicator = _declared().get(key)
        if indicator is None:
            results.append(IndicatorResult(key, None, None, Status.NO_DATA))
            continue
        reading = indicator.compute(organization=organization, site=site)
        results.append(IndicatorResult(key, indicator, reading, indicator.status(reading)))
    return results
