"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.compliance.choices import Classification
from resguardo.core.filtersets import FilterSet
from resguardo.core.widgets import DateInput

from .choices import (
    AccountStatus,
    CredentialEventKind,
    CredentialKind,
    CredentialStatus,
    CyberEventKind,
    CyberEventStatus,
    Decision,
    DisposalMethod,
    MediaKind,
    RestoreResult,
    ReviewStatus,
    SystemKind,
)
from .models import (
    AccessReview,
    AccessReviewItem,
    CredentialEvent,
    CyberEvent,
    DigitalCredential,
    DisposalRecord,
    DocumentType,
    RestoreTest,
    System,
    SystemAccount,
)

DATE = DateInput()
YES_NO = [("", _("Either")), ("true", _("Yes")), ("false", _("No"))]


def _org_systems(request):
    from . import selectors

    membership = getattr(request, "membership", None)
    if membership is None:
        return System.objects.none()
    return selectors.system_list(membership=membership).order_by("name")


def system_filter():
    return django_filters.ModelChoiceFilter(
        queryset=_org_systems, label=_("System"), empty_label=_("All systems")
    )


def _choice(choices, label, empty, field_name=None):
    extra = {"field_name": field_name} if field_name else {}
    return django_filters.ChoiceFilter(choices=choices, label=label, empty_label=empty, **extra)


class DocumentTypeFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    classification = _choice(Classification.choices, _("Classification"), _("All classifications"))

    class Meta:
        model = DocumentType
        fields = ["q", "classification"]


class DisposalFilterSet(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    media = _choice(MediaKind.choices, _("Medium"), _("All media"))
    method = _choice(DisposalMethod.choices, _("Method"), _("All methods"))
    date_from = django_filters.DateFilter(
        field_name="performed_on", lookup_expr="gte", label=_("From"), widget=DATE
    )
    date_to = django_filters.DateFilter(
        field_name="performed_on", lookup_expr="lte", label=_("To"), widget=DATE
    )

    class Meta:
        model = DisposalRecord
        fields = ["q", "media", "method", "date_from", "date_to"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(description__icontains=value)
            | Q(witness__icontains=value)
            | Q(certificate_number__icontains=value)
        )


class SystemFilterSet(FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = _choice(SystemKind.choices, _("Kind"), _("All kinds"))
    mfa_enforced = django_filters.BooleanFilter(
        label=_("Two-factor enforced"), widget=forms.Select(choices=YES_NO)
    )
    is_active = django_filters.BooleanFilter(label=_("In use"), widget=forms.Select(choices=YES_NO))

    class Meta:
        model = System
        fields = ["q", "kind", "mfa_enforced", "is_active"]


class SystemAccountFilterSet(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Account, person or number"))
    system = system_filter()
    status = _choice(AccountStatus.choices, _("Status"), _("All statuses"))
    mfa_enabled = django_filters.BooleanFilter(
        label=_("Uses two-factor"), widget=forms.Select(choices=YES_NO)
    )

    class Meta:
        model = SystemAccount
        fields = ["q", "system", "status", "mfa_enabled"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(account_name__icontains=value)
            | Q(person_name__icontains=value)
            | Q(employee_number__iexact=value)
        )


class AccessReviewFilterSet(FilterSet):
    system = system_filter()
    status = _choice(ReviewStatus.choices, _("Status"), _("All statuses"))

    class Meta:
        model = AccessReview
        fields = ["system", "status"]


class AccessReviewItemFilterSet(FilterSet):
    review = django_filters.NumberFilter(field_name="review_id", label=_("Review"))
    decision = _choice(Decision.choices, _("Decision"), _("All decisions"))

    class Meta:
        model = AccessReviewItem
        fields = ["review", "decision"]


class RestoreTestFilterSet(FilterSet):
    system = system_filter()
    result = _choice(RestoreResult.choices, _("Result"), _("All results"))
    date_from = django_filters.DateFilter(
        field_name="tested_on", lookup_expr="gte", label=_("From"), widget=DATE
    )

    class Meta:
        model = RestoreTest
        fields = ["system", "result", "date_from"]


class CredentialFilterSet(FilterSet):
    kind = _choice(CredentialKind.choices, _("Kind"), _("All kinds"))
    status = _choice(CredentialStatus.choices, _("Status"), _("All statuses"))
    expires_before = django_filters.DateFilter(
        field_name="expires_on", lookup_expr="lte", label=_("Expires by"), widget=DATE
    )

    class Meta:
        model = DigitalCredential
        fields = ["kind", "status", "expires_before"]


class CredentialEventFilterSet(FilterSet):
    credential = django_filters.NumberFilter(field_name="credential_id", label=_("Credential"))
    kind = _choice(CredentialEventKind.choices, _("What happened"), _("Everything"))

    class Meta:
        model = CredentialEvent
        fields = ["credential", "kind"]


class CyberEventFilterSet(FilterSet):
    kind = _choice(CyberEventKind.choices, _("Kind"), _("All kinds"))
    status = _choice(CyberEventStatus.choices, _("Status"), _("All statuses"))
    system = system_filter()

    class Meta:
        model = CyberEvent
        fields = ["kind", "status", "system"]
