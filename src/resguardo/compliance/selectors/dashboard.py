"""The certification-readiness picture: a constant number of queries, whatever the data size."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.memo import remembered
from resguardo.core.selectors import FACT_FLAGS, organization_facts
from resguardo.standards.models import MappingSet

from ..choices import GAP_RESULTS, OPEN_ACTION_STATUSES, AssessmentStatus, Result
from ..models import RequirementResult
from ..presenters import percent
from .assessments import (
    assessment_list,
    readiness_history,
    results_for_user,
    section_progress,
    section_titles,
)
from .records import (
    EXPIRY_WARNING_DAYS,
    action_item_counts,
    action_item_list,
    action_items_overdue,
    evidence_expiring,
    evidence_list,
    overdue_q,
)
from .requirements import compliant_without_evidence

NEEC_FRAMEWORK = "neec-aa"
RECOGNITION_FRAMEWORKS = ("ctpat-msc", "wco-safe")
TREND_DAYS = 180
LIST_LIMIT = 8


@dataclass
class FrameworkReadiness:
    assessment: object
    readiness: object  # scoring.Readiness or None
    sections: list[dict] = field(default_factory=list)

    @property
    def overall(self):
        return self.readiness.overall.readiness if self.readiness else None

    @property
    def progress(self):
        return self.readiness.overall.progress if self.readiness else None

    @property
    def gap_count(self) -> int:
        if not self.readiness:
            return 0
        return sum(self.readiness.overall.count(r) for r in GAP_RESULTS)


@dataclass
class DashboardData:
    current: list[FrameworkReadiness]
    assessments: list
    readiness: dict
    trend: dict  # assessment id → [(day, readiness)]
    action_counts: dict
    overdue_actions: list
    gaps: list
    expiring_evidence: list
    evidence_counts: dict
    today: datetime.date
    drafts: list = field(default_factory=list)  # FrameworkReadiness of drafts not current
    unsupported: list = field(default_factory=list)  # compliant answers with no evidence
    unsupported_count: int = 0

    @property
    def gap_total(self) -> int:
        """Non-compliant and partially compliant requirements of the current assessments."""
        return sum(item.gap_count for item in self.current)

    @property
    def overall(self):
        """Readiness over every current assessment together (same formula, all weights)."""
        from ..scoring import Tally

        total = Tally()
        for item in self.current:
            if item.readiness:
                total.merge(item.readiness.overall)
        return total.readiness


def current_assessments(assessments) -> list:
    """The current assessment of each framework: the one most recently frozen or marked
    current (organization-wide ones before site ones). A draft that was never marked is not
    current, however new: it shows its own progress on its own page."""
    chosen: dict[int, object] = {}
    candidates = [a for a in assessments if a.current_since is not None]
    for assessment in sorted(
        candidates, key=lambda a: (a.site_id is not None, -a.current_since.timestamp())
    ):
        chosen.setdefault(assessment.library.framework_id, assessment)
    return sorted(chosen.values(), key=lambda a: a.library.framework.key)


def current_assessments_of(*, membership) -> list:
    """The membership's current assessment of each framework."""
    return current_assessments(assessment_list(membership=membership))


def current_assessment_of(*, membership, assessment):
    """The current assessment of the same framework as `assessment` (maybe itself), or None."""
    same = assessment_list(membership=membership).filter(
        library__framework_id=assessment.library.framework_id
    )
    current = current_assessments(same)
    return current[0] if current else None


def drafts_in_progress(assessments, current) -> list:
    """Assessments not frozen and not current: started, but not (yet) what readiness reads."""
    current_ids = {a.pk for a in current}
    return [a for a in assessments if not a.is_frozen and a.pk not in current_ids]


