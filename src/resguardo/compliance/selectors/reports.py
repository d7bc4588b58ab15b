"""Everything a report needs about one assessment, in a few queries.

The reports app (PDF, Excel, OSCAL, evidence package) reads only through these:

- `assessment_report_data(membership=..., assessment=...)` → ReportData: the assessment, its
  library, every standard with its requirements (node texts in both languages, notes, typical
  evidence), each result with owner/reviewer and its evidence (current revision's SHA-256;
  for a frozen assessment the revision its snapshot signed),
  readiness per standard and overall, the frozen snapshot if any. Six queries.
- `evidence_files(membership=..., assessment=...)` → the file revisions behind that evidence,
  for a ZIP package (storage name, original name, size, SHA-256), as an iterator.
- `snapshot_content(...)` → the JSON frozen with an assessment (its hash is the sign-off).
"""

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone

from resguardo.standards.models import RequirementNode

from ..access import visible_classifications
from ..models import AssessmentSnapshot, EvidenceRevision, RequirementResult, ResultEvidence
from ..scoring import Readiness, Tally

SNAPSHOT_FORMAT = "resguardo.assessment-snapshot/1"


@dataclass
class ReportEvidence:
    id: int
    title: str
    kind: str
    url: str
    classification: str
    valid_until: object
    revision: int | None
    original_name: str
    size: int | None
    sha256: str


@dataclass
class ReportRequirement:
    result: RequirementResult  # .node has every text field; .owner, .reviewed_by loaded
    evidence: list[ReportEvidence] = field(default_factory=list)
    indicators: list = field(default_factory=list)  # requirement_indicators.IndicatorLine
    actions: list = field(default_factory=list)  # ActionItem raised about this requirement


@dataclass
class ReportSection:
    node: RequirementNode
    tally: Tally
    requirements: list[ReportRequirement] = field(default_factory=list)

    @property
    def readiness(self):
        return self.tally.readiness

    @property
    def progress(self):
        return self.tally.progress


@dataclass
class ReportData:
    assessment: object
    library: object
    organization: object
    sections: list[ReportSection]
    readiness: Readiness
    snapshot: AssessmentSnapshot | None
    generated_at: object


def _signed_revisions(snapshot) -> dict[int, EvidenceRevision]:
    """The evidence revisions a frozen assessment's snapshot signed, by evidence id.

    A file revised after the sign-off must not replace, in a report or package of the frozen
    assessment, the revision whose SHA-256 the approver signed.
    """
    signed = {
        (item["id"], item["revision"])
        for result in snapshot.content.get("results", [])
        for item in result.get("evidence", [])
        if item.get("revision")
    }
    if not signed:
        return {}
    revisions = EvidenceRevision.objects.filter(
        organization_id=snapshot.organization_id,
        evidence_id__in={evidence_id for evidence_id, _number in signed},
    )
    return {r.evidence_id: r for r in revisions if (r.evidence_id, r.number) in signed}


def _evidence_by_result(membership, assessment, snapshot) -> dict[int, list[ReportEvidence]]:
    links = (
        ResultEvidence.objects.filter(
            result__assessment=assessment,
            evidence__classification__in=visible_classifications(membership),
        )
        .select_related("evidence__current_revision")
        .order_by("result_id", "evidence__title")
    )
    signed = _signed_revisions(snapshot) if snapshot is not None else None
    out: dict[int, list[ReportEvidence]] = {}
    for link in links:
        evidence = link.evidence
        revision = evidence.current_revision if signed is None else signed.get(evidence.pk)
        out.setdefault(link.result_id, []).append(
            ReportEvidence(
                id=evidence.pk,
                title=evidence.title,
                kind=evidence.kind,
                url=evidence.url,
                classification=evidence.classification,
                valid_until=evidence.valid_until,
                revision=revision.number if revision else None,
                original_name=revision.original_name if revision else "",
                size=revision.size if revision else None,
                sha256=revision.sha256 if revision else "",
            )
        )
    return out


def _actions_by_result(membership, assessment, results) -> dict[int, list]:
    """{result id: actions about that requirement}: raised from the result, the requirement or
    an audit finding on it (the same relations as the requirement page), one query."""
    from .records import action_item_list

    by_urn = {result.node.urn: result.pk for result in results}
    actions = (
        action_item_list(membership=membership)
        .filter(
            Q(result__assessment=assessment)
            | Q(node__urn__in=list(by_urn))
            | Q(finding__node__urn__in=list(by_urn))
        )
        .select_related("node", "finding__node")
        .order_by("due_date", "pk")
    )
    out: dict[int, list] = {}
    for action in actions:
        targets = {
            by_urn.get(action.node.urn) if action.node else None,
            by_urn.get(action.finding.node.urn) if action.finding and action.finding.node else None,
        }
        if action.result_id and action.result_id in by_urn.values():
            targets.add(action.result_id)
        for result_id in targets - {None}:
            out.setdefault(result_id, []).append(action)
    return out


