"""One FilterSet per list: the UI page and the API filter with the same rules."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from resguardo.core.filtersets import FilterSet

from .choices import (
    CertificationProgram,
    FindingSeverity,
    FindingStatus,
    HitStatus,
    PartnerKind,
    PartnerStatus,
    QuestionnaireStatus,
    ReviewKind,
    ReviewOutcome,
    RiskLevel,
    WatchlistSource,
)
from .models import (
    Certification,
    ListEntry,
    ListVersion,
    Partner,
    PartnerReview,
    Questionnaire,
    ReviewFinding,
    ScreeningHit,
)
from .watchlists.normalize import normalize_name

REVIEW_STATES = [
    ("overdue", _("Overdue")),
    ("due_60", _("Due within 60 days")),
    ("current", _("Current")),
    ("never", _("Never reviewed")),
]


class YesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes / No, and an empty first choice like the other filters' (not "Unknown", which
    reads as a value of its own)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (
            ("", pgettext_lazy("empty filter choice", "All")),
            ("true", _("Yes")),
            ("false", _("No")),
        )


class PartnerFilterMixin(FilterSet):
    """Lists of a partner's records: the page searches by the partner's name or RFC; the
    partner's id (links from other pages, the API) is a hidden filter."""

    partner_name = django_filters.CharFilter(method="by_partner_name", label=_("Partner"))
    partner = django_filters.NumberFilter(
        field_name="partner_id", label=_("Partner id"), widget=forms.HiddenInput
    )

    def by_partner_name(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(partner__legal_name__icontains=value)
            | Q(partner__trade_name__icontains=value)
            | Q(partner__rfc__icontains=value.upper())
            | Q(partner__tax_id__icontains=value)
        )


CERTIFICATION_STATES = [
    ("valid", pgettext_lazy("certification status", "Valid")),
    ("expiring", _("Expiring within 60 days")),
    ("expired", _("Expired")),
]


