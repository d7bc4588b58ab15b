"""Reads for assessments and requirement results, restricted to the acting membership."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from resguardo.standards.i18n import pick, prefers_spanish
from resguardo.standards.models import RequirementNode

from ..access import site_q, visible_classifications
from ..models import Assessment, Evidence, ReadinessSnapshot, RequirementResult, ResultEvidence
from ..scoring import Tally
from ..services.readiness import readiness_of

# Node columns a results list needs; the long texts (notes, evidence, search) stay behind.
NODE_LIST_FIELDS = ("node__ref_id", "node__urn", "node__title_es", "node__title_en",
                    "node__depth", "node__level", "node__parent_id")  # fmt: skip


def assessment_list(*, membership):
    return (
        Assessment.objects.filter(organization=membership.organization)
        .filter(site_q(membership))
        .select_related("library__framework", "site", "created_by", "frozen_by")
    )


def assessment_get(*, membership, pk) -> Assessment:
    return get_object_or_404(assessment_list(membership=membership), pk=pk)


def assessment_readiness(assessments) -> dict:
    """{assessment id: Readiness} for these assessments, one query."""
    return readiness_of([a.pk for a in assessments])


RESULT_ROW_FIELDS = (
    "id", "result", "due_date", "reviewed_at", "node__ref_id", "node__title_es",
    "node__title_en", "node__depth", "owner__first_name", "owner__last_name", "owner__email",
)  # fmt: skip


def result_list(*, membership, assessment):
    """All results of one (already visible) assessment, in library order, each with
    `evidence_count` (the evidence items this membership may see)."""
    visible_links = (
        ResultEvidence.objects.filter(
            result=OuterRef("pk"),
            evidence__classification__in=visible_classifications(membership),
        )
        .order_by()
        .values("result")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        RequirementResult.objects.filter(
            organization=membership.organization, assessment=assessment
        )
        .annotate(evidence_count=Coalesce(Subquery(visible_links), 0))
        .select_related("node", "owner", "reviewed_by")
        .order_by("order")
    )


def result_rows(queryset):
    """Plain rows for the results page: no model instances for a thousand requirements."""
    return list(queryset.values(*RESULT_ROW_FIELDS, "evidence_count"))


def results_for_user(*, membership, user=None):
    """Results assigned to a person (default: the acting user), open assessments first."""
    user = user or membership.user
    return (
        RequirementResult.objects.filter(organization=membership.organization, owner=user)
        .filter(site_q(membership, "assessment__site"))
        .select_related("assessment", "node")
        .order_by("assessment__status", "due_date", "order")
    )


def evidence_counts(*, membership, assessment) -> dict[int, int]:
    """{result id: number of evidence items the membership may see} for one assessment."""
    return dict(
        ResultEvidence.objects.filter(
            result__assessment=assessment,
            evidence__classification__in=visible_classifications(membership),
        )
        .values_list("result_id")
        .annotate(n=Count("id"))
        .order_by()
    )


def result_get(*, membership, pk) -> RequirementResult:
    queryset = (
        RequirementResult.objects.filter(organization=membership.organization)
        .filter(site_q(membership, "assessment__site"))
        .select_related(
            "assessment__library__framework",
            "assessment__site",
            "node",
            "owner",
            "reviewed_by",
            "answered_by",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def result_evidence(*, membership, result):
    return (
        Evidence.objects.filter(
            links__result=result,
            classification__in=visible_classifications(membership),
        )
        .select_related("current_revision")
        .order_by("title")
    )


def section_titles(section_ids) -> dict[int, dict]:
    rows = RequirementNode.objects.filter(pk__in=list(section_ids)).values(
        "id", "ref_id", "title_es", "title_en", "order"
    )
    return {
        row["id"]: {
            "ref_id": row["ref_id"],
            "title": pick(row["title_es"], row["title_en"]),
            "order": row["order"],
        }
        for row in rows
    }


def section_progress(readiness) -> list[dict]:
    """Per standard: ref, title, tally, readiness and progress, in library order."""
    if readiness is None:
        return []
    titles = section_titles(readiness.sections.keys())
    rows = [
        {"id": section_id, **titles.get(section_id, {"ref_id": "?", "title": "", "order": 0}),
         "tally": tally, "readiness": tally.readiness, "progress": tally.progress}
        for section_id, tally in readiness.sections.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda row: row["order"])


def readiness_history(assessment_ids, *, since=None):
    queryset = ReadinessSnapshot.objects.filter(assessment_id__in=list(assessment_ids))
    if since is not None:
        queryset = queryset.filter(day__gte=since)
    return queryset.order_by("assessment_id", "day").values_list(
        "assessment_id", "day", "readiness"
    )


@dataclass
class TreeNode:
    id: int
    ref_id: str
    title: str
    depth: int
    assessable: bool
    result_id: int | None = None
    result: str | None = None
    owner_id: int | None = None
    tally: Tally = field(default_factory=Tally)
    children: list["TreeNode"] = field(default_factory=list)

    @property
    def readiness(self):
        return self.tally.readiness

    @property
    def progress(self):
        return self.tally.progress


def assessment_tree(*, membership, assessment) -> list[TreeNode]:
    """The library tree of the assessment, each node with the tally of the results below it.

    Two queries: the nodes of the library version and the results of the assessment.
    """
    nodes = RequirementNode.objects.filter(library_id=assessment.library_id).order_by("order")
    results = {
        row[0]: row[1:]
        for row in RequirementResult.objects.filter(
            organization=membership.organization, assessment=assessment
        ).values_list("node_id", "id", "result", "weight", "owner_id")
    }
    by_id: dict[int, TreeNode] = {}
    parents: dict[int, int | None] = {}
    roots: list[TreeNode] = []
    spanish = prefers_spanish()  # once, not per node: the tree has a thousand of them
    for node_id, parent_id, ref_id, title_es, title_en, depth, assessable in nodes.values_list(
        "id", "parent_id", "ref_id", "title_es", "title_en", "depth", "assessable"
    ):
        title = (title_es if spanish else title_en) or title_es or title_en
        item = TreeNode(node_id, ref_id, title, depth, assessable)
        by_id[node_id] = item
        parents[node_id] = parent_id
        parent = by_id.get(parent_id)
        (parent.children if parent else roots).append(item)
    for node_id, (result_id, result, weight, owner_id) in results.items():
        item = by_id.get(node_id)
        if item is None:
            continue
        item.result_id, item.result, item.owner_id = result_id, result, owner_id
        current = node_id
        while current is not None:
            by_id[current].tally.add(result, weight)
            current = parents.get(current)
    return _prune(roots)


def _prune(items: list[TreeNode]) -> list[TreeNode]:
    """Drop branches with no result (requirements that do not apply to this assessment)."""
    kept = []
    for item in items:
        item.children = _prune(item.children)
        if item.tally.total:
            kept.append(item)
    return kept
