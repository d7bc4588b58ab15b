"""One FilterSet per list, shared by the catalog pages and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet

from .choices import Level, Relationship
from .models import Checklist, Framework, Library, Mapping, RequirementNode
from .selectors import node_search


class _YesNoAny(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any" (not Django's "Unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("Any")), ("true", _("Yes")), ("false", _("No")))


_YES_NO = _YesNoAny


class RequirementFilterSet(FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("in Spanish or English")}),
        help_text=_("Words in the reference, title, text or notes, in Spanish or English."),
    )
    framework = django_filters.ModelChoiceFilter(
        field_name="library__framework",
        to_field_name="key",
        queryset=lambda request: Framework.objects.order_by("key"),
        label=_("Framework"),
        empty_label=_("All frameworks"),
    )
    library = django_filters.ModelChoiceFilter(
        field_name="library",
        to_field_name="urn",
        queryset=lambda request: Library.objects.select_related("framework").order_by(
            "framework__key", "-effective_date", "-version"
        ),
        label=_("Version"),
        empty_label=_("Active versions"),
    )
    level = django_filters.ChoiceFilter(
        choices=Level.choices, label=_("Must / Should"), empty_label=_("Any level")
    )
    verified = django_filters.BooleanFilter(label=_("Verified"), widget=_YES_NO)
    assessable = django_filters.BooleanFilter(label=_("Assessable"), widget=_YES_NO)
    parent = django_filters.CharFilter(field_name="parent__urn", label=_("Parent URN"))
    active = django_filters.BooleanFilter(
        field_name="library__is_active", label=_("Active version only"), widget=_YES_NO
    )

    class Meta:
        model = RequirementNode
        fields = ["q", "framework", "library", "level", "verified", "assessable", "parent"]

    def filter_q(self, queryset, name, value):
        return node_search(queryset, value)


class BrowseFilterSet(RequirementFilterSet):
    """The catalog browser's filters: the tree picks the libraries, these pick the nodes."""

    class Meta(RequirementFilterSet.Meta):
        fields = ["q", "framework", "library", "level", "verified"]

    NODE_FILTERS = ("q", "level", "verified")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("assessable", "parent", "active"):
            self.filters.pop(name, None)

    def narrows_nodes(self) -> bool:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return any(data.get(name) not in (None, "") for name in self.NODE_FILTERS)


class MappingFilterSet(FilterSet):
    mapping_set = django_filters.CharFilter(field_name="mapping_set__urn", label=_("Mapping set"))
    source = django_filters.CharFilter(field_name="source__urn", label=_("Source requirement"))
    target = django_filters.CharFilter(field_name="target__urn", label=_("Target requirement"))
    relationship = django_filters.ChoiceFilter(
        choices=Relationship.choices, label=_("Relationship")
    )
    node = django_filters.CharFilter(method="filter_node", label=_("Requirement (either side)"))

    class Meta:
        model = Mapping
        fields = ["mapping_set", "source", "target", "relationship", "node"]

    def filter_node(self, queryset, name, value):
        return queryset.filter(Q(source__urn=value) | Q(target__urn=value))


class ChecklistFilterSet(FilterSet):
    key = django_filters.CharFilter(label=_("Key"))
    checklist_set = django_filters.CharFilter(
        field_name="checklist_set__urn", label=_("Checklist set")
    )

    class Meta:
        model = Checklist
        fields = ["key", "checklist_set"]
