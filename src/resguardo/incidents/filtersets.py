"""One FilterSet per list, shared by the pages and the API."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, active_filter, site_filter
from resguardo.core.widgets import DateInput

from .choices import IncidentSource, IncidentStatus, NoticeRecipient, NoticeStatus, Severity
from .models import Category, Evidence, Incident, Notice, ReportingLink


def _categories(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return Category.objects.none()
    return Category.objects.filter(organization=membership.organization)


def _day_start(day) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


DATE = DateInput()


class IncidentFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Search"))
    status = django_filters.ChoiceFilter(choices=IncidentStatus.choices, label=_("Status"))
    severity = django_filters.ChoiceFilter(choices=Severity.choices, label=_("Severity"))
    category = django_filters.ModelChoiceFilter(queryset=_categories, label=_("Category"))
    source = django_filters.ChoiceFilter(choices=IncidentSource.choices, label=_("Source"))
    site = site_filter()
    date_from = django_filters.DateFilter(method="from_date", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(method="to_date", label=_("To"), widget=DATE)

    class Meta:
        model = Incident
        fields = ["q", "status", "severity", "category", "source", "site", "date_from", "date_to"]

    # Local-day bounds keep the (organization, reported) index usable.
    def from_date(self, queryset, name, value):
        return queryset.filter(reported_at__gte=_day_start(value))

    def to_date(self, queryset, name, value):
        return queryset.filter(reported_at__lt=_day_start(value + datetime.timedelta(days=1)))


class NoticeFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(choices=NoticeStatus.choices, label=_("Status"))
    recipient = django_filters.ChoiceFilter(choices=NoticeRecipient.choices, label=_("To whom"))
    overdue = django_filters.BooleanFilter(
        method="by_overdue",
        label=_("Overdue"),
        widget=forms.Select(
            choices=[("", _("Any")), ("true", _("Overdue")), ("false", _("Not overdue"))]
        ),
    )
    incident = django_filters.NumberFilter(field_name="incident_id", label=_("Incident"))

    class Meta:
        model = Notice
        fields = ["status", "recipient", "overdue", "incident"]

    def by_overdue(self, queryset, name, value):
        late = {"status": NoticeStatus.PENDING, "due_at__lt": timezone.now()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class EvidenceFilterSet(FilterSet):
    incident = django_filters.NumberFilter(field_name="incident_id", label=_("Incident"))

    class Meta:
        model = Evidence
        fields = ["incident"]


class CategoryFilterSet(FilterSet):
    is_active = active_filter()

    class Meta:
        model = Category
        fields = ["is_active"]


class ReportingLinkFilterSet(FilterSet):
    site = site_filter()
    is_active = active_filter()

    class Meta:
        model = ReportingLink
        fields = ["site", "is_active"]