def _sections_for(current, readiness) -> dict[int, list[dict]]:
    section_ids = {sid for a in current if readiness.get(a.pk) for sid in readiness[a.pk].sections}
    titles = section_titles(section_ids)
    out = {}
    for assessment in current:
        item = readiness.get(assessment.pk)
        if item is None:
            out[assessment.pk] = []
            continue
        rows = [
            {"id": sid, **titles.get(sid, {"ref_id": "?", "title": "", "order": 0}),
             "readiness": tally.readiness, "progress": tally.progress, "tally": tally}
            for sid, tally in item.sections.items()
        ]  # fmt: skip
        out[assessment.pk] = sorted(rows, key=lambda r: r["order"])
    return out


def _gaps(membership, current):
    return list(
        RequirementResult.objects.filter(
            organization=membership.organization,
            assessment__in=[a.pk for a in current],
            result__in=list(GAP_RESULTS),
        )
        .select_related("node", "owner", "assessment")
        .only(
            "id",
            "result",
            "due_date",
            "order",
            "assessment__name",
            "assessment__id",
            "node__ref_id",
            "node__title_es",
            "node__title_en",
            "owner__first_name",
            "owner__last_name",
            "owner__email",
        )  # fmt: skip
        .order_by("result", "-weight", "order")[: LIST_LIMIT * 2]
    )  # "non_compliant" sorts before "partial": the worst gaps first


def dashboard_data(*, membership, today=None) -> DashboardData:
    from ..services.readiness import readiness_of

    today = today or timezone.localdate()
    assessments = list(assessment_list(membership=membership).order_by("-created_at"))
    readiness = readiness_of([a.pk for a in assessments]) if assessments else {}
    current = current_assessments(assessments)
    sections = _sections_for(current, readiness)
    trend: dict[int, list] = {a.pk: [] for a in current}
    since = today - datetime.timedelta(days=TREND_DAYS)
    for assessment_id, day, value in readiness_history(trend.keys(), since=since):
        if value is not None:
            trend[assessment_id].append((day, value))
    soon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    unsupported = compliant_without_evidence(membership=membership, assessments=current)
    evidence_counts = evidence_list(membership=membership).aggregate(
        total=Count("id"),
        expired=Count("id", filter=Q(valid_until__lt=today)),
        expiring=Count("id", filter=Q(valid_until__gte=today, valid_until__lte=soon)),
    )
    return DashboardData(
        current=[FrameworkReadiness(a, readiness.get(a.pk), sections[a.pk]) for a in current],
        assessments=assessments,
        readiness=readiness,
        trend=trend,
        action_counts=action_item_counts(membership=membership, today=today),
        overdue_actions=list(action_items_overdue(membership=membership, today=today)[:LIST_LIMIT]),
        gaps=_gaps(membership, current) if current else [],
        expiring_evidence=list(evidence_expiring(membership=membership, today=today)[:LIST_LIMIT]),
        evidence_counts=evidence_counts,
        today=today,
        drafts=[
            FrameworkReadiness(a, readiness.get(a.pk))
            for a in drafts_in_progress(assessments, current)
        ],
        unsupported=list(unsupported[:LIST_LIMIT]),
        unsupported_count=unsupported.count(),
    )


def _home_readiness(membership):
    """(assessments newest first, current ones, drafts in progress, {id: Readiness} of the
    current ones and the drafts): read once per home page for the panel and the cards."""

    def compute():
        from ..services.readiness import readiness_of

        assessments = list(assessment_list(membership=membership).order_by("-created_at"))
        current = current_assessments(assessments)
        drafts = drafts_in_progress(assessments, current)
        readiness = readiness_of([a.pk for a in current + drafts]) if assessments else {}
        return assessments, current, drafts, readiness

    return remembered(("compliance.home_readiness", membership.pk), compute)


