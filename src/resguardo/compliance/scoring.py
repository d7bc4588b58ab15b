"""Readiness: how close an assessment is to what the certifier expects, as a percentage.

    readiness = 100 × Σ(weight × value) / Σ(weight)

over the assessable requirements of the assessment, where `weight` is the library node's
weight and `value` is 1 for compliant, 0.5 for partially compliant, 0 for non-compliant and 0
for not assessed (an unanswered requirement counts against readiness). Not-applicable
requirements are left out of both sums. Per standard, the same formula over the requirements
under that top-level node; overall, over every requirement. The 0–100 score an assessor may
give a requirement is reported but is not part of readiness.

Pure functions: they take tallies (weight and count per result), so the dashboard can feed
them one aggregate query and the PDF report can feed them a frozen snapshot.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .choices import Result

RESULT_VALUE = {
    Result.COMPLIANT: 1.0,
    Result.PARTIAL: 0.5,
    Result.NON_COMPLIANT: 0.0,
    Result.NOT_ASSESSED: 0.0,
}


@dataclass
class Tally:
    """Sum of weights and count of requirements per result."""

    weights: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, result: str, weight: int, count: int = 1) -> None:
        self.weights[result] = self.weights.get(result, 0) + weight
        self.counts[result] = self.counts.get(result, 0) + count

    def merge(self, other: "Tally") -> None:
        for result, weight in other.weights.items():
            self.add(result, weight, other.counts.get(result, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def assessed(self) -> int:
        return self.total - self.counts.get(Result.NOT_ASSESSED, 0)

    def count(self, result: str) -> int:
        return self.counts.get(result, 0)

    @property
    def progress(self) -> float | None:
        """Share of requirements answered (any result but "not assessed"), in percent."""
        return round(100 * self.assessed / self.total, 1) if self.total else None

    @property
    def readiness(self) -> float | None:
        denominator = sum(w for r, w in self.weights.items() if r in RESULT_VALUE)
        if not denominator:
            return None
        numerator = sum(w * RESULT_VALUE[r] for r, w in self.weights.items() if r in RESULT_VALUE)
        return round(100 * numerator / denominator, 1)


@dataclass
class Readiness:
    overall: Tally
    sections: dict[object, Tally]  # key: top-level node id (one standard)


def readiness_from_rows(rows: Iterable[tuple[object, str, int, int]]) -> Readiness:
    """rows: (section key, result, weight sum, count), e.g. from one GROUP BY query."""
    overall = Tally()
    sections: dict[object, Tally] = {}
    for section, result, weight, count in rows:
        sections.setdefault(section, Tally()).add(result, weight or 0, count)
        overall.add(result, weight or 0, count)
    return Readiness(overall=overall, sections=sections)


def tally_results(items: Iterable[tuple[str, int]]) -> Tally:
    """items: (result, weight) per requirement."""
    tally = Tally()
    for result, weight in items:
        tally.add(result, weight)
    return tally
