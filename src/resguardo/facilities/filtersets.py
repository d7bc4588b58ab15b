import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from resguardo.core.filtersets import FilterSet, site_filter
from resguardo.core.search import name_key, prefix_q
from resguardo.core.widgets import DateInput

from .choices import (
    BadgeKind,
    BadgeStatus,
    ChallengeSubject,
    CheckKind,
    KeyStatus,
    RunStatus,
    VisitorKind,
)
from .models import (
    Badge,
    Camera,
    Challenge,
    CheckRun,
    CheckType,
    DeniedPerson,
    Guard,
    Key,
    Package,
    SiteProfile,
    Visit,
)

DATE = DateInput()


def _day_start(day) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class VisitFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_name", label=_("Name starts with"))
    site = site_filter()
    kind = django_filters.ChoiceFilter(choices=VisitorKind.choices, label=_("Kind"))
    on_site = django_filters.BooleanFilter(
        method="by_presence",
        label=_("Inside now"),
        widget=forms.Select(
            choices=[
                ("", pgettext_lazy("empty filter choice", "All")),
                ("true", _("Yes")),
                ("false", _("No")),
            ]
        ),
    )
    date_from = django_filters.DateFilter(method="from_date", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(method="to_date", label=_("To"), widget=DATE)
    host = django_filters.NumberFilter(field_name="host_id", label=_("Host"))

    class Meta:
        model = Visit
        fields = ["q", "site", "kind", "on_site", "date_from", "date_to", "host"]

    def by_name(self, queryset, name, value):
        key = name_key(value)
        return queryset.filter(prefix_q("name_key", key)) if key else queryset

    def by_presence(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(checked_out_at__isnull=value)

    # Days become local-time bounds so the (organization, time) index serves the range.
    def from_date(self, queryset, name, value):
        return queryset.filter(checked_in_at__gte=_day_start(value))

    def to_date(self, queryset, name, value):
        return queryset.filter(checked_in_at__lt=_day_start(value + datetime.timedelta(days=1)))


class BadgeFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_number", label=_("Badge number"))
    site = site_filter()
    kind = django_filters.ChoiceFilter(choices=BadgeKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=BadgeStatus.choices, label=_("Status"))

    class Meta:
        model = Badge
        fields = ["q", "site", "kind", "status"]

    def by_number(self, queryset, name, value):
        number = "".join(value.split()).upper()
        return queryset.filter(prefix_q("number", number)) if number else queryset


class DeniedPersonFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_name", label=_("Name starts with"))
    is_active = django_filters.BooleanFilter(
        label=_("Status"),
        widget=forms.Select(
            choices=[
                ("", pgettext_lazy("empty filter choice", "All")),
                ("true", _("On the list")),
                ("false", _("Lifted")),
            ]
        ),
    )

    class Meta:
        model = DeniedPerson
        fields = ["q", "is_active"]

    def by_name(self, queryset, name, value):
        key = name_key(value)
        return queryset.filter(prefix_q("name_key", key)) if key else queryset


class CheckRunFilterSet(FilterSet):
    site = site_filter()
    status = django_filters.ChoiceFilter(choices=RunStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(
        field_name="check_type__kind", choices=CheckKind.choices, label=_("Kind")
    )
    check_type = django_filters.NumberFilter(field_name="check_type_id", label=_("Check"))

    class Meta:
        model = CheckRun
        fields = ["site", "status", "kind", "check_type"]


class CheckTypeFilterSet(FilterSet):
    site = site_filter()
    kind = django_filters.ChoiceFilter(choices=CheckKind.choices, label=_("Kind"))

    class Meta:
        model = CheckType
        fields = ["site", "kind", "is_active"]


class CameraFilterSet(FilterSet):
    site = site_filter()

    class Meta:
        model = Camera
        fields = ["site", "is_active", "covers_loaded_vehicles"]


class SiteProfileFilterSet(FilterSet):
    site = site_filter()

    class Meta:
        model = SiteProfile
        fields = ["site", "is_current"]


class KeyFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_number", label=_("Key tag"))
    site = site_filter()
    status = django_filters.ChoiceFilter(choices=KeyStatus.choices, label=_("Status"))

    class Meta:
        model = Key
        fields = ["q", "site", "status"]

    def by_number(self, queryset, name, value):
        number = "".join(value.split()).upper()
        return queryset.filter(prefix_q("number", number)) if number else queryset


class SiteRecordFilterSet(FilterSet):
    """Site and a date range, for challenges and packages."""

    site = site_filter()
    date_from = django_filters.DateFilter(method="from_date", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(method="to_date", label=_("To"), widget=DATE)
    date_field = "occurred_at"

    def from_date(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__gte": _day_start(value)})

    def to_date(self, queryset, name, value):
        next_day = _day_start(value + datetime.timedelta(days=1))
        return queryset.filter(**{f"{self.date_field}__lt": next_day})


class ChallengeFilterSet(SiteRecordFilterSet):
    subject = django_filters.ChoiceFilter(choices=ChallengeSubject.choices, label=_("Who or what"))

    class Meta:
        model = Challenge
        fields = ["site", "subject", "date_from", "date_to"]


class PackageFilterSet(SiteRecordFilterSet):
    date_field = "received_at"

    class Meta:
        model = Package
        fields = ["site", "suspicious", "screened", "date_from", "date_to"]


class GuardFilterSet(FilterSet):
    class Meta:
        model = Guard
        fields = ["employer", "is_active"]
