import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import AuditAction, Role, SiteKind
from .models import AuditEntry, Membership, Site


class SiteFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=SiteKind.choices, label=_("Kind"))
    aduana = django_filters.CharFilter(field_name="aduana__code", label=_("Customs office"))

    class Meta:
        model = Site
        fields = ["q", "kind", "aduana", "is_active"]


class MemberFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("Role"))

    class Meta:
        model = Membership
        fields = ["role", "is_active"]


class AuditEntryFilterSet(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, label=_("Action"))
    object_type = django_filters.CharFilter(label=_("Object type"))
    actor = django_filters.CharFilter(
        field_name="actor_label", lookup_expr="icontains", label=_("Actor")
    )
    since = django_filters.DateFilter(
        field_name="timestamp", lookup_expr="date__gte", label=_("From")
    )
    until = django_filters.DateFilter(
        field_name="timestamp", lookup_expr="date__lte", label=_("To")
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "object_type", "actor", "since", "until"]
