"""The E4 profile (Perfil del Agente Aduanal) as VUCEM asks for it, per facility.

Each sub-standard in the form's order and numbering (1.1 … 11.2) with the answer text the
organization wrote in its self-assessment. The yard ("patio") clauses are inline sentences of
the official sub-standards: their answers are printed inside the parent sub-standard, under
Resguardo's own label (2.3.P1…), never as numbered items of the form. Procedures are the
evidence linked to the answers. "What changed" compares with the answers as last filed.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from resguardo.compliance.models import ResultEvidence
from resguardo.compliance.selectors import assessment_list, evidence_list
from resguardo.standards.models import RequirementNode

from .choices import CertificationStatus, RequestType
from .models import Certification, ProfileFiling

FRAMEWORK_KEY = "neec-aa"
STANDARD_REF = re.compile(r"^\d+$")
SUB_STANDARD_REF = re.compile(r"^\d+\.\d+$")
YARD_REF = re.compile(r"^(\d+\.\d+)\.P\d+$")


@dataclass
class YardClause:
    ref_id: str
    title: str
    answer: str


@dataclass
class SubStandard:
    ref_id: str
    title: str
    answer: str
    procedures: list[str] = field(default_factory=list)
    yard_clauses: list[YardClause] = field(default_factory=list)
    change: str = ""  # "new", "changed", "unchanged" (empty: never filed)

    @property
    def full_answer(self) -> str:
        """The text to paste in VUCEM: the answer, then each yard clause's answer."""
        parts = [self.answer.strip()]
        parts += [f"{c.title}: {c.answer.strip()}" for c in self.yard_clauses if c.answer.strip()]
        return "\n\n".join(p for p in parts if p)


@dataclass
class Standard:
    ref_id: str
    title: str
    items: list[SubStandard] = field(default_factory=list)


@dataclass
class E4Profile:
    site: object
    assessment: object
    request_type: str
    standards: list[Standard]
    last_filing: ProfileFiling | None

    @property
    def items(self) -> list[SubStandard]:
        return [item for standard in self.standards for item in standard.items]

    @property
    def changed(self) -> list[SubStandard]:
        return [i for i in self.items if i.change in ("new", "changed")]

    def request_type_label(self) -> str:
        return RequestType(self.request_type).label

    def answers(self) -> dict[str, str]:
        return {item.ref_id: item.full_answer for item in self.items}


def profile_assessment(*, membership, site):
    """The facility's current NEEC self-assessment, else the organization-wide one, else the
    newest one of the framework."""
    candidates = list(
        assessment_list(membership=membership)
        .filter(library__framework__key=FRAMEWORK_KEY)
        .order_by("-created_at")
    )
    for wanted_site in ([site.pk] if site else []) + [None]:
        current = [a for a in candidates if a.site_id == wanted_site and a.current_since]
        if current:
            return max(current, key=lambda a: a.current_since)
    return candidates[0] if candidates else None


def default_request_type(*, membership, site) -> str:
    certification = (
        Certification.objects.filter(organization=membership.organization, site=site).first()
        or Certification.objects.filter(
            organization=membership.organization, site__isnull=True
        ).first()
    )
    if certification is None or certification.status == CertificationStatus.IN_PROCESS:
        return RequestType.FIRST
    from .selectors import renewal_window_open

    return RequestType.RENEWAL if renewal_window_open(certification) else RequestType.MODIFICATION


def last_filing(*, organization, site) -> ProfileFiling | None:
    return ProfileFiling.objects.filter(organization=organization, site=site).first()


def _results(membership, assessment):
    visible = evidence_list(membership=membership)
    return {
        r.node_id: r
        for r in assessment.results.select_related("node").prefetch_related(
            Prefetch(
                "evidence_links",
                queryset=ResultEvidence.objects.filter(evidence__in=visible)
                .select_related("evidence")
                .order_by("evidence__title"),
            )
        )
    }


def e4_profile(*, membership, site=None, request_type=None) -> E4Profile:
    assessment = profile_assessment(membership=membership, site=site)
    request_type = request_type or default_request_type(membership=membership, site=site)
    filing = last_filing(organization=membership.organization, site=site)
    standards: list[Standard] = []
    if assessment is not None:
        results = _results(membership, assessment)
        by_ref: dict[str, SubStandard] = {}
        nodes = RequirementNode.objects.filter(library=assessment.library).order_by("order")
        for node in nodes.only("id", "ref_id", "title_es", "order"):
            result = results.get(node.pk)
            answer = result.answer if result else ""
            procedures = (
                [link.evidence.title for link in result.evidence_links.all()] if result else []
            )
            if STANDARD_REF.match(node.ref_id):
                standards.append(Standard(node.ref_id, node.title_es))
            elif SUB_STANDARD_REF.match(node.ref_id) and standards:
                item = SubStandard(node.ref_id, node.title_es, answer, procedures)
                standards[-1].items.append(item)
                by_ref[node.ref_id] = item
            elif (match := YARD_REF.match(node.ref_id)) and match.group(1) in by_ref:
                parent = by_ref[match.group(1)]
                parent.yard_clauses.append(YardClause(node.ref_id, node.title_es, answer))
                parent.procedures += [p for p in procedures if p not in parent.procedures]
    profile = E4Profile(site, assessment, request_type, standards, filing)
    if filing is not None:
        for item in profile.items:
            before = filing.answers.get(item.ref_id)
            if before is None:
                item.change = "new"
            else:
                item.change = "unchanged" if before == item.full_answer else "changed"
    return profile
