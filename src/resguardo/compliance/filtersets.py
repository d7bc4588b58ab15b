"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


def _sites(request):
    """Sites offered in a filter: only the request's organization's (none without one)."""
    from resguardo.core.models import Site
    from resguardo.core.selectors import site_list

    membership = getattr(request, "membership", None)
    return site_list(membership=membership) if membership else Site.objects.none()


class AssessmentFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices, label=_("Status"))
    framework = django_filters.CharFilter(
        field_name="library__framework__key", label=_("Framework")
    )
    site = django_filters.ModelChoiceFilter(queryset=_sites, label=_("Site"))

    class Meta:
        model = Assessment
        fields = ["q", "status", "framework", "site"]


class ResultFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    result = django_filters.ChoiceFilter(choices=Result.choices, label=_("Result"))
    mine = django_filters.BooleanFilter(method="filter_mine", label=_("Assigned to me"))
    unreviewed = django_filters.BooleanFilter(
        field_name="reviewed_at", lookup_expr="isnull", label=_("Not reviewed")
    )
    assessment = django_filters.NumberFilter(field_name="assessment_id", label=_("Assessment"))

    class Meta:
        model = RequirementResult
        fields = ["q", "result", "mine", "unreviewed", "assessment"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(node__ref_id__istartswith=value)
            | Q(node__title_es__icontains=value)
            | Q(node__title_en__icontains=value)
        )

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return queryset.filter(owner=user) if value and user else queryset


class EvidenceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))
    kind = django_filters.ChoiceFilter(choices=EvidenceKind.choices, label=_("Kind"))
    classification = django_filters.ChoiceFilter(
        choices=Classification.choices, label=_("Classification")
    )
    expiring = django_filters.BooleanFilter(
        method="filter_expiring", label=_("Expiring or expired")
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


class ActionItemFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=ActionKind.choices, label=_("Kind"))
    source = django_filters.ChoiceFilter(choices=ActionSource.choices, label=_("Source"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = ActionItem
        fields = ["q", "status", "kind", "source", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())


class InternalAuditFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AuditStatus.choices, label=_("Status"))

    class Meta:
        model = InternalAudit
        fields = ["status"]


class AuditFindingFilterSet(django_filters.FilterSet):
    severity = django_filters.ChoiceFilter(choices=Severity.choices, label=_("Severity"))
    audit = django_filters.NumberFilter(field_name="audit_id", label=_("Audit"))

    class Meta:
        model = AuditFinding
        fields = ["severity", "audit"]
