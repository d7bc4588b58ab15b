"""Forms only parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.selectors import member_user_list, recordable_sites
from resguardo.core.widgets import DateInput, DateTimeInput

from .choices import (
    BadgeKind,
    ChallengeSubject,
    CheckKind,
    GuardEmployer,
    IdMasking,
    IdType,
    VisitorKind,
)

CAMERA = forms.ClearableFileInput(
    attrs={"accept": "image/*", "capture": "user", "data-preview": "photo-preview"}
)


class MemberChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Nobody chosen"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, user):
        return user.get_full_name() or user.email


class SiteChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Choose a site"))
        super().__init__(*args, **kwargs)


class CheckInForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    kind = forms.ChoiceField(choices=VisitorKind.choices, label=_("Kind"))
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    id_type = forms.ChoiceField(choices=IdType.choices, label=_("ID type"))
    id_number = forms.CharField(
        label=_("ID number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    photo = forms.FileField(label=_("Photo"), required=False, widget=CAMERA)
    host = MemberChoiceField(queryset=None, label=_("Host (notified on arrival)"), required=False)
    purpose = forms.CharField(label=_("Purpose of the visit"), max_length=300)
    plates = forms.CharField(
        label=_("Vehicle plates"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
    )
    badge_number = forms.CharField(
        label=_("Badge issued"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
    )
    escort_required = forms.BooleanField(label=_("Escort required"), required=False)
    escort_name = forms.CharField(label=_("Escort"), max_length=200, required=False)
    privacy_notice_shown = forms.BooleanField(
        label=_("The visitor was shown the privacy notice"), required=False
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        sites = recordable_sites(membership=membership).order_by("name")
        self.fields["site"].queryset = sites
        if len(sites) == 1:
            self.fields["site"].initial = sites[0].pk
        self.fields["host"].queryset = member_user_list(membership=membership).order_by(
            "first_name", "last_name"
        )


class CheckOutByBadgeForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    badge_number = forms.CharField(
        label=_("Badge handed back"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = recordable_sites(membership=membership).order_by("name")


class CheckOutForm(forms.Form):
    badge_returned = forms.BooleanField(
        label=_("The badge was handed back"), required=False, initial=True
    )


class GatePolicyForm(forms.Form):
    privacy_notice = forms.CharField(
        label=_("Privacy notice shown at check-in"), required=False, widget=forms.Textarea
    )
    id_masking = forms.ChoiceField(choices=IdMasking.choices, label=_("ID numbers kept"))
    retention_days = forms.IntegerField(
        label=_("Keep visitor records (days)"), min_value=30, max_value=3650
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DeniedPersonForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    id_number = forms.CharField(label=_("ID number"), max_length=40, required=False)
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class BadgeRegisterForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    number = forms.CharField(label=_("Badge number"), max_length=30)
    kind = forms.ChoiceField(choices=BadgeKind.choices, label=_("Kind"))
    expires_on = forms.DateField(label=_("Expires"), required=False, widget=DateInput())

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = recordable_sites(membership=membership).order_by("name")


class BadgeIssueForm(forms.Form):
    holder_user = MemberChoiceField(queryset=None, label=_("Member"), required=False)
    holder_name = forms.CharField(label=_("Holder's name"), max_length=200, required=False)
    employee_number = forms.CharField(label=_("Employee number"), max_length=40, required=False)
    expires_on = forms.DateField(label=_("Expires"), required=False, widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder_user"].queryset = member_user_list(membership=membership).order_by(
            "first_name", "last_name"
        )


class BadgeLostForm(forms.Form):
    note = forms.CharField(label=_("What happened"), max_length=300, required=False)


class SiteProfileForm(forms.ModelForm):
    """Parses the profile fields; the service writes a new version."""

    expected_number = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        from .models import SiteProfile

        model = SiteProfile
        fields = [
            "premises",
            "gates",
            "gate_count",
            "perimeter",
            "has_fence",
            "parking",
            "private_cars_apart",
            "locks_and_keys",
            "lighting",
            "backup_power",
            "alarms_and_cctv",
            "cctv_failure_notice",
            "change_note",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "premises",
                "gates",
                "perimeter",
                "parking",
                "locks_and_keys",
                "lighting",
                "alarms_and_cctv",
            )
        }


class CameraForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    name = forms.CharField(label=_("Camera"), max_length=100)
    location = forms.CharField(label=_("Location"), max_length=200)
    coverage = forms.CharField(label=_("What it covers"), max_length=300, required=False)
    covers_loaded_vehicles = forms.BooleanField(
        label=_("Covers where loaded vehicles are kept"), required=False
    )
    retention_days = forms.IntegerField(label=_("Recordings kept (days)"), min_value=0)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    access = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Who may access"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, membership, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        from resguardo.core.selectors import site_list

        self.fields["site"].queryset = site_list(membership=membership).order_by("name")
        if editing:
            self.fields["site"].disabled = True
        self.fields["access"].queryset = member_user_list(membership=membership).order_by(
            "first_name"
        )
        self.fields["access"].label_from_instance = lambda u: u.get_full_name() or u.email


class CheckTypeForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    kind = forms.ChoiceField(choices=CheckKind.choices, label=_("Kind"))
    name = forms.CharField(label=_("Name"), max_length=120)
    frequency_days = forms.IntegerField(label=_("Every (days)"), min_value=1, initial=1)
    checkpoints = forms.CharField(
        label=_("Checkpoints (one per line, guard rounds)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        from resguardo.core.selectors import site_list

        self.fields["site"].queryset = site_list(membership=membership).order_by("name")

    def clean_checkpoints(self):
        return [line for line in self.cleaned_data["checkpoints"].splitlines() if line.strip()]


DATETIME = DateTimeInput()


class CheckRecordForm(forms.Form):
    passed = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("1", _("Everything in order")), ("0", _("Problem found"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    finding = forms.CharField(
        label=_("What was found"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_security_event = forms.BooleanField(
        label=_("This is a security event (opens an incident)"), required=False
    )
    cameras = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Cameras reviewed"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    review_from = forms.DateTimeField(label=_("Footage from"), required=False, widget=DATETIME)
    review_to = forms.DateTimeField(label=_("Footage to"), required=False, widget=DATETIME)

    def __init__(self, *args, check_type, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.checks import cameras_for

        if check_type.kind == CheckKind.CCTV_REVIEW:
            self.fields["cameras"].queryset = cameras_for(check_type)
        else:
            for name in ("cameras", "review_from", "review_to"):
                del self.fields[name]


class RoundFinishForm(forms.Form):
    finding = forms.CharField(
        label=_("Anything found on the round"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_security_event = forms.BooleanField(
        label=_("This is a security event (opens an incident)"), required=False
    )


def _sites_field(membership, *, recordable=True):
    from resguardo.core.selectors import site_list

    sites = (
        recordable_sites(membership=membership) if recordable else site_list(membership=membership)
    )
    return sites.order_by("name")


class KeyRegisterForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    number = forms.CharField(label=_("Key tag"), max_length=30)
    opens = forms.CharField(label=_("Lock it opens"), max_length=200)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = _sites_field(membership)


class KeyIssueForm(forms.Form):
    holder_user = MemberChoiceField(queryset=None, label=_("Member"), required=False)
    holder_name = forms.CharField(label=_("Holder's name"), max_length=200, required=False)
    employee_number = forms.CharField(label=_("Employee number"), max_length=40, required=False)
    signed_name = forms.CharField(
        label=_("Signature: the holder types their full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "signature"}),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder_user"].queryset = member_user_list(membership=membership).order_by(
            "first_name"
        )


class KeyAuditForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    present_numbers = forms.CharField(
        label=_("Key tags found in the box (one per line or separated by commas)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = _sites_field(membership)

    def clean_present_numbers(self):
        text = self.cleaned_data["present_numbers"].replace(",", "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]


class ChallengeForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    subject = forms.ChoiceField(choices=ChallengeSubject.choices, label=_("Who or what"))
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    plates = forms.CharField(label=_("Vehicle plates"), max_length=20, required=False)
    action_taken = forms.CharField(
        label=_("How they were challenged and removed"), widget=forms.Textarea(attrs={"rows": 3})
    )
    removed = forms.BooleanField(label=_("Removed from the site"), required=False, initial=True)
    authorities_called = forms.BooleanField(label=_("Authorities called"), required=False)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = _sites_field(membership)


class PackageForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    sender = forms.CharField(label=_("Sender"), max_length=200)
    carrier = forms.CharField(label=_("Carrier"), max_length=120, required=False)
    addressee = forms.CharField(label=_("Addressee"), max_length=200)
    screened = forms.BooleanField(label=_("Screened before distribution"), required=False)
    suspicious = forms.BooleanField(label=_("Suspicious (opens an incident)"), required=False)
    signs = forms.CharField(
        label=_("Signs noticed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    procedure_followed = forms.CharField(
        label=_("Procedure followed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = _sites_field(membership)


class GuardForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    employer = forms.ChoiceField(choices=GuardEmployer.choices, label=_("Employer"))
    company = forms.CharField(label=_("Security company"), max_length=200, required=False)
    armed = forms.BooleanField(label=_("Armed"), required=False)
    radio = forms.CharField(label=_("Radio or phone"), max_length=60, required=False)
    sites = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Sites covered"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = _sites_field(membership, recordable=False)


class GuardShiftForm(forms.Form):
    site = SiteChoiceField(queryset=None, label=_("Site"))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = _sites_field(membership, recordable=False)
