"""Forms for the seal log. They only parse; the services decide."""

from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from resguardo.core.forms import VersionedForm
from resguardo.core.widgets import DateInput, DateTimeInput

from ..choices import Checkpoint, RemovalReason, ReplacementReason, SealClass, VoidReason

DATE = DateInput()
WHEN = DateTimeInput()
PHOTO = forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"})
PASS_FAIL = [(True, _("Pass")), (False, _("Fail"))]


def when_field():
    return forms.DateTimeField(
        label=_("When"), required=False, widget=WHEN, help_text=_("Leave empty for now.")
    )


class SealLotForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    manufacturer = forms.CharField(label=_("Manufacturer"), max_length=120)
    iso_class = forms.ChoiceField(
        label=_("ISO 17712 class"), choices=SealClass.choices, initial=SealClass.HIGH_SECURITY
    )
    prefix = forms.CharField(
        label=_("Prefix"),
        max_length=10,
        required=False,
        help_text=_("Letters printed before the number, if any."),
    )
    first_number = forms.IntegerField(
        label=_("First number"),
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    last_number = forms.IntegerField(
        label=_("Last number"),
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    digits = forms.IntegerField(
        label=_("Digits"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("Width of the number with leading zeros (for example 7 for 0001234)."),
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    storage_place = forms.CharField(
        label=_("Storage place"), max_length=200, help_text=_("Where the seals are locked away.")
    )
    certificate = forms.CharField(label=_("ISO 17712 certificate"), max_length=120, required=False)
    purchase_order = forms.CharField(label=_("Purchase order"), max_length=60, required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites


class IssueForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Issued to (member)"), queryset=None, required=False)
    person_name = forms.CharField(
        label=_("Or name of the person"),
        max_length=200,
        required=False,
        help_text=_("For a driver or someone without an account."),
    )
    occurred_at = when_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class IssueRangeForm(IssueForm):
    first = forms.CharField(label=_("First seal number"), max_length=30)
    last = forms.CharField(label=_("Last seal number"), max_length=30)

    field_order = ["first", "last", "person", "person_name", "occurred_at", "note"]


class ApplyForm(VersionedForm):
    pedimento = forms.CharField(
        label=_("Pedimento"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    unit = forms.CharField(
        label=_("Container number"),
        max_length=20,
        required=False,
        help_text=_("Leave empty to seal the trailer of the shipment."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
    )
    photo = forms.FileField(label=_("Photo of the seal on the unit"), widget=PHOTO)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    occurred_at = when_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class VerifyForm(VersionedForm):
    checkpoint = forms.ChoiceField(
        label=_("Checkpoint"), choices=BLANK_CHOICE_DASH + Checkpoint.choices
    )
    number_read = forms.CharField(
        label=_("Number read on the seal"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    view_ok = forms.TypedChoiceField(
        label=_("View: seal and locking hardware intact, no signs of tampering"),
        choices=PASS_FAIL,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    verify_ok = forms.TypedChoiceField(
        label=_("Verify: the number matches the shipping documents"),
        choices=PASS_FAIL,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    tug_ok = forms.TypedChoiceField(
        label=_("Tug: the seal holds when pulled"),
        choices=PASS_FAIL,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    twist_ok = forms.TypedChoiceField(
        label=_("Twist: the seal does not turn or unscrew"),
        choices=PASS_FAIL,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    photo = forms.FileField(label=_("Photo"), required=False, widget=PHOTO)
    occurred_at = when_field()
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when a step fails."),
    )

    VVTT = ("view_ok", "verify_ok", "tug_ok", "twist_ok")


class RemoveForm(VersionedForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=BLANK_CHOICE_DASH + RemovalReason.choices)
    person_name = forms.CharField(label=_("Removed by"), max_length=200, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    photo = forms.FileField(label=_("Photo"), required=False, widget=PHOTO)
    occurred_at = when_field()
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(VersionedForm):
    occurred_at = when_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class VoidForm(VersionedForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=BLANK_CHOICE_DASH + VoidReason.choices)
    occurred_at = when_field()
    note = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 2}))


class DestroyForm(forms.Form):
    witness = forms.ModelChoiceField(
        label=_("Witness"),
        queryset=None,
        required=False,
        help_text=_("Another member of the organization who saw the seal destroyed."),
    )
    occurred_at = when_field()
    note = forms.CharField(
        label=_("How the seal was destroyed"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["witness"].queryset = people


class ReplaceForm(VersionedForm):
    new_seal = forms.CharField(
        label=_("Number of the replacement seal"),
        max_length=30,
        help_text=_("A class H seal issued to you; it goes on the same unit."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    reason = forms.ChoiceField(
        label=_("Reason"), choices=BLANK_CHOICE_DASH + ReplacementReason.choices
    )
    photo = forms.FileField(label=_("Photo of the new seal on the unit"), widget=PHOTO)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    occurred_at = when_field()
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the reason is “Other”."),
    )


class CustomsRecognitionForm(VersionedForm):
    act_number = forms.CharField(
        label=_("Number of the act or document of the reconocimiento"), max_length=60
    )
    customs_seal_number = forms.CharField(
        label=_("Number of the seal customs placed"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    occurred_at = forms.DateTimeField(
        label=_("Date and time of the reconocimiento"),
        required=False,
        widget=WHEN,
        help_text=_("Leave empty for now."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    photo = forms.FileField(
        label=_("Photo of the customs seal on the unit"), required=False, widget=PHOTO
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DiscrepancyCloseForm(VersionedForm):
    resolution = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 3}))


class SealAuditForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    counted_numbers = forms.CharField(
        label=_("Seal numbers counted in the storage place"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "autocapitalize": "characters"}),
        help_text=_("One per line, or separated by spaces or commas (a barcode scanner works)."),
    )
    period_start = forms.DateField(
        label=_("Reconcile shipment documents since"),
        widget=DATE,
        required=False,
        help_text=_("Default: 90 days ago."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
