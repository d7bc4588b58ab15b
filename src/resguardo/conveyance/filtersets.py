import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, site_filter
from resguardo.core.identifiers import normalize_code
from resguardo.core.search import prefix_q

from .choices import (
    ChecklistKey,
    Checkpoint,
    DiscrepancyKind,
    DiscrepancyStatus,
    InspectionStatus,
    SealEventKind,
    SealStatus,
)
from .models import Inspection, Seal, SealAudit, SealDiscrepancy, SealEvent, SealLot


class SealFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_number", label=_("Seal number"))
    status = django_filters.ChoiceFilter(choices=SealStatus.choices, label=_("Status"))
    site = site_filter(recordable=True)
    lot = django_filters.NumberFilter(field_name="lot_id", label=_("Lot"))
    shipment = django_filters.NumberFilter(field_name="shipment_id", label=_("Shipment"))

    class Meta:
        model = Seal
        fields = ["q", "status", "site", "lot", "shipment"]

    def by_number(self, queryset, name, value):
        number = normalize_code(value)
        return queryset.filter(prefix_q("number", number)) if number else queryset


class SealLotFilterSet(FilterSet):
    site = site_filter(recordable=True)
    manufacturer = django_filters.CharFilter(lookup_expr="icontains", label=_("Manufacturer"))

    class Meta:
        model = SealLot
        fields = ["site", "manufacturer", "iso_class"]


def _day_start(day) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class _DateRange(FilterSet):
    date_from = django_filters.DateFilter(method="from_date", label=_("From"))
    date_to = django_filters.DateFilter(method="to_date", label=_("To"))
    date_field = "occurred_at"

    # Days are turned into local-time bounds so the (organization, time) index serves the
    # range; a __date lookup would compute the date of every row.
    def from_date(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__gte": _day_start(value)})

    def to_date(self, queryset, name, value):
        next_day = value + datetime.timedelta(days=1)
        return queryset.filter(**{f"{self.date_field}__lt": _day_start(next_day)})


class SealEventFilterSet(_DateRange):
    kind = django_filters.ChoiceFilter(choices=SealEventKind.choices, label=_("Event"))
    checkpoint = django_filters.ChoiceFilter(choices=Checkpoint.choices, label=_("Checkpoint"))
    site = site_filter(recordable=True)
    seal = django_filters.NumberFilter(field_name="seal_id", label=_("Seal"))
    shipment = django_filters.NumberFilter(field_name="shipment_id", label=_("Shipment"))

    class Meta:
        model = SealEvent
        fields = ["date_from", "date_to", "kind", "checkpoint", "site", "seal", "shipment"]


class DiscrepancyFilterSet(_DateRange):
    status = django_filters.ChoiceFilter(choices=DiscrepancyStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=DiscrepancyKind.choices, label=_("Kind"))
    site = site_filter(recordable=True)

    class Meta:
        model = SealDiscrepancy
        fields = ["status", "kind", "site", "date_from", "date_to"]


class SealAuditFilterSet(FilterSet):
    site = site_filter(recordable=True)

    class Meta:
        model = SealAudit
        fields = ["site"]


class InspectionFilterSet(_DateRange):
    date_field = "inspected_at"
    q = django_filters.CharFilter(method="by_unit", label=_("Container or trailer"))
    status = django_filters.ChoiceFilter(choices=InspectionStatus.choices, label=_("Status"))
    checklist_key = django_filters.ChoiceFilter(choices=ChecklistKey.choices, label=_("Checklist"))
    site = site_filter(recordable=True)
    awaiting_review = django_filters.BooleanFilter(
        field_name="reviewed_at", lookup_expr="isnull", label=_("Awaiting supervisor")
    )
    shipment = django_filters.NumberFilter(field_name="shipment_id", label=_("Shipment"))

    class Meta:
        model = Inspection
        fields = [
            "q",
            "status",
            "checklist_key",
            "site",
            "awaiting_review",
            "date_from",
            "date_to",
            "shipment",
        ]

    def by_unit(self, queryset, name, value):
        number = normalize_code(value)
        return queryset.filter(prefix_q("unit_number", number)) if number else queryset
