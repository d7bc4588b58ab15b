"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, site_filter

from .choices import (
    ActionKind,
    ActionSource,
    ActionStatus,
    AssessmentStatus,
    AuditStatus,
    Classification,
    EvidenceKind,
    Result,
    Severity,
)
from .models import ActionItem, Assessment, AuditFinding, Evidence, InternalAudit, RequirementResult
from .selectors.records import overdue_q


def worded_boolean(label, *, both, yes, no=None, **kwargs):
    """A yes/no filter worded for people instead of “Unknown / Yes / No”; the API keeps
    `?name=true|false`."""
    choices = [("", both), ("true", yes)] + ([("false", no)] if no is not None else [])
    return django_filters.BooleanFilter(label=label, widget=forms.Select(choices=choices), **kwargs)


class AssessmentFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    status = django_filters.ChoiceFilter(
        choices=AssessmentStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )
    framework = django_filters.CharFilter(
        field_name="library__framework__key", label=_("Framework")
    )
    site = site_filter(empty_label=_("All sites"))

    class Meta:
        model = Assessment
        fields = ["q", "status", "framework", "site"]


class ResultFilterSet(FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    result = django_filters.ChoiceFilter(
        choices=Result.choices, label=_("Result"), empty_label=_("All results")
    )
    mine = worded_boolean(
        _("Assigned to me"), both=_("Anyone's"), yes=_("Only mine"), method="filter_mine"
    )
    unreviewed = worded_boolean(
        _("Review"),
        both=_("Reviewed or not"),
        yes=_("Not reviewed"),
        no=_("Reviewed"),
        field_name="reviewed_at",
        lookup_expr="isnull",
    )
    assessment = django_filters.NumberFilter(field_name="assessment_id", label=_("Assessment"))
    owner = django_filters.CharFilter(method="filter_owner", label=_("Owner"))

    class Meta:
        model = RequirementResult
        fields = ["q", "result", "mine", "unreviewed", "assessment", "owner"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(node__ref_id__istartswith=value)
            | Q(node__title_es__icontains=value)
            | Q(node__title_en__icontains=value)
        )

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return queryset.filter(owner=user) if value and user else queryset

    def filter_owner(self, queryset, name, value):
        # An id too long for the database matches nobody (never an overflow error).
        if not value.isdigit() or len(value) > 18:
            return queryset.none()
        return queryset.filter(owner_id=int(value))


class EvidenceFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))
    kind = django_filters.ChoiceFilter(
        choices=EvidenceKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    classification = django_filters.ChoiceFilter(
        choices=Classification.choices,
        label=_("Classification"),
        empty_label=_("All classifications"),
    )
    expiring = worded_boolean(
        _("Valid until"),
        both=_("All evidence"),
        yes=_("Only expiring or expired"),
        method="filter_expiring",
    )
    sha256 = django_filters.CharFilter(field_name="revisions__sha256", label=_("SHA-256"))

    class Meta:
        model = Evidence
        fields = ["q", "kind", "classification", "expiring", "sha256"]

    def filter_expiring(self, queryset, name, value):
        from .selectors.records import EXPIRY_WARNING_DAYS

        if not value:
            return queryset
        limit = timezone.localdate() + timezone.timedelta(days=EXPIRY_WARNING_DAYS)
        return queryset.filter(valid_until__lte=limit)


class ActionItemFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))
    status = django_filters.ChoiceFilter(
        choices=ActionStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )
    kind = django_filters.ChoiceFilter(
        choices=ActionKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    source = django_filters.ChoiceFilter(
        choices=ActionSource.choices, label=_("Source"), empty_label=_("All sources")
    )
    overdue = worded_boolean(
        _("Due date"),
        both=_("All actions"),
        yes=_("Only overdue"),
        no=_("Not overdue"),
        method="filter_overdue",
    )
    mine = worded_boolean(_("Owner"), both=_("Anyone's"), yes=_("Only mine"), method="filter_mine")

    class Meta:
        model = ActionItem
        fields = ["q", "status", "kind", "source", "overdue", "mine"]

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return queryset.filter(owner=user) if value and user else queryset

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())


class InternalAuditFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=AuditStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )

    class Meta:
        model = InternalAudit
        fields = ["status"]


class AuditFindingFilterSet(FilterSet):
    severity = django_filters.ChoiceFilter(
        choices=Severity.choices, label=_("Severity"), empty_label=_("All severities")
    )
    audit = django_filters.NumberFilter(field_name="audit_id", label=_("Audit"))

    class Meta:
        model = AuditFinding
        fields = ["severity", "audit"]
