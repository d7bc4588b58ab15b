"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.filtersets import FilterSet, site_filter
from resguardo.core.search import name_key, prefix_q
from resguardo.core.widgets import DateInput

from . import selectors
from .choices import (
    AcknowledgedDocument,
    CheckKind,
    CheckStatus,
    PersonKind,
    PersonStatus,
)
from .models import (
    Acknowledgement,
    Attendance,
    BackgroundCheck,
    Course,
    Departure,
    Person,
    Post,
    TrainingSession,
)

DATE = DateInput()


def _posts(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return Post.objects.none()
    return selectors.post_list(membership=membership)


def _courses(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return Course.objects.none()
    return selectors.course_list(membership=membership)


class PersonFilterSet(FilterSet):
    q = django_filters.CharFilter(method="by_name_or_number", label=_("Name or employee number"))
    kind = django_filters.ChoiceFilter(
        choices=PersonKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        choices=PersonStatus.choices, label=_("Status"), empty_label=_("Active and departed")
    )
    post = django_filters.ModelChoiceFilter(queryset=_posts, label=_("Post"))
    site = site_filter()
    sensitive = django_filters.BooleanFilter(
        field_name="post__sensitive",
        label=_("Sensitive post"),
        widget=forms.Select(
            choices=[("", _("All posts")), ("true", _("Sensitive")), ("false", _("Not sensitive"))]
        ),
    )
    cleared = django_filters.BooleanFilter(
        field_name="cleared_on",
        lookup_expr="isnull",
        exclude=True,
        label=_("Background check"),
        widget=forms.Select(
            choices=[("", _("Cleared or not")), ("true", _("Cleared")), ("false", _("Not cleared"))]
        ),
    )

    class Meta:
        model = Person
        fields = ["q", "kind", "status", "post", "site", "sensitive", "cleared"]

    def by_name_or_number(self, queryset, name, value):
        key = name_key(value)
        number = value.strip().upper()
        if not key:
            return queryset
        return queryset.filter(prefix_q("name_key", key) | prefix_q("employee_number", number))


class DepartureFilterSet(FilterSet):
    state = django_filters.ChoiceFilter(
        method="by_state",
        label=_("State"),
        empty_label=_("All departures"),
        choices=[("open", _("Open")), ("late", _("Late")), ("completed", _("Completed"))],
    )
    left_from = django_filters.DateFilter(
        field_name="left_at", lookup_expr="date__gte", label=_("Left from"), widget=DATE
    )
    left_to = django_filters.DateFilter(
        field_name="left_at", lookup_expr="date__lte", label=_("Left until"), widget=DATE
    )

    class Meta:
        model = Departure
        fields = ["state", "left_from", "left_to", "reason"]

    def by_state(self, queryset, name, value):
        if value == "open":
            return queryset.filter(completed_at__isnull=True)
        if value == "completed":
            return queryset.filter(completed_at__isnull=False)
        late = Q(completed_at__gt=F("deadline")) | Q(
            completed_at__isnull=True, deadline__lt=timezone.now()
        )
        return queryset.filter(late)


class CheckFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=CheckStatus.choices, label=_("Status"), empty_label=_("All statuses")
    )
    kind = django_filters.ChoiceFilter(
        choices=CheckKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    person = django_filters.NumberFilter(field_name="person_id", label=_("Person"))

    class Meta:
        model = BackgroundCheck
        fields = ["status", "kind", "person"]


class AcknowledgementFilterSet(FilterSet):
    document = django_filters.ChoiceFilter(
        choices=AcknowledgedDocument.choices, label=_("Document"), empty_label=_("All documents")
    )
    version = django_filters.CharFilter(label=_("Version"))
    person = django_filters.NumberFilter(field_name="person_id", label=_("Person"))

    class Meta:
        model = Acknowledgement
        fields = ["document", "version", "person"]


class SessionFilterSet(FilterSet):
    course = django_filters.ModelChoiceFilter(queryset=_courses, label=_("Course"))
    held_from = django_filters.DateFilter(
        field_name="held_on", lookup_expr="gte", label=_("From"), widget=DATE
    )
    held_to = django_filters.DateFilter(
        field_name="held_on", lookup_expr="lte", label=_("To"), widget=DATE
    )

    class Meta:
        model = TrainingSession
        fields = ["course", "held_from", "held_to"]


class AttendanceFilterSet(FilterSet):
    session = django_filters.NumberFilter(field_name="session_id", label=_("Session"))
    person = django_filters.NumberFilter(field_name="person_id", label=_("Person"))
    course = django_filters.NumberFilter(field_name="course_id", label=_("Course"))

    class Meta:
        model = Attendance
        fields = ["session", "person", "course"]


class MatrixFilterSet(FilterSet):
    """The matrix's rows: the register's filters that make sense for active people."""

    q = PersonFilterSet.base_filters["q"]
    post = django_filters.ModelChoiceFilter(queryset=_posts, label=_("Post"))
    site = site_filter()

    class Meta:
        model = Person
        fields = ["q", "post", "site"]

    by_name_or_number = PersonFilterSet.by_name_or_number
