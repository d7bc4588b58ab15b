"""Every read of the partners app, limited to the acting membership's organization.

Watchlist versions and entries are public data shared by all organizations; their readers
still require a current membership with VIEW."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.permissions import Perm, require_perm

from .choices import FindingStatus, PartnerStatus, QuestionnaireStatus
from .models import (
    OPEN_STATUSES,
    Certification,
    ListEntry,
    ListImportAttempt,
    ListVersion,
    Partner,
    PartnerDocument,
    PartnerReview,
    Questionnaire,
    ReviewFinding,
    ScreeningHit,
    ScreeningRun,
    SecurityAgreement,
    SelectionDecision,
)
from .services.common import policy_for


def _org(membership):
    require_perm(membership, Perm.VIEW)
    return membership.organization


def open_hit_q(prefix: str = "") -> Q:
    """A hit someone must still decide: on the current list, undecided and not informative."""
    fields = {"is_current": True, "decision__isnull": True, "informative": False}
    return Q(**{prefix + name: value for name, value in fields.items()})


def valid_certification_q(today: datetime.date, prefix: str = "") -> Q:
    """Valid on `today`: not expired, or without expiry but verified in the last year."""
    year_ago = today - datetime.timedelta(days=365)
    return Q(**{f"{prefix}valid_until__gte": today}) | Q(
        **{f"{prefix}valid_until__isnull": True, f"{prefix}last_verified_on__gte": year_ago}
    )


def partner_list(*, membership):
    today = timezone.localdate()
    valid = Certification.objects.filter(valid_certification_q(today), partner=OuterRef("pk"))
    return (
        Partner.objects.filter(organization=_org(membership))
        .annotate(
            open_hits=Count("hits", filter=open_hit_q("hits__")),
            has_valid_certification=Exists(valid),
        )
        .order_by("legal_name", "pk")
    )


def partner_get(*, membership, pk):
    return get_object_or_404(partner_list(membership=membership), pk=pk)


def record_get(model, *, membership, pk, related=("partner",)):
    queryset = model.objects.filter(organization=_org(membership)).select_related(*related)
    return get_object_or_404(queryset, pk=pk)


def certification_list(*, membership):
    return Certification.objects.filter(organization=_org(membership)).select_related("partner")


def certification_get(*, membership, pk):
    return record_get(Certification, membership=membership, pk=pk)


def certifications_expiring(*, membership, days: int | None = None):
    today = timezone.localdate()
    days = policy_for(membership.organization).certification_warning_days if days is None else days
    return (
        certification_list(membership=membership)
        .filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=days))
        .exclude(partner__status=PartnerStatus.INACTIVE)
        .order_by("valid_until")
    )


def document_list(*, membership):
    return PartnerDocument.objects.filter(organization=_org(membership)).select_related(
        "partner", "uploaded_by"
    )


def document_get(*, membership, pk):
    return record_get(PartnerDocument, membership=membership, pk=pk)


def agreement_list(*, membership):
    return SecurityAgreement.objects.filter(organization=_org(membership)).select_related(
        "partner", "document"
    )


def agreement_get(*, membership, pk):
    return record_get(SecurityAgreement, membership=membership, pk=pk)


def selection_decision_list(*, membership):
    return SelectionDecision.objects.filter(organization=_org(membership)).select_related(
        "partner", "decided_by"
    )


def selection_decision_get(*, membership, pk):
    return record_get(SelectionDecision, membership=membership, pk=pk)


def questionnaire_list(*, membership):
    return Questionnaire.objects.filter(organization=_org(membership)).select_related(
        "partner", "sent_by", "reviewed_by"
    )


def questionnaire_get(*, membership, pk):
    return record_get(Questionnaire, membership=membership, pk=pk)


def review_list(*, membership):
    return PartnerReview.objects.filter(organization=_org(membership)).select_related(
        "partner", "reviewer"
    )


def review_get(*, membership, pk):
    return record_get(
        PartnerReview, membership=membership, pk=pk, related=("partner", "reviewer", "report")
    )


def finding_list(*, membership):
    return ReviewFinding.objects.filter(organization=_org(membership)).select_related(
        "partner", "review", "owner"
    )


def finding_get(*, membership, pk):
    return record_get(ReviewFinding, membership=membership, pk=pk)


def hit_list(*, membership):
    return ScreeningHit.objects.filter(organization=_org(membership)).select_related(
        "partner", "entry", "list_version", "decision", "decision__decided_by"
    )


def hit_get(*, membership, pk):
    return get_object_or_404(hit_list(membership=membership), pk=pk)


def screening_run_list(*, membership):
    return ScreeningRun.objects.filter(organization=_org(membership)).prefetch_related("versions")


def partners_due_for_review(*, membership, within_days: int = 60):
    today = timezone.localdate()
    return (
        partner_list(membership=membership)
        .exclude(status=PartnerStatus.INACTIVE)
        .filter(next_review_due__lte=today + datetime.timedelta(days=within_days))
        .order_by("next_review_due", "legal_name")
    )


def partners_overdue(*, membership):
    return partners_due_for_review(membership=membership, within_days=0).filter(
        next_review_due__lt=timezone.localdate()
    )


# --------------------------------------------------------------------------- watchlists


def list_version_list(*, membership):
    _org(membership)
    return ListVersion.objects.select_related("imported_by")


def list_version_get(*, membership, pk):
    return get_object_or_404(list_version_list(membership=membership), pk=pk)


def list_entry_list(*, membership, version=None):
    _org(membership)
    entries = ListEntry.objects.select_related("version").prefetch_related("names")
    return entries.filter(version=version) if version is not None else entries


def import_attempt_list(*, membership):
    _org(membership)
    return ListImportAttempt.objects.select_related("version")


def latest_list_import(membership=None):
    version = ListVersion.objects.filter(is_current=True).order_by("-imported_at").first()
    return version.imported_at if version else None


# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class CalendarEvent:
    day: datetime.date
    kind: str  # review | certification | questionnaire | finding
    title: str
    partner_id: int
    overdue: bool


def calendar_events(*, membership, start: datetime.date, end: datetime.date) -> list[CalendarEvent]:
    """Due dates between start and end (inclusive): reviews, certification expiries,
    questionnaire deadlines and finding due dates."""
    today = timezone.localdate()
    events = []
    for partner in (
        partner_list(membership=membership)
        .exclude(status=PartnerStatus.INACTIVE)
        .filter(next_review_due__range=(start, end))
    ):
        events.append(
            CalendarEvent(
                partner.next_review_due,
                "review",
                partner.legal_name,
                partner.pk,
                partner.next_review_due < today,
            )
        )
    for cert in certification_list(membership=membership).filter(valid_until__range=(start, end)):
        events.append(
            CalendarEvent(
                cert.valid_until,
                "certification",
                f"{cert.partner} · {cert.get_program_display()}",
                cert.partner_id,
                cert.valid_until < today,
            )
        )
    for q in questionnaire_list(membership=membership).filter(
        status__in=OPEN_STATUSES, valid_until__date__range=(start, end)
    ):
        events.append(
            CalendarEvent(
                timezone.localtime(q.valid_until).date(),
                "questionnaire",
                str(q.partner),
                q.partner_id,
                q.link_expired,
            )
        )
    for f in finding_list(membership=membership).filter(
        status=FindingStatus.OPEN, due_on__range=(start, end)
    ):
        events.append(
            CalendarEvent(
                f.due_on,
                "finding",
                f"{f.partner} · {f.description[:60]}",
                f.partner_id,
                f.due_on < today,
            )
        )
    return sorted(events, key=lambda e: (e.day, e.kind, e.title))


def dashboard_summary(membership) -> dict:
    if membership is None or not membership.is_current:
        return {}
    today = timezone.localdate()
    # one pass over the active partners for the three figures (the home page is the most
    # opened page; partner_list's per-row annotations are not needed to count)
    figures = (
        Partner.objects.filter(organization=_org(membership))
        .exclude(status=PartnerStatus.INACTIVE)
        .aggregate(
            partners_total=Count("pk"),
            partners_blocked=Count("pk", filter=Q(status=PartnerStatus.BLOCKED)),
            partners_overdue=Count("pk", filter=Q(next_review_due__lt=today)),
        )
    )
    return {
        **figures,
        "open_hits": hit_list(membership=membership).filter(open_hit_q()).count(),
        "certifications_expiring": certifications_expiring(membership=membership).count(),
        "questionnaires_to_review": questionnaire_list(membership=membership)
        .filter(status=QuestionnaireStatus.SUBMITTED)
        .count(),
    }
