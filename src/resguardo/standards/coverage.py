"""Mutual-recognition coverage: given results on one framework, what is covered on another.

Rule (a mapping reads "source is <relationship> of target"):

* A target requirement is **fully covered** when at least one source requirement mapped to it
  with `equal` or `superset` is *compliant*: meeting the source meets the whole target.
* Otherwise it is **partly covered** when at least one mapped source is *compliant* through a
  `subset` or `intersect` mapping (it meets only part of the target), or when any mapped
  source, whatever the relationship, is *partially compliant*.
* Otherwise it is **not covered**: every mapped source is non-compliant, not applicable or not
  assessed, or nothing maps to the target at all ("nothing maps here": a gap to be dealt with on
  its own).

Each target comes with its reasons: every mapped source, its result, the relationship, the
strength (1-5) and the rationale, and what that mapping contributed.

Targets that apply only under a flag the organization does not have (`absent_flags`: C-TPAT's
cargo-handler criteria for an agency that handles no cargo) are out of scope: listed apart in
`scoped_out` and left out of the targets and the counts.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import FULL_RELATIONSHIPS, CoverageStatus, ResultStatus
from .models import Mapping, MappingSet, RequirementNode

_VALID_RESULTS = frozenset(ResultStatus.values)


@dataclass
class CoverageReason:
    source: RequirementNode
    result: str
    relationship: str
    strength: int
    rationale: str
    contributes: str  # a CoverageStatus value: what this mapping alone gives the target

    @property
    def result_label(self) -> str:
        return ResultStatus(self.result).label


@dataclass
class TargetCoverage:
    target: RequirementNode
    status: str = CoverageStatus.NONE
    reasons: list[CoverageReason] = field(default_factory=list)

    @property
    def mapped(self) -> bool:
        return bool(self.reasons)

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label

    @property
    def explanation(self) -> str:
        if not self.reasons:
            return str(_("Nothing maps here."))
        return {
            CoverageStatus.FULL: str(
                _("A compliant source requirement is equal to it or asks for more.")
            ),
            CoverageStatus.PARTIAL: str(
                _(
                    "A source requirement covers part of it (subset or overlap), or is only "
                    "partially compliant."
                )
            ),
            CoverageStatus.NONE: str(_("No mapped source requirement is compliant.")),
        }[self.status]


@dataclass
class CoverageReport:
    mapping_set: MappingSet
    targets: list[TargetCoverage]
    scoped_out: list[RequirementNode] = field(default_factory=list)

    def by_urn(self) -> dict[str, TargetCoverage]:
        return {item.target.urn: item for item in self.targets}

    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in CoverageStatus.values}
        for item in self.targets:
            counts[item.status] += 1
        counts["unmapped"] = sum(1 for item in self.targets if not item.mapped)
        return counts


def _contribution(result: str, relationship: str) -> str:
    if result == ResultStatus.COMPLIANT:
        return CoverageStatus.FULL if relationship in FULL_RELATIONSHIPS else CoverageStatus.PARTIAL
    if result == ResultStatus.PARTIAL:
        return CoverageStatus.PARTIAL
    return CoverageStatus.NONE


_RANK = {CoverageStatus.NONE: 0, CoverageStatus.PARTIAL: 1, CoverageStatus.FULL: 2}


def coverage(
    source_results: dict[str, str], mapping_set: MappingSet, *, absent_flags=frozenset()
) -> CoverageReport:
    """Coverage of every assessable requirement of `mapping_set.target_library`.

    `source_results` maps source requirement URNs to a `ResultStatus` value ("compliant",
    "partial", "non_compliant", "not_applicable", "not_assessed"); a source that is missing
    counts as not assessed. Requirements whose `applies_if` names one of `absent_flags` are
    out of scope (`report.scoped_out`). Two queries.
    """
    unknown = {value for value in source_results.values() if value not in _VALID_RESULTS}
    if unknown:
        raise ValueError(f"unknown result status: {', '.join(sorted(unknown))}")
    targets = RequirementNode.objects.filter(
        library_id=mapping_set.target_library_id, assessable=True
    ).order_by("order")
    absent = set(absent_flags)
    items, scoped_out = {}, []
    for node in targets:
        if absent & set(node.applies_if or ()):
            scoped_out.append(node)
        else:
            items[node.pk] = TargetCoverage(target=node)
    mappings = (
        Mapping.objects.filter(mapping_set=mapping_set)
        .select_related("source")
        .order_by("-strength", "order")
    )
    for mapping in mappings:
        item = items.get(mapping.target_id)
        if item is None:  # out of scope (or, defensively, not assessable)
            continue
        result = source_results.get(mapping.source.urn, ResultStatus.NOT_ASSESSED)
        contributes = _contribution(result, mapping.relationship)
        item.reasons.append(
            CoverageReason(
                source=mapping.source,
                result=result,
                relationship=mapping.relationship,
                strength=mapping.strength,
                rationale=mapping.rationale,
                contributes=contributes,
            )
        )
        if _RANK[contributes] > _RANK[item.status]:
            item.status = contributes
    return CoverageReport(
        mapping_set=mapping_set, targets=list(items.values()), scoped_out=scoped_out
    )
