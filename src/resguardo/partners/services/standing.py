"""Keeping a partner's risk rating and next review date in step with its records.

Called by every service that changes something the rating depends on."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.writes import update_audited

from .. import risk
from ..choices import (
    FindingSeverity,
    FindingStatus,
    QuestionnaireStatus,
    RiskLevel,
    Verdict,
)
from ..models import Partner, Questionnaire
from .common import add_months, policy_for

INITIAL_REVIEW_DAYS = 30


def gather_facts(partner: Partner, *, policy, today: datetime.date) -> risk.RiskFacts:
    valid_programs = sorted(
        {
            cert.get_program_display()
            for cert in partner.certifications.all()
            if cert.is_valid_on(today)
        }
    )
    hits = list(partner.hits.filter(is_current=True).select_related("decision"))
    true_match = partner.hits.filter(
        decision__verdict=Verdict.TRUE_MATCH, informative=False
    ).exists()
    questionnaire = (
        Questionnaire.objects.filter(partner=partner, status=QuestionnaireStatus.ACCEPTED)
        .order_by("-reviewed_at", "-pk")
        .first()
    )
    last_review = partner.reviews.order_by("-performed_on", "-pk").first()
    selection = partner.selection_decisions.order_by("-decided_on", "-pk").first()
    return risk.RiskFacts(
        kind=partner.kind,
        country=partner.country,
        since=partner.since or (partner.created_at.date() if partner.created_at else None),
        today=today,
        certification_required=partner.kind in (policy.certification_required_kinds or []),
        valid_programs=valid_programs,
        true_match=true_match,
        open_hits=sum(1 for h in hits if h.decision_id is None and not h.informative),
        questionnaire_score=questionnaire.score if questionnaire else None,
        questionnaire_gaps=list(questionnaire.critical_gaps) if questionnaire else [],
        last_review_outcome=last_review.outcome if last_review else "",
        open_high_findings=partner.findings.filter(
            status=FindingStatus.OPEN, severity=FindingSeverity.HIGH
        ).count(),
        review_overdue=partner.next_review_due is not None and partner.next_review_due < today,
        selection_outcome=selection.outcome if selection else "",
    )


def next_review_due(partner: Partner, *, level: str, policy, today: datetime.date):
    last_review = partner.reviews.order_by("-performed_on", "-pk").first()
    if last_review is None:
        start = partner.created_at.date() if partner.created_at else today
        return start + datetime.timedelta(days=INITIAL_REVIEW_DAYS)
    return add_months(last_review.performed_on, policy.review_months(level))


def partner_refresh_standing(*, actor: Actor, partner: Partner) -> Partner:
    """Recompute the rating and the next review date; audit only when they change.

    Works on a fresh copy of the row: callers may hold one another service has since saved."""
    partner = Partner.objects.select_related("organization").get(pk=partner.pk)
    today = timezone.localdate()
    policy = policy_for(partner.organization)
    rating = risk.rate(gather_facts(partner, policy=policy, today=today))
    level = partner.risk_override or rating.level
    due = next_review_due(partner, level=level, policy=policy, today=today)
    changes = {
        "risk_level": RiskLevel(rating.level).value,
        "risk_score": rating.score,
        "risk_factors": rating.factors,
        "next_review_due": due,
    }
    if all(getattr(partner, name) == value for name, value in changes.items()):
        return partner
    return update_audited(
        actor=actor, organization=partner.organization, instance=partner, changes=changes
    )
