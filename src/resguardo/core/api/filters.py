from django_filters import rest_framework as filters

from ..filtersets import FilterSet


class ApiFilterSet(FilterSet, filters.FilterSet):
    """The base of FilterSets built from a view's `filterset_fields`: the API's defaults
    (true/false booleans) with the project's checks (see core.filtersets.FilterSet)."""


class FilterBackend(filters.DjangoFilterBackend):
    filterset_base = ApiFilterSet
