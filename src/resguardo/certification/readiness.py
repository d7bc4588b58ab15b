"""Everything that stands between the agency and its renewal, with links: unmet
prerequisites, the last frozen self-assessment and its gaps, overdue actions, expired
evidence, overdue obligations, open requirements, and the days left."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from resguardo.compliance.choices import GAP_RESULTS, AssessmentStatus
from resguardo.compliance.selectors import (
    action_items_overdue,
    assessment_list,
    evidence_expiring,
)
from resguardo.core.modules import due_dates

from . import conf, selectors
from .e4 import FRAMEWORK_KEY

LIST_LIMIT = 50


@dataclass
class RenewalReadiness:
    certification: object
    days_left: int | None
    window_opens: datetime.date | None
    window_open: bool
    unmet_prerequisites: list = field(default_factory=list)
    frozen_assessment: object = None
    gaps: list = field(default_factory=list)
    overdue_actions: list = field(default_factory=list)
    expired_evidence: list = field(default_factory=list)
    overdue_obligations: list = field(default_factory=list)
    open_requirements: list = field(default_factory=list)

    @property
    def blockers(self) -> int:
        return (
            len(self.unmet_prerequisites)
            + len(self.gaps)
            + len(self.overdue_actions)
            + len(self.expired_evidence)
            + len(self.overdue_obligations)
            + len(self.open_requirements)
            + (0 if self.frozen_assessment else 1)
        )


def last_frozen_assessment(*, membership):
    return (
        assessment_list(membership=membership)
        .filter(status=AssessmentStatus.FROZEN, library__framework__key=FRAMEWORK_KEY)
        .order_by("-frozen_at")
        .first()
    )


def renewal_readiness(*, membership, today=None) -> RenewalReadiness:
    today = today or timezone.localdate()
    certification = selectors.main_certification(membership=membership)
    expires_on = certification.expires_on if certification else None
    frozen = last_frozen_assessment(membership=membership)
    gaps = []
    if frozen is not None:
        gaps = list(
            frozen.results.filter(result__in=list(GAP_RESULTS))
            .select_related("node", "owner")
            .order_by("order")[:LIST_LIMIT]
        )
    return RenewalReadiness(
        certification=certification,
        days_left=selectors.days_left(certification, today),
        window_opens=conf.renewal_window_opens(expires_on) if expires_on else None,
        window_open=bool(certification and selectors.renewal_window_open(certification, today)),
        unmet_prerequisites=selectors.unmet_prerequisites(membership=membership),
        frozen_assessment=frozen,
        gaps=gaps,
        overdue_actions=list(
            action_items_overdue(membership=membership, today=today)
            .select_related("owner")
            .order_by("due_date")[:LIST_LIMIT]
        ),
        expired_evidence=list(
            evidence_expiring(membership=membership, today=today, days=-1)[:LIST_LIMIT]
        ),
        overdue_obligations=due_dates(
            organization=membership.organization,
            start=None,
            end=today - datetime.timedelta(days=1),
            membership=membership,
        )[:LIST_LIMIT],
        open_requirements=list(selectors.requirements_open(membership=membership)[:LIST_LIMIT]),
    )