class PartnerFilterSet(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, RFC or tax id"))
    kind = django_filters.ChoiceFilter(choices=PartnerKind.choices, label=_("Type"))
    status = django_filters.ChoiceFilter(choices=PartnerStatus.choices, label=_("Status"))
    risk = django_filters.ChoiceFilter(choices=RiskLevel.choices, method="by_risk", label=_("Risk"))
    review = django_filters.ChoiceFilter(
        choices=REVIEW_STATES, method="by_review", label=_("Review")
    )
    open_hits = django_filters.BooleanFilter(
        method="by_hits", label=_("Watchlist hits to review"), widget=YesNoWidget
    )
    country = django_filters.CharFilter(lookup_expr="iexact", label=_("Country"))

    class Meta:
        model = Partner
        fields = ["q", "kind", "status", "risk", "review", "open_hits", "country"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(legal_name__icontains=value)
            | Q(trade_name__icontains=value)
            | Q(rfc__icontains=value.upper())
            | Q(tax_id__icontains=value)
        )

    def by_risk(self, queryset, name, value):
        return queryset.filter(Q(risk_override=value) | Q(risk_override="", risk_level=value))

    def by_review(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if value == "due_60":
            return queryset.filter(
                next_review_due__gte=today,
                next_review_due__lte=today + datetime.timedelta(days=60),
            )
        if value == "current":
            return queryset.filter(next_review_due__gte=today, reviews__isnull=False).distinct()
        if value == "never":
            return queryset.filter(reviews__isnull=True)
        return queryset

    def by_hits(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(open_hits__gt=0) if value else queryset.filter(open_hits=0)


class CertificationFilterSet(PartnerFilterMixin):
    program = django_filters.ChoiceFilter(choices=CertificationProgram.choices, label=_("Program"))
    state = django_filters.ChoiceFilter(
        choices=CERTIFICATION_STATES, method="by_state", label=_("Status")
    )

    class Meta:
        model = Certification
        fields = ["program", "state", "partner_name", "partner"]

    def by_state(self, queryset, name, value):
        today = timezone.localdate()
        if value == "expired":
            return queryset.filter(valid_until__lt=today)
        if value == "expiring":
            return queryset.filter(
                valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=60)
            )
        return queryset.filter(Q(valid_until__gte=today) | Q(valid_until__isnull=True))


class QuestionnaireFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(choices=QuestionnaireStatus.choices, label=_("Status"))
    q = django_filters.CharFilter(
        field_name="partner__legal_name", lookup_expr="icontains", label=_("Partner")
    )
    partner = django_filters.NumberFilter(
        field_name="partner_id", label=_("Partner id"), widget=forms.HiddenInput
    )

    class Meta:
        model = Questionnaire
        fields = ["status", "q", "partner"]


class ReviewFilterSet(PartnerFilterMixin):
    kind = django_filters.ChoiceFilter(choices=ReviewKind.choices, label=_("Kind"))
    outcome = django_filters.ChoiceFilter(choices=ReviewOutcome.choices, label=_("Outcome"))
    since = django_filters.DateFilter(field_name="performed_on", lookup_expr="gte", label=_("From"))
    until = django_filters.DateFilter(field_name="performed_on", lookup_expr="lte", label=_("To"))

    class Meta:
        model = PartnerReview
        fields = ["kind", "outcome", "partner_name", "partner", "since", "until"]


class FindingFilterSet(PartnerFilterMixin):
    status = django_filters.ChoiceFilter(choices=FindingStatus.choices, label=_("Status"))
    severity = django_filters.ChoiceFilter(choices=FindingSeverity.choices, label=_("Severity"))
    overdue = django_filters.BooleanFilter(
        method="by_overdue", label=pgettext_lazy("finding", "Overdue"), widget=YesNoWidget
    )

    class Meta:
        model = ReviewFinding
        fields = ["status", "severity", "overdue", "partner_name", "partner"]

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = Q(status=FindingStatus.OPEN, due_on__lt=timezone.localdate())
        return queryset.filter(late) if value else queryset.exclude(late)


class HitFilterSet(PartnerFilterMixin):
    status = django_filters.ChoiceFilter(
        choices=HitStatus.choices, method="by_status", label=_("Decision")
    )
    source = django_filters.ChoiceFilter(choices=WatchlistSource.choices, label=_("List"))
    is_current = django_filters.BooleanFilter(
        label=_("Still on the current list"), widget=YesNoWidget
    )

    class Meta:
        model = ScreeningHit
        fields = ["status", "source", "is_current", "partner_name", "partner"]

    def by_status(self, queryset, name, value):
        if value == HitStatus.OPEN:
            return queryset.filter(decision__isnull=True, informative=False)
        if value == HitStatus.INFORMATIVE:
            return queryset.filter(decision__isnull=True, informative=True)
        return queryset.filter(decision__verdict=value)


class ListVersionFilterSet(FilterSet):
    source = django_filters.ChoiceFilter(choices=WatchlistSource.choices, label=_("List"))
    is_current = django_filters.BooleanFilter(label=_("Current"), widget=YesNoWidget)

    class Meta:
        model = ListVersion
        fields = ["source", "is_current"]


class ListEntryFilterSet(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or RFC"))
    source = django_filters.ChoiceFilter(choices=WatchlistSource.choices, label=_("List"))
    version = django_filters.NumberFilter(field_name="version_id", label=_("Version"))
    current = django_filters.BooleanFilter(
        field_name="version__is_current", label=_("Current version"), widget=YesNoWidget
    )

    class Meta:
        model = ListEntry
        fields = ["q", "source", "version", "current"]

    def search(self, queryset, name, value):
        """Accents and punctuation do not matter: "fenix" finds "FÉNIX, S.A."."""
        value = value.strip()
        normal = normalize_name(value) or value.upper()
        return queryset.filter(
            Q(normalized__icontains=normal)
            | Q(rfcs__icontains=value.upper())
            | Q(names__normalized__icontains=normal)
        ).distinct()
