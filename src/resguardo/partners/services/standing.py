"""Keeping a partner's risk rating and next review date in step with its records.

Called by every service that changes something the rating depends on. The records the
rating reads are loaded for many partners at once (one query per kind of record), so a
screening or an import rates thousands of partners in one pass."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.writes import update_audited, update_audited_many

from .. import risk
from ..choices import (
    FindingSeverity,
    FindingStatus,
    QuestionnaireStatus,
    RiskLevel,
    Verdict,
)
from ..models import (
    Certification,
    Partner,
    PartnerReview,
    Questionnaire,
    ReviewFinding,
    ScreeningHit,
    SelectionDecision,
)
from .common import add_months, policy_for

INITIAL_REVIEW_DAYS = 30
STANDING_FIELDS = ("risk_level", "risk_score", "risk_factors", "next_review_due")


@dataclass
class PartnerRecords:
    """What the rating reads from the partners' other records, by partner id. A partner
    not saved yet (an import about to write it) has none."""

    valid_programs: dict = field(default_factory=lambda: defaultdict(set))
    open_hits: dict = field(default_factory=lambda: defaultdict(int))
    true_match: set = field(default_factory=set)
    questionnaire: dict = field(default_factory=dict)  # id -> (score, critical gaps)
    last_review: dict = field(default_factory=dict)  # id -> (performed on, outcome)
    selection: dict = field(default_factory=dict)  # id -> outcome
    open_high_findings: dict = field(default_factory=dict)

    @classmethod
    def load(cls, partner_ids, *, today: datetime.date) -> "PartnerRecords":
        ids = sorted({pk for pk in partner_ids if pk is not None})
        records = cls()
        if not ids:
            return records
        for cert in Certification.objects.filter(partner_id__in=ids):
            if cert.is_valid_on(today):
                records.valid_programs[cert.partner_id].add(cert.get_program_display())
        # informative hits (a SAT entry the taxpayer disproved) are shown, never counted
        current = ScreeningHit.objects.filter(
            partner_id__in=ids, is_current=True, informative=False
        )
        for partner_id, decision_id in current.values_list("partner_id", "decision_id"):
            if decision_id is None:
                records.open_hits[partner_id] += 1
        records.true_match = set(
            ScreeningHit.objects.filter(
                partner_id__in=ids, decision__verdict=Verdict.TRUE_MATCH, informative=False
            ).values_list("partner_id", flat=True)
        )
        accepted = Questionnaire.objects.filter(
            partner_id__in=ids, status=QuestionnaireStatus.ACCEPTED
        ).order_by("partner_id", "-reviewed_at", "-pk")
        for partner_id, score, gaps in accepted.values_list("partner_id", "score", "critical_gaps"):
            records.questionnaire.setdefault(partner_id, (score, list(gaps or [])))
        reviews = PartnerReview.objects.filter(partner_id__in=ids).order_by(
            "partner_id", "-performed_on", "-pk"
        )
        for partner_id, performed_on, outcome in reviews.values_list(
            "partner_id", "performed_on", "outcome"
        ):
            records.last_review.setdefault(partner_id, (performed_on, outcome))
        decisions = SelectionDecision.objects.filter(partner_id__in=ids).order_by(
            "partner_id", "-decided_on", "-pk"
        )
        for partner_id, outcome in decisions.values_list("partner_id", "outcome"):
            records.selection.setdefault(partner_id, outcome)
        findings = (
            ReviewFinding.objects.filter(
                partner_id__in=ids, status=FindingStatus.OPEN, severity=FindingSeverity.HIGH
            )
            .order_by()
            .values("partner_id")
            .annotate(count=Count("pk"))
        )
        records.open_high_findings = {row["partner_id"]: row["count"] for row in findings}
        return records


def _created_on(partner: Partner, today: datetime.date) -> datetime.date:
    return partner.created_at.date() if partner.created_at else today


def gather_facts(
    partner: Partner, *, policy, today: datetime.date, records: PartnerRecords | None = None
) -> risk.RiskFacts:
    if records is None:
        records = PartnerRecords.load([partner.pk], today=today)
    pk = partner.pk
    questionnaire = records.questionnaire.get(pk)
    last_review = records.last_review.get(pk)
    return risk.RiskFacts(
        kind=partner.kind,
        country=partner.country,
        since=partner.since or (partner.created_at.date() if partner.created_at else None),
        today=today,
        certification_required=partner.kind in (policy.certification_required_kinds or []),
        valid_programs=sorted(records.valid_programs.get(pk, ())),
        true_match=pk in records.true_match,
        open_hits=records.open_hits.get(pk, 0),
        questionnaire_score=questionnaire[0] if questionnaire else None,
        questionnaire_gaps=questionnaire[1] if questionnaire else [],
        last_review_outcome=last_review[1] if last_review else "",
        open_high_findings=records.open_high_findings.get(pk, 0),
        review_overdue=partner.next_review_due is not None and partner.next_review_due < today,
        selection_outcome=records.selection.get(pk, ""),
    )


def next_review_due(
    partner: Partner,
    *,
    level: str,
    policy,
    today: datetime.date,
    records: PartnerRecords | None = None,
):
    if records is None:
        records = PartnerRecords.load([partner.pk], today=today)
    last_review = records.last_review.get(partner.pk)
    if last_review is None:
        return _created_on(partner, today) + datetime.timedelta(days=INITIAL_REVIEW_DAYS)
    return add_months(last_review[0], policy.review_months(level))


def standing(partner: Partner, *, policy, today: datetime.date, records: PartnerRecords) -> dict:
    """The rating and next review date the partner should carry, as field values."""
    rating = risk.rate(gather_facts(partner, policy=policy, today=today, records=records))
    level = partner.risk_override or rating.level
    return {
        "risk_level": RiskLevel(rating.level).value,
        "risk_score": rating.score,
        "risk_factors": rating.factors,
        "next_review_due": next_review_due(
            partner, level=level, policy=policy, today=today, records=records
        ),
    }


def _changed(partner: Partner, values: dict) -> bool:
    return any(getattr(partner, name) != value for name, value in values.items())


def partner_refresh_standing(*, actor: Actor, partner: Partner) -> Partner:
    """Recompute the rating and the next review date; audit only when they change.

    Works on a fresh copy of the row: callers may hold one another service has since saved."""
    partner = Partner.objects.select_related("organization").get(pk=partner.pk)
    today = timezone.localdate()
    policy = policy_for(partner.organization)
    records = PartnerRecords.load([partner.pk], today=today)
    changes = standing(partner, policy=policy, today=today, records=records)
    if not _changed(partner, changes):
        return partner
    return update_audited(
        actor=actor, organization=partner.organization, instance=partner, changes=changes
    )


def partners_refresh_standing(*, actor: Actor, partner_ids) -> list[Partner]:
    """`partner_refresh_standing` for many partners of the actor's organization in one pass:
    the rows are read (and locked) once, their records loaded once per kind, and the
    changed ones saved with one bulk update and their audit entries appended in bulk.
    Returns the partners whose standing changed."""
    organization = actor.organization
    ids = sorted(set(partner_ids))
    if not ids:
        return []
    partners = list(
        Partner.objects.select_for_update()
        .filter(organization=organization, pk__in=ids)
        .order_by("pk")
    )
    today = timezone.localdate()
    policy = policy_for(organization)
    records = PartnerRecords.load(ids, today=today)
    changes = []
    for partner in partners:
        values = standing(partner, policy=policy, today=today, records=records)
        if _changed(partner, values):
            changes.append((partner, values))
    update_audited_many(actor=actor, organization=organization, changes=changes)
    return [partner for partner, _values in changes]


def new_partners_standing(partners: list[Partner], *, organization, created_at) -> None:
    """Set the standing of partners about to be created at `created_at` (no other records
    yet), as `partner_refresh_standing` computes it right after their creation."""
    today = timezone.localdate()
    policy = policy_for(organization)
    records = PartnerRecords()
    for partner in partners:
        partner.created_at = created_at
        for name, value in standing(partner, policy=policy, today=today, records=records).items():
            setattr(partner, name, value)
