"""Reads around one requirement result: its actions, its neighbours, what to warn about;
and per-assessment summaries (answers without evidence, progress by owner)."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from resguardo.standards.models import RequirementNode

from ..access import site_q
from ..choices import Result
from ..models import AuditFinding, RequirementResult, ResultEvidence
from .records import action_item_list


def actions_for_result(*, membership, result):
    """Actions about this requirement, whatever they were raised from: the result itself, the
    requirement (any version of the library: same URN), or an audit finding on it."""
    # Subqueries, not joins under an OR with DISTINCT: PostgreSQL took ~17 ms to plan that.
    nodes = RequirementNode.objects.filter(urn=result.node.urn).values("pk")
    findings = AuditFinding.objects.filter(node__in=nodes).values("pk")
    return (
        action_item_list(membership=membership)
        .filter(Q(result=result) | Q(node__in=nodes) | Q(finding__in=findings))
        .order_by("due_date", "pk")
    )


@dataclass
class Neighbours:
    previous: RequirementResult | None
    next: RequirementResult | None


def result_neighbours(*, membership, result) -> Neighbours:
    """The requirements before and after this one in the assessment (library order)."""
    siblings = (
        RequirementResult.objects.filter(
            organization=membership.organization, assessment_id=result.assessment_id
        )
        .select_related("node")
        .only("id", "order", "node__ref_id", "node__title_es", "node__title_en")
    )
    return Neighbours(
        previous=siblings.filter(order__lt=result.order).order_by("-order").first(),
        next=siblings.filter(order__gt=result.order).order_by("order").first(),
    )


def has_evidence(result) -> bool:
    return ResultEvidence.objects.filter(result=result).exists()


def answer_warnings(result) -> list[str]:
    """What is worth saying after an answer is saved (the answer is saved all the same)."""
    warnings = []
    if result.result == Result.COMPLIANT and not has_evidence(result):
        warnings.append(
            _(
                "Saved as compliant without evidence: the certifier will ask for proof. "
                "Add evidence to this requirement."
            )
        )
    return warnings


def compliant_without_evidence(*, membership, assessments, limit=None):
    """Results answered compliant that no evidence supports, in the given assessments."""
    linked = ResultEvidence.objects.filter(result=OuterRef("pk"))
    queryset = (
        RequirementResult.objects.filter(
            organization=membership.organization,
            assessment__in=[a.pk for a in assessments],
            result=Result.COMPLIANT,
        )
        .filter(site_q(membership, "assessment__site"))
        .filter(~Exists(linked))
        .select_related("node", "assessment", "owner")
        .order_by("assessment_id", "order")
    )
    return queryset[:limit] if limit else queryset


def progress_by_owner(*, membership, assessment) -> list[dict]:
    """Per owner (and unassigned): requirements assigned, answered and signed off."""
    rows = (
        RequirementResult.objects.filter(
            organization=membership.organization, assessment=assessment
        )
        .values("owner_id", "owner__first_name", "owner__last_name", "owner__email")
        .annotate(
            total=Count("id"),
            answered=Count("id", filter=~Q(result=Result.NOT_ASSESSED)),
            reviewed=Count("id", filter=Q(reviewed_at__isnull=False)),
        )
        .order_by("owner__first_name", "owner__last_name", "owner_id")
    )
    out = []
    for row in rows:
        name = f"{row['owner__first_name'] or ''} {row['owner__last_name'] or ''}".strip()
        out.append(
            {
                "owner_id": row["owner_id"],
                "name": name or row["owner__email"] or _("Unassigned"),
                "total": row["total"],
                "answered": row["answered"],
                "reviewed": row["reviewed"],
                "progress": round(100 * row["answered"] / row["total"], 1),
            }
        )
    return sorted(out, key=lambda r: (r["owner_id"] is None, r["name"]))
