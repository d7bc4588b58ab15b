"""The dock inspection form: one row per point with pass/fail toggles, a note and a photo."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.forms import VersionedForm

from ..choices import SupervisorDecision
from .seals import PASS_FAIL, PHOTO, WHEN


class InspectionForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    pedimento = forms.CharField(
        label=_("Pedimento"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Of the shipment the unit will carry, if known."),
    )
    unit_number = forms.CharField(
        label=_("Container or trailer number"),
        help_text=_("The container number, or the trailer's number when it carries none."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    tractor_plates = forms.CharField(label=_("Tractor plates"), max_length=20, required=False)
    trailer_plates = forms.CharField(
        label=_("Trailer plates"),
        max_length=20,
        required=False,
        help_text=_("Required when the inspection covers a trailer or box."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    place = forms.CharField(
        label=_("Place"), max_length=200, help_text=_("Dock or area, for example “Andén 3”.")
    )
    inspected_at = forms.DateTimeField(
        label=_("Inspected at"), required=False, widget=WHEN, help_text=_("Leave empty for now.")
    )
    note = forms.CharField(
        label=_("General note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signed_name = forms.CharField(label=_("Your name as signature"), max_length=200)
    confirm = forms.BooleanField(
        label=_("I inspected every point listed and the results are true."), required=True
    )

    def __init__(self, *args, sites, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        if sites.count() == 1:
            self.fields["site"].initial = sites.first()
        self.points = list(points)
        for point in self.points:
            self.fields[f"p{point.code}"] = forms.TypedChoiceField(
                label=point.title,
                choices=PASS_FAIL,
                coerce=lambda v: v == "True",
                # The service reports unanswered points; the browser stops the post first so
                # the photos already chosen are not lost on the way.
                widget=forms.RadioSelect(attrs={"required": True}),
                required=False,
            )
            self.fields[f"n{point.code}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=1000,
                widget=forms.TextInput(
                    attrs={"placeholder": _("What you found (required if it fails)")}
                ),
            )
            self.fields[f"f{point.code}"] = forms.FileField(
                label=_("Photo"), required=False, widget=PHOTO
            )

    def header_fields(self):
        return [
            self[name]
            for name in (
                "site",
                "pedimento",
                "unit_number",
                "tractor_plates",
                "trailer_plates",
                "place",
                "inspected_at",
            )
        ]

    def point_rows(self):
        for point in self.points:
            yield point, self[f"p{point.code}"], self[f"n{point.code}"], self[f"f{point.code}"]

    def results(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "code": point.code,
                "passed": data.get(f"p{point.code}") if data.get(f"p{point.code}") != "" else None,
                "note": data.get(f"n{point.code}", ""),
                "photo": data.get(f"f{point.code}"),
            }
            for point in self.points
        ]


class ReviewForm(VersionedForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=SupervisorDecision.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to release or reject a held unit."),
    )
    signed_name = forms.CharField(
        label=_("Your name as supervisor's signature"),
        max_length=200,
        required=False,
        help_text=_("Empty: the name of your account."),
    )

    def __init__(self, *args, held: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if held:
            choices = [c for c in SupervisorDecision.choices if c[0] != SupervisorDecision.ACCEPTED]
        else:
            choices = [c for c in SupervisorDecision.choices if c[0] == SupervisorDecision.ACCEPTED]
        self.fields["decision"].choices = choices
        if len(choices) == 1:
            self.fields["decision"].initial = choices[0][0]