def panel_data(*, membership) -> dict:
    """The compliance summary on the home page, read there as `panel.<key>`: readiness of the
    current assessments, overdue actions and expiring evidence (the same figures as the
    readiness page), and the person's own work."""
    assessments, current, drafts, readiness = _home_readiness(membership)
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    mine = (
        results_for_user(membership=membership)
        .exclude(assessment__status=AssessmentStatus.FROZEN)
        .aggregate(
            assigned=Count("id"),
            unanswered=Count("id", filter=Q(result=Result.NOT_ASSESSED)),
        )
    )
    mine_q = Q(owner_id=membership.user_id)
    actions = action_item_list(membership=membership).aggregate(
        open=Count("id", filter=Q(status__in=OPEN_ACTION_STATUSES)),
        overdue=Count("id", filter=overdue_q(today)),
        my_open=Count("id", filter=mine_q & Q(status__in=OPEN_ACTION_STATUSES)),
        my_overdue=Count("id", filter=mine_q & overdue_q(today)),
    )
    return {
        "current": [FrameworkReadiness(a, readiness.get(a.pk)) for a in current],
        "drafts": [FrameworkReadiness(a, readiness.get(a.pk)) for a in drafts],
        # the organization's actions and the person's own, one query
        "actions": {"open": actions["open"], "overdue": actions["overdue"]},
        "evidence_expiring": evidence_list(membership=membership)
        .filter(valid_until__lte=soon)
        .count(),
        "my_results": mine,
        "my_actions": {"open": actions["my_open"], "overdue": actions["my_overdue"]},
    }


def standard_readiness(*, membership) -> dict[int, dict]:
    """{standard number: {"readiness", "url"}} from the current NEEC/OEA assessment, for the
    eleven standard cards on the home page."""
    _assessments, current, _drafts, readiness_by_id = _home_readiness(membership)
    current = [a for a in current if a.library.framework.key == NEEC_FRAMEWORK]
    if not current:
        return {}
    assessment = current[0]
    readiness = readiness_by_id.get(assessment.pk)
    out = {}
    for row in section_progress(readiness):
        if str(row["ref_id"]).isdigit():
            out[int(row["ref_id"])] = {
                "readiness": row["readiness"],
                "label": _("Readiness %(value)s") % {"value": percent(row["readiness"])},
                "url": assessment.get_absolute_url(),
            }
    return out


# Mutual recognition ------------------------------------------------------------------------


@dataclass
class RecognitionView:
    assessment: object | None
    reports: list  # standards.coverage.CoverageReport, one per target framework
    handles_cargo: bool = True


def recognition_mapping_sets(library):
    return list(
        MappingSet.objects.filter(
            source_library=library,
            target_library__framework__key__in=RECOGNITION_FRAMEWORKS,
        )
        .select_related("target_library__framework")
        .order_by("target_library__framework__key")
    )


def recognition_view(*, membership, assessment=None) -> RecognitionView:
    """What the current (or given) NEEC assessment means for C-TPAT and WCO SAFE AEO.

    Criteria written only for cargo handlers are out of scope for an agency that handles no
    cargo (no active yard or warehouse): listed apart, not counted."""
    from resguardo.standards.coverage import coverage

    if assessment is None:
        neec = [
            a
            for a in assessment_list(membership=membership).order_by("-created_at")
            if a.library.framework.key == NEEC_FRAMEWORK
        ]
        assessment = current_assessments(neec)[0] if neec else None
    facts = organization_facts(membership.organization)
    handles_cargo = "handles_cargo" in facts
    if assessment is None:
        return RecognitionView(assessment=None, reports=[], handles_cargo=handles_cargo)
    results = dict(
        RequirementResult.objects.filter(
            organization=membership.organization, assessment=assessment
        ).values_list("node__urn", "result")
    )
    absent = FACT_FLAGS - facts
    reports = [coverage(results, mapping_set, absent_flags=absent)
               for mapping_set in recognition_mapping_sets(assessment.library)]  # fmt: skip
    return RecognitionView(assessment=assessment, reports=reports, handles_cargo=handles_cargo)


def result_distribution(readiness) -> list[tuple[str, int]]:
    """(result, count) in display order, for charts."""
    if readiness is None:
        return []
    tally = readiness.overall
    return [(value, tally.count(value)) for value in Result.values]
