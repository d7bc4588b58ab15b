"""Forms only parse; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.forms import VersionedForm
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.widgets import DateInput, DateTimeInput

from . import selectors
from .choices import AcknowledgedDocument, CheckResult, DepartureReason, ItemOutcome, PersonKind

DATE = DateInput()


def _date_field(label, required=True, initial=None):
    return forms.DateField(label=label, required=required, widget=DATE, initial=initial)


class PersonForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=PersonKind.choices)
    employee_number = forms.CharField(label=_("Employee number"), max_length=30)
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    post = forms.ModelChoiceField(label=_("Post"), queryset=None)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    provider = forms.CharField(label=_("Provider (contractors)"), max_length=200, required=False)
    hire_date = _date_field(_("Hire date"))
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    emergency_contact_name = forms.CharField(
        label=_("Emergency contact"), max_length=200, required=False
    )
    emergency_contact_phone = forms.CharField(
        label=_("Emergency contact phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    user = forms.ModelChoiceField(label=_("Resguardo account"), queryset=None, required=False)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = selectors.post_list(membership=membership)
        self.fields["site"].queryset = site_list(membership=membership)
        self.fields["user"].queryset = member_user_list(membership=membership, active_only=False)

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class PhotoForm(forms.Form):
    photo = forms.ImageField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "user"}),
    )
    taken_on = _date_field(_("Taken on"), initial=timezone.localdate)


class DepartureForm(forms.Form):
    left_at = forms.DateTimeField(
        label=_("Left at"),
        widget=DateTimeInput(),
        initial=lambda: timezone.localtime().replace(second=0, microsecond=0),
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=DepartureReason.choices)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ItemResolveForm(VersionedForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(o.value, o.label) for o in ItemOutcome if o != ItemOutcome.PENDING],
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CheckItemForm(VersionedForm):
    result = forms.ChoiceField(label=_("Result"), choices=CheckResult.choices)
    done_on = _date_field(_("Done on"), initial=timezone.localdate)
    evidence = forms.FileField(label=_("Evidence"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CheckRejectForm(forms.Form):
    note = forms.CharField(label=_("Why not cleared"), widget=forms.Textarea(attrs={"rows": 3}))


class AcknowledgementForm(forms.Form):
    document = forms.ChoiceField(label=_("Document"), choices=AcknowledgedDocument.choices)
    version = forms.CharField(label=_("Version"), max_length=40)
    acknowledged_on = _date_field(_("Acknowledged on"), initial=timezone.localdate)
    signed_name = forms.CharField(
        label=_("Signature: the person types their full name"), max_length=200
    )


class PostForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    sensitive = forms.BooleanField(label=_("Sensitive post (re-checked yearly)"), required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    required_checks = forms.ModelMultipleChoiceField(
        label=_("Required background check items"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Required courses (refreshed on each course's interval)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_checks"].queryset = selectors.check_item_type_list(
            membership=membership
        )
        self.fields["courses"].queryset = selectors.course_list(membership=membership)

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        courses = data.pop("courses")
        data["course_rules"] = [(course, None) for course in courses]
        return data


class CheckItemTypeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    evidence_required = forms.BooleanField(
        label=_("Evidence required"), required=False, initial=True
    )
    validity_months = forms.IntegerField(label=_("Valid for (months)"), min_value=1, required=False)


class CourseForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    default_refresh_months = forms.IntegerField(
        label=_("Refresh every (months)"), min_value=1, initial=12
    )


class SessionForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=None)
    held_on = _date_field(_("Held on"), initial=timezone.localdate)
    instructor = forms.CharField(label=_("Instructor"), max_length=200)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.course_list(membership=membership)
        self.fields["site"].queryset = site_list(membership=membership)


class AttendanceForm(forms.Form):
    employee_number = forms.CharField(label=_("Employee number"), max_length=30)
    signed_name = forms.CharField(
        label=_("Signature: the attendee types their full name"), max_length=200
    )
    score = forms.DecimalField(
        label=_("Quiz score (0-100)"), required=False, min_value=0, max_value=100, decimal_places=2
    )
    passed = forms.BooleanField(label=_("Passed"), required=False, initial=True)
    certificate = forms.FileField(label=_("Certificate"), required=False)


class PolicyForm(VersionedForm):
    offboarding_hours = forms.IntegerField(label=_("Hours to complete a departure"), min_value=1)
    recheck_months = forms.IntegerField(
        label=_("Months between re-checks of sensitive posts"), min_value=1
    )
    expiring_days = forms.IntegerField(
        label=_("Days before expiry a course shows as expiring"), min_value=0
    )
    code_of_conduct_version = forms.CharField(
        label=_("Current code of conduct version"), max_length=40, required=False
    )
    confidentiality_version = forms.CharField(
        label=_("Current confidentiality agreement version"), max_length=40, required=False
    )


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=_(
            "First row: column names. Required: employee_number, full_name, post, hire_date."
        ),
    )
