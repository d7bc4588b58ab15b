"""One FilterSet per list, shared by the list page and the API."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, site_filter

from .choices import AvisoKind, AvisoStatus, RequirementKind, RequirementStatus
from .models import AnnualFee, AuthorityRequirement, Aviso

YES_NO = [("", _("Either")), ("true", _("Yes")), ("false", _("No"))]


def overdue_filter():
    return django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=forms.Select(choices=YES_NO)
    )


class AvisoFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=AvisoStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )
    kind = django_filters.ChoiceFilter(
        choices=AvisoKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    site = site_filter(label=_("Facility"))
    overdue = overdue_filter()

    class Meta:
        model = Aviso
        fields = ["status", "kind", "site", "overdue"]

    def filter_overdue(self, queryset, name, value):
        late = {"status": AvisoStatus.DRAFT, "due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class RequirementFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=RequirementStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )
    kind = django_filters.ChoiceFilter(
        choices=RequirementKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    site = site_filter(label=_("Facility"))
    overdue = overdue_filter()

    class Meta:
        model = AuthorityRequirement
        fields = ["status", "kind", "site", "overdue"]

    def filter_overdue(self, queryset, name, value):
        late = {"status": RequirementStatus.OPEN, "deadline__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class FeeFilterSet(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    paid = django_filters.BooleanFilter(
        label=_("Paid"),
        field_name="paid_on",
        lookup_expr="isnull",
        exclude=True,
        widget=forms.Select(choices=YES_NO),
    )
    overdue = overdue_filter()

    class Meta:
        model = AnnualFee
        fields = ["year", "paid", "overdue"]

    def filter_overdue(self, queryset, name, value):
        late = {"paid_on__isnull": True, "due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)
