"""Forms only parse; the services decide. Field names are the services' argument names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.widgets import DateInput

from .choices import (
    AvisoKind,
    CertificationStatus,
    DocumentKind,
    Modality,
    Program,
    RepresentativeRole,
    RequestType,
    RequirementKind,
)

DATE = DateInput()


def date_field(label, required=True):
    return forms.DateField(label=label, required=required, widget=DATE)


def upload_field(label, required=True):
    return forms.FileField(label=label, required=required)


class CertificationForm(forms.Form):
    site = forms.ModelChoiceField(
        label=_("Facility"),
        queryset=None,
        required=False,
        empty_label=_("Whole organization"),
        help_text=_("Only when the E4 profile is filed per facility."),
    )
    program = forms.ChoiceField(label=_("Program"), choices=Program.choices)
    modality = forms.ChoiceField(label=_("Modality"), choices=Modality.choices)
    resolution_number = forms.CharField(
        label=_("Resolution number (oficio)"), max_length=80, required=False
    )
    granted_on = date_field(_("Granted on"), required=False)
    expires_on = date_field(_("Expires on"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=CertificationStatus.choices)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, sites=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["site"]
        else:
            del self.fields["version"]
            self.fields["site"].queryset = sites


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(k.value, k.label) for k in (DocumentKind.RESOLUTION, DocumentKind.OTHER)],
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    upload = upload_field(_("File"))


class RenewalFileForm(forms.Form):
    filed_on = date_field(_("Filed on"))
    folio = forms.CharField(label=_("Folio"), max_length=80)


class RenewalAcknowledgeForm(forms.Form):
    acknowledged_on = date_field(_("Acuse date"))
    new_expires_on = date_field(_("New expiry"))
    resolution_number = forms.CharField(
        label=_("Resolution number (oficio)"), max_length=80, required=False
    )
    upload = upload_field(_("Acuse"))


class RepresentativeForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    rfc = forms.CharField(label=_("RFC"), max_length=13)
    role = forms.ChoiceField(label=_("Role"), choices=RepresentativeRole.choices)
    appointed_on = date_field(_("Appointed on"), required=False)


class RepresentativeRemoveForm(forms.Form):
    removed_on = date_field(_("Left the role on"))


class PrerequisiteForm(forms.Form):
    is_positive = forms.NullBooleanField(
        label=_("In order"),
        widget=forms.Select(
            choices=[("unknown", _("Not known")), ("true", _("Yes")), ("false", _("No"))]
        ),
        required=False,
    )
    issued_on = date_field(_("Date"), required=False)
    valid_until = date_field(_("Valid until"), required=False)
    reference = forms.CharField(label=_("Reference"), max_length=120, required=False)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    upload = upload_field(_("Document"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FeeForm(forms.Form):
    certification = forms.ModelChoiceField(label=_("Certification"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Amount (MXN)"), max_digits=12, decimal_places=2, required=False, min_value=0
    )
    due_on = date_field(_("Due on"), required=False)

    def __init__(self, *args, certifications=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certification"].queryset = certifications
        self.fields["due_on"].help_text = _("Leave empty: the grant's day and month.")


class FeeEditForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (MXN)"), max_digits=12, decimal_places=2, required=False, min_value=0
    )
    due_on = date_field(_("Due on"))
    payment_reference = forms.CharField(label=_("Payment reference"), max_length=80, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FeePayForm(forms.Form):
    paid_on = date_field(_("Paid on"))
    amount = forms.DecimalField(
        label=_("Amount paid (MXN)"), max_digits=12, decimal_places=2, required=False
    )
    payment_reference = forms.CharField(label=_("Payment reference"), max_length=80, required=False)
    upload = upload_field(_("Receipt"))


class AvisoForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AvisoKind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    site = forms.ModelChoiceField(
        label=_("Facility"), queryset=None, required=False, empty_label=_("Whole organization")
    )
    due_on = date_field(_("File by"), required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)

    def __init__(self, *args, sites=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["owner"].queryset = people


class AvisoFileForm(forms.Form):
    filed_on = date_field(_("Filed on"))
    folio = forms.CharField(label=_("Folio"), max_length=80)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AvisoAcknowledgeForm(forms.Form):
    acknowledged_on = date_field(_("Acuse date"))
    upload = upload_field(_("Acuse"))


class RequirementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RequirementKind.choices)
    reference = forms.CharField(label=_("Reference (oficio)"), max_length=120)
    authority = forms.CharField(label=_("Authority"), max_length=120, required=False)
    site = forms.ModelChoiceField(
        label=_("Facility"), queryset=None, required=False, empty_label=_("Whole organization")
    )
    received_on = date_field(_("Received on"))
    deadline = date_field(_("Deadline"), required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    description = forms.CharField(
        label=_("What is asked or was found"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, sites=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["owner"].queryset = people


class RequirementEditForm(RequirementForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RequirementAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 5}))
    answered_on = date_field(_("Answered on"))
    upload = upload_field(_("Evidence"), required=False)
    close = forms.BooleanField(label=_("The authority is satisfied: close it"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FindingForm(forms.Form):
    description = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(label=_("Action owner"), queryset=None, required=False)
    due_date = date_field(_("Action due"), required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class E4Form(forms.Form):
    site = forms.ModelChoiceField(
        label=_("Facility"), queryset=None, required=False, empty_label=_("Whole organization")
    )
    request_type = forms.ChoiceField(
        label=_("Request type"),
        choices=[("", _("As the record suggests")), *RequestType.choices],
        required=False,
    )

    def __init__(self, *args, sites=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