def assessment_report_data(*, membership, assessment) -> ReportData:
    """The whole assessment, grouped by standard, in library order (six queries)."""
    results = list(
        RequirementResult.objects.filter(
            organization=membership.organization, assessment=assessment
        )
        .select_related("node", "owner", "reviewed_by", "answered_by")
        .order_by("order")
    )
    snapshot = AssessmentSnapshot.objects.filter(assessment=assessment).first()
    evidence = _evidence_by_result(membership, assessment, snapshot)
    actions = _actions_by_result(membership, assessment, results)
    section_nodes = RequirementNode.objects.in_bulk({r.section_id for r in results})
    sections: dict[int, ReportSection] = {}
    overall = Tally()
    for result in results:
        section = sections.get(result.section_id)
        if section is None:
            section = sections[result.section_id] = ReportSection(
                node=section_nodes[result.section_id], tally=Tally()
            )
        section.tally.add(result.result, result.weight)
        overall.add(result.result, result.weight)
        section.requirements.append(
            ReportRequirement(
                result, evidence.get(result.pk, []), actions=actions.get(result.pk, [])
            )
        )
    ordered = sorted(sections.values(), key=lambda s: s.node.order)
    return ReportData(
        assessment=assessment,
        library=assessment.library,
        organization=membership.organization,
        sections=ordered,
        readiness=Readiness(overall=overall, sections={s.node.pk: s.tally for s in ordered}),
        snapshot=snapshot,
        generated_at=timezone.now(),
    )


def evidence_files(*, membership, assessment):
    """File revisions of the evidence linked to the assessment, one per item: the current
    ones, or for a frozen assessment the ones its snapshot signed."""
    revisions = EvidenceRevision.objects.filter(
        organization=membership.organization,
        evidence__links__result__assessment=assessment,
        evidence__classification__in=visible_classifications(membership),
    )
    snapshot = (
        AssessmentSnapshot.objects.filter(assessment=assessment).first()
        if assessment.is_frozen
        else None
    )
    if snapshot is None:
        revisions = revisions.filter(evidence__current_revision_id=F("id"))
    else:
        revisions = revisions.filter(pk__in=[r.pk for r in _signed_revisions(snapshot).values()])
    return (
        revisions.select_related("evidence")
        .distinct()
        .order_by("evidence__title")
        .iterator(chunk_size=200)
    )


def _user_label(user):
    return {"id": user.pk, "name": str(user), "email": user.email} if user else None


def snapshot_content(assessment, *, signed_by, signed_at, statement="") -> dict:
    """The immutable JSON record of an assessment at sign-off (every answer and evidence
    hash). All organization evidence is included, whatever its classification."""
    results = (
        RequirementResult.objects.filter(assessment=assessment)
        .select_related("node", "owner", "reviewed_by")
        .order_by("order")
    )
    links: dict[int, list[dict]] = {}
    for link in (
        ResultEvidence.objects.filter(result__assessment=assessment)
        .select_related("evidence__current_revision")
        .order_by("evidence_id")
    ):
        revision = link.evidence.current_revision
        links.setdefault(link.result_id, []).append(
            {
                "id": link.evidence_id,
                "title": link.evidence.title,
                "kind": link.evidence.kind,
                "url": link.evidence.url,
                "classification": link.evidence.classification,
                "revision": revision.number if revision else None,
                "sha256": revision.sha256 if revision else None,
            }
        )
    return {
        "format": SNAPSHOT_FORMAT,
        "assessment": {
            "id": assessment.pk,
            "name": assessment.name,
            "organization": assessment.organization_id,
            "site": assessment.site_id,
            "library": assessment.library.urn,
            "flags": assessment.flags,
            "created_at": assessment.created_at.isoformat(),
        },
        "signed_by": _user_label(signed_by),
        "signed_at": signed_at.isoformat(),
        "statement": statement,
        "results": [
            {
                "urn": r.node.urn,
                "ref_id": r.node.ref_id,
                "result": r.result,
                "score": r.score,
                "answer": r.answer,
                "justification": r.justification,
                "comments": r.comments,
                "weight": r.weight,
                "owner": _user_label(r.owner),
                "reviewed_by": _user_label(r.reviewed_by),
                "reviewed_at": r.reviewed_at.isoformat() if r.reviewed_at else None,
                "evidence": links.get(r.pk, []),
            }
            for r in results
        ],
    }
