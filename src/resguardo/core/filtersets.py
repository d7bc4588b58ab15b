from decimal import Decimal, InvalidOperation

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .audit_text import object_type_choices
from .choices import AuditAction, Role, SiteKind
from .models import AuditEntry, Membership, Site
from .widgets import DateInput

# The largest whole number a database integer column holds (64-bit signed).
DB_INTEGER_MAX = 2**63 - 1
_NUMBER_FIELDS = (
    forms.IntegerField,
    forms.DecimalField,
    forms.FloatField,
    forms.ModelChoiceField,
    forms.ModelMultipleChoiceField,
)


def _out_of_range(value) -> bool:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return False  # not a number: the field itself says so
    return number.is_finite() and abs(number) > DB_INTEGER_MAX


class NumbersInRangeForm(forms.Form):
    """Refuses a whole number no database column holds (`?shipment=99999999999999999999`)
    before any field looks it up: the database driver would fail on it (OverflowError) and the
    page or the API would answer 500 instead of naming the filter."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.out_of_range = set()
        if data is None:
            return
        for name, field in self.fields.items():
            values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
            if isinstance(field, _NUMBER_FIELDS) and any(
                _out_of_range(v) for v in values if v is not None
            ):
                self.out_of_range.add(name)
        if self.out_of_range:
            self.data = data.copy()
            for name in self.out_of_range:
                self.data.pop(name, None)

    def clean(self):
        cleaned = super().clean()
        for name in self.out_of_range:
            self.add_error(name, _("Enter a smaller number."))
        return cleaned


class FilterSet(django_filters.FilterSet):
    """Base of every FilterSet (the list pages and the API share them)."""

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (NumbersInRangeForm, form_class), {})


def active_filter():
    """Active / inactive / both, worded for people (not “Unknown / Yes / No”). The API keeps
    `?is_active=true|false`."""
    choices = [("", _("Active and inactive")), ("true", _("Active")), ("false", _("Inactive"))]
    return django_filters.BooleanFilter(label=_("Status"), widget=forms.Select(choices=choices))


def _member_sites(request, *, recordable: bool):
    from .selectors import recordable_sites, site_list

    membership = getattr(request, "membership", None)
    if membership is None:
        return Site.objects.none()
    if recordable:
        return recordable_sites(membership=membership)
    return site_list(membership=membership)


def site_filter(*, recordable=False, label=None, **kwargs):
    """A list's site filter: only the sites of the request's member (none without one).
    `recordable=True` offers only the active sites they may record at."""
    return django_filters.ModelChoiceFilter(
        queryset=lambda request: _member_sites(request, recordable=recordable),
        label=label or _("Site"),
        **kwargs,
    )


def date_filter(lookup_expr, label):
    """A date the phone and the desktop pick from a calendar; ISO dates in the API."""
    widget = DateInput()
    return django_filters.DateFilter(
        field_name="timestamp", lookup_expr=lookup_expr, label=label, widget=widget
    )


class SiteFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(
        choices=SiteKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    aduana = django_filters.CharFilter(field_name="aduana__code", label=_("Customs office"))
    is_active = active_filter()

    class Meta:
        model = Site
        fields = ["q", "kind", "aduana", "is_active"]


class MemberFilterSet(FilterSet):
    role = django_filters.ChoiceFilter(
        choices=Role.choices, label=_("Role"), empty_label=_("All roles")
    )
    is_active = active_filter()

    class Meta:
        model = Membership
        fields = ["role", "is_active"]


class AuditEntryFilterSet(FilterSet):
    action = django_filters.ChoiceFilter(
        choices=AuditAction.choices, label=_("Action"), empty_label=_("All actions")
    )
    object_type = django_filters.ChoiceFilter(
        choices=object_type_choices, label=_("Object type"), empty_label=_("All object types")
    )
    # Reached from links and the API (not typed by people): hidden in the filter bar.
    verb = django_filters.CharFilter(label=_("Verb"), widget=forms.HiddenInput)
    change = django_filters.UUIDFilter(
        field_name="change_id", label=_("Change"), widget=forms.HiddenInput
    )
    actor = django_filters.CharFilter(
        field_name="actor_label", lookup_expr="icontains", label=_("Actor")
    )
    since = date_filter("date__gte", _("From"))
    until = date_filter("date__lte", _("To"))

    class Meta:
        model = AuditEntry
        fields = ["action", "object_type", "verb", "change", "actor", "since", "until"]
