"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, active_filter, site_filter

from .choices import RiskStatus, Scenario, Treatment
from .models import CommitteeMeeting, ContingencyPlan, Drill, Policy, RegisterReview, Risk


def _threats(request):
    from .models import ThreatCategory

    membership = getattr(request, "membership", None)
    if membership is None:
        return ThreatCategory.objects.none()
    return ThreatCategory.objects.filter(organization=membership.organization)


class RiskFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_text", label=_("Search"))
    site = site_filter()
    threat = django_filters.ModelChoiceFilter(queryset=_threats, label=_("Threat"))
    status = django_filters.ChoiceFilter(
        choices=RiskStatus.choices, label=_("Status"), empty_label=_("Any status")
    )
    treatment = django_filters.ChoiceFilter(
        choices=Treatment.choices, label=_("Treatment"), empty_label=_("Any treatment")
    )
    min_score = django_filters.NumberFilter(
        method="by_min_score", label=_("Residual score at least")
    )

    class Meta:
        model = Risk
        fields = ["q", "site", "threat", "status", "treatment", "min_score"]

    def by_text(self, queryset, name, value):
        value = value.strip()
        if value.upper().startswith("R-") and value[2:].isdigit():
            return queryset.filter(number=int(value[2:]))
        return queryset.filter(Q(title__icontains=value) | Q(process__icontains=value))

    def by_min_score(self, queryset, name, value):
        from django.db.models import F

        return queryset.alias(score=F("residual_likelihood") * F("residual_impact")).filter(
            score__gte=value
        )


class ReviewFilterSet(FilterSet):
    class Meta:
        model = RegisterReview
        fields = {"reviewed_at": ["gte", "lte"]}


class MeetingFilterSet(FilterSet):
    class Meta:
        model = CommitteeMeeting
        fields = {"held_on": ["gte", "lte"]}


class PolicyFilterSet(FilterSet):
    is_active = active_filter()
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))

    class Meta:
        model = Policy
        fields = ["q", "is_active"]


class PlanFilterSet(FilterSet):
    scenario = django_filters.ChoiceFilter(
        choices=Scenario.choices, label=_("Scenario"), empty_label=_("Any scenario")
    )
    site = site_filter()
    is_active = active_filter()

    class Meta:
        model = ContingencyPlan
        fields = ["scenario", "site", "is_active"]


class DrillFilterSet(FilterSet):
    plan = django_filters.NumberFilter(field_name="plan_id", label=_("Plan"))
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte", label=_("From"))
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte", label=_("To"))

    class Meta:
        model = Drill
        fields = ["plan", "held_from", "held_to"]
