"""Business-partner dates for the obligations calendar (core.modules.due_dates): periodic
reviews, questionnaires awaiting answers or a review, partner certifications that expire,
open review findings. One query per provider; titles are lazy (each reader's language)."""

import datetime

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate, record_url
from resguardo.core.permissions import Perm

from .choices import FindingStatus, PartnerStatus, QuestionnaireStatus
from .models import Certification, Partner, Questionnaire, ReviewFinding

# A submitted questionnaire should be reviewed within this many days.
QUESTIONNAIRE_REVIEW_DAYS = 7
AWAITING_ANSWERS = (
    QuestionnaireStatus.SENT,
    QuestionnaireStatus.IN_PROGRESS,
    QuestionnaireStatus.CORRECTIONS,
)


def _in_range(queryset, field, start, end):
    queryset = queryset.filter(**{f"{field}__isnull": False, f"{field}__lte": end})
    return queryset.filter(**{f"{field}__gte": start}) if start is not None else queryset


def partner_reviews(*, organization, start, end):
    url = record_url("partners:partner_detail")
    partners = Partner.objects.filter(organization=organization).exclude(
        status=PartnerStatus.INACTIVE
    )
    return [
        DueDate(
            key=f"partners.review:{row['pk']}",
            title=format_lazy("{}: {}", _("Partner review"), row["legal_name"]),
            due_on=row["next_review_due"],
            url=url(row["pk"]),
            standard=4,
            perm=Perm.MANAGE_COMPLIANCE,
        )
        for row in _in_range(partners, "next_review_due", start, end).values(
            "pk", "legal_name", "next_review_due"
        )
    ]


def questionnaires(*, organization, start, end):
    """Answers due by the link's expiry; a submitted one due for review a week later."""
    url = record_url("partners:questionnaire_detail")
    rows = Questionnaire.objects.filter(
        organization=organization,
        status__in=(*AWAITING_ANSWERS, QuestionnaireStatus.SUBMITTED),
    ).values("pk", "status", "valid_until", "submitted_at", "sent_by_id", "partner__legal_name")
    found = []
    for row in rows:
        if row["status"] == QuestionnaireStatus.SUBMITTED:
            submitted = timezone.localdate(row["submitted_at"] or row["valid_until"])
            due_on = submitted + datetime.timedelta(days=QUESTIONNAIRE_REVIEW_DAYS)
            label = _("Questionnaires to review")
        else:
            due_on = timezone.localdate(row["valid_until"])
            label = _("Questionnaire link expires")
        if due_on > end or (start is not None and due_on < start):
            continue
        found.append(
            DueDate(
                key=f"partners.questionnaire:{row['pk']}",
                title=format_lazy("{}: {}", label, row["partner__legal_name"]),
                due_on=due_on,
                url=url(row["pk"]),
                standard=4,
                owner_id=row["sent_by_id"],
                perm=Perm.MANAGE_COMPLIANCE,
            )
        )
    return found


def certification_expiry(*, organization, start, end):
    url = record_url("partners:partner_detail")
    certifications = Certification.objects.filter(organization=organization).exclude(
        partner__status=PartnerStatus.INACTIVE
    )
    return [
        DueDate(
            key=f"partners.certification:{row['pk']}",
            title=format_lazy(
                "{} ({}): {}",
                _("Certification expires"),
                row["program"].upper(),
                row["partner__legal_name"],
            ),
            due_on=row["valid_until"],
            url=url(row["partner_id"]),
            standard=4,
            perm=Perm.MANAGE_COMPLIANCE,
        )
        for row in _in_range(certifications, "valid_until", start, end).values(
            "pk", "program", "valid_until", "partner_id", "partner__legal_name"
        )
    ]


def review_findings(*, organization, start, end):
    url = record_url("partners:review_detail")
    findings = ReviewFinding.objects.filter(organization=organization, status=FindingStatus.OPEN)
    return [
        DueDate(
            key=f"partners.finding:{row['pk']}",
            title=format_lazy(
                "{}: {} ({})",
                _("Finding due"),
                row["partner__legal_name"],
                row["description"][:80],
            ),
            due_on=row["due_on"],
            url=url(row["review_id"]),
            standard=4,
            owner_id=row["owner_id"],
            perm=Perm.MANAGE_COMPLIANCE,
        )
        for row in _in_range(findings, "due_on", start, end).values(
            "pk", "description", "due_on", "owner_id", "review_id", "partner__legal_name"
        )
    ]
