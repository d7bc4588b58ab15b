import operator
from functools import reduce

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, site_filter
from resguardo.core.identifiers import normalize_code
from resguardo.core.models import Aduana, Patente
from resguardo.core.search import name_key, prefix_q

from .choices import BadgeHolderKind, BadgeStatus, Operation, ShipmentStatus, TransportMode
from .models import CustomsBadge, Shipment, ShipmentContainer, ShipmentDocument

SEARCH_LIMIT = 5000


class ShipmentFilterSet(FilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Pedimento, container, reference or start of the client name")
    )
    status = django_filters.ChoiceFilter(choices=ShipmentStatus.choices, label=_("Status"))
    operation = django_filters.ChoiceFilter(choices=Operation.choices, label=_("Operation"))
    mode = django_filters.ChoiceFilter(choices=TransportMode.choices, label=_("Mode"))
    aduana = django_filters.CharFilter(method="by_aduana", label=_("Customs office"))
    site = site_filter(recordable=True)
    date_from = django_filters.DateFilter(
        field_name="operation_date", lookup_expr="gte", label=_("From")
    )
    date_to = django_filters.DateFilter(
        field_name="operation_date", lookup_expr="lte", label=_("To")
    )
    verified = django_filters.BooleanFilter(
        field_name="documents_verified_at",
        lookup_expr="isnull",
        exclude=True,
        label=_("Documents verified"),
    )

    class Meta:
        model = Shipment
        fields = [
            "q",
            "status",
            "operation",
            "mode",
            "aduana",
            "site",
            "date_from",
            "date_to",
            "verified",
        ]

    def by_aduana(self, queryset, name, value):
        # An IN over the catalog lets the database use the (organization, aduana) index.
        return queryset.filter(aduana__in=Aduana.objects.filter(code=value.strip()))

    def search(self, queryset, name, value):
        """Each kind of match runs as its own small indexed query for ids; the page then
        reads those rows. (One query with OR between columns makes the database walk the
        whole date-ordered index instead.)"""
        text = value.strip()
        if not text:
            return queryset
        code = normalize_code(text)
        if code.isdigit():
            terms = [self._pedimento_q(queryset, code), Q(reference=text)]
            matches = [queryset.filter(term) for term in terms]
        else:
            containers = ShipmentContainer.objects.filter(prefix_q("number", code))
            membership = getattr(self.request, "membership", None)
            if membership is not None:
                containers = containers.filter(organization=membership.organization)
            containers = containers.values("shipment_id")
            matches = [
                queryset.filter(reference=text),
                queryset.filter(prefix_q("client_key", name_key(text))),
                queryset.filter(pk__in=containers),
            ]
        ids: set[int] = set()
        for match in matches:
            ids.update(match.order_by().values_list("pk", flat=True)[: SEARCH_LIMIT + 1])
            if len(ids) > SEARCH_LIMIT:  # too broad to list: filter without the shortcut
                return queryset.filter(
                    reduce(operator.or_, (Q(pk__in=m.values("pk")) for m in matches))
                )
        return queryset.filter(pk__in=sorted(ids))

    def _pedimento_q(self, queryset, digits: str) -> Q:
        """15 digits: that pedimento. 7 digits: the consecutive, under any of the
        organization's patentes and customs offices (the pedimentos it can be). Otherwise the
        pedimentos starting with the digits."""
        if len(digits) == 15:
            return Q(pedimento=digits)
        if len(digits) == 7:
            membership = getattr(self.request, "membership", None)
            patentes = (
                Patente.objects.filter(organization=membership.organization).values_list(
                    "number", flat=True
                )
                if membership is not None
                else []
            )
            this_year = timezone.localdate().year
            years = [f"{y % 100:02d}" for y in range(this_year - 19, this_year + 1)
                     if str(y)[-1] == digits[0]]  # fmt: skip
            aduanas = Aduana.objects.values_list("code", flat=True)
            candidates = [f"{y}{a}{p}{digits}" for y in years for a in aduanas for p in patentes]
            return Q(pedimento__in=candidates)
        return prefix_q("pedimento", digits)


class DocumentFilterSet(FilterSet):
    shipment = django_filters.NumberFilter(field_name="shipment_id", label=_("Shipment"))

    class Meta:
        model = ShipmentDocument
        fields = ["shipment", "kind"]


class BadgeFilterSet(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Holder or badge number"))
    status = django_filters.ChoiceFilter(choices=BadgeStatus.choices, label=_("Status"))
    holder_kind = django_filters.ChoiceFilter(choices=BadgeHolderKind.choices, label=_("Holder is"))
    aduana = django_filters.CharFilter(field_name="aduana__code", label=_("Customs office"))
    expires_before = django_filters.DateFilter(
        field_name="expires_on", lookup_expr="lte", label=_("Expires by")
    )

    class Meta:
        model = CustomsBadge
        fields = ["q", "status", "holder_kind", "aduana", "expires_before"]

    def search(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            Q(holder_name__icontains=text) | Q(badge_number__iexact=text.upper())
        )
