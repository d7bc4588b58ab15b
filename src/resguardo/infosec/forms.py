"""Forms only parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.compliance.choices import Classification
from resguardo.core.choices import Role
from resguardo.core.files import EVIDENCE, IMPORT
from resguardo.core.forms import VersionedForm
from resguardo.core.widgets import DateInput, DateTimeInput

from .choices import (
    AccountStatus,
    BackupFrequency,
    CredentialEventKind,
    CredentialKind,
    CyberEventKind,
    CyberEventStatus,
    Decision,
    DisposalMethod,
    MediaKind,
    RestoreResult,
    SystemKind,
)

DATE = DateInput()
DATETIME = DateTimeInput()
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _people(*, label):
    return forms.ModelChoiceField(queryset=None, required=False, label=label)


def _evidence_field():
    return forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("A certificate, report or photo (PDF, image or office document)."),
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE.accept}),
    )


class _WithPeople:
    people_fields: tuple[str, ...] = ()

    def set_people(self, people):
        for name in self.people_fields:
            if name in self.fields:
                self.fields[name].queryset = people


class DocumentTypeForm(_WithPeople, VersionedForm):
    people_fields = ("owner",)
    name = forms.CharField(label=_("Name"), max_length=120)
    classification = forms.ChoiceField(label=_("Classification"), choices=Classification.choices)
    readers = forms.MultipleChoiceField(
        label=_("Who may see it"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Left empty: every role for public and internal types; administrators, "
                    "compliance officers and auditors for confidential ones."),
    )  # fmt: skip
    retention_years = forms.IntegerField(label=_("Retention (years)"), min_value=1, max_value=50)
    retention_basis = forms.CharField(
        label=_("Retention counted from"), max_length=160, required=False
    )
    storage_place = forms.CharField(label=_("Where it is kept"), max_length=160, required=False)
    owner = _people(label=_("Owner"))
    description = forms.CharField(label=_("Description"), required=False, widget=TEXTAREA)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(people)


class DisposalForm(forms.Form):
    performed_on = forms.DateField(label=_("Date"), widget=DATE)
    document_type = forms.ModelChoiceField(queryset=None, required=False, label=_("Document type"))
    description = forms.CharField(label=_("What was destroyed"), max_length=240)
    media = forms.ChoiceField(label=_("Medium"), choices=MediaKind.choices)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, initial=1)
    method = forms.ChoiceField(label=_("Method"), choices=DisposalMethod.choices)
    performed_by = forms.CharField(label=_("Performed by"), max_length=160)
    witness = forms.CharField(label=_("Witness"), max_length=160)
    certificate_number = forms.CharField(
        label=_("Certificate number"), max_length=80, required=False
    )
    evidence = _evidence_field()
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)

    def __init__(self, *args, document_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = document_types


class SystemForm(_WithPeople, VersionedForm):
    people_fields = ("owner",)
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"))
    vendor = forms.CharField(label=_("Vendor or provider"), max_length=160, required=False)
    owner = _people(label=_("Owner"))
    mfa_enforced = forms.BooleanField(label=_("Two-factor sign-in enforced"), required=False)
    backup_frequency = forms.ChoiceField(label=_("Backups"), choices=BackupFrequency.choices)
    backup_arrangement = forms.CharField(
        label=_("Backup arrangement"), required=False, widget=TEXTAREA
    )
    review_interval_months = forms.IntegerField(
        label=_("Access review every (months)"), min_value=1, max_value=12, initial=3
    )
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)

    def __init__(self, *args, people, builtin=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(people)
        if builtin:
            self.fields["kind"].choices = [(SystemKind.RESGUARDO, SystemKind.RESGUARDO.label)]
            del self.fields["is_active"]
            del self.fields["mfa_enforced"]  # the organization's own setting
        else:
            self.fields["kind"].choices = [
                c for c in SystemKind.choices if c[0] != SystemKind.RESGUARDO
            ]


class AccountForm(_WithPeople, VersionedForm):
    people_fields = ("user",)
    account_name = forms.CharField(label=_("Account"), max_length=160)
    person_name = forms.CharField(label=_("Person"), max_length=160, required=False)
    employee_number = forms.CharField(label=_("Employee number"), max_length=40, required=False)
    user = _people(label=_("Resguardo user"))
    privileges = forms.CharField(label=_("Profile or privileges"), max_length=160, required=False)
    mfa_enabled = forms.BooleanField(label=_("Uses two-factor sign-in"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=AccountStatus.choices)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(people)


class AccountImportForm(forms.Form):
    file = forms.FileField(
        label=_("Account list (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": IMPORT.accept}),
    )
    start_review = forms.BooleanField(
        label=_("Open an access review of the imported list"), required=False, initial=True
    )


class RestoreTestForm(forms.Form):
    tested_on = forms.DateField(label=_("Date"), widget=DATE)
    result = forms.ChoiceField(label=_("Result"), choices=RestoreResult.choices)
    scope = forms.CharField(label=_("What was restored"), max_length=240)
    minutes_taken = forms.IntegerField(label=_("Minutes it took"), min_value=0, required=False)
    performed_by = forms.CharField(label=_("Performed by"), max_length=160)
    evidence = _evidence_field()
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)


class ReviewStartForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)


class ReviewDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[c for c in Decision.choices if c[0] != Decision.PENDING]
    )
    note = forms.CharField(label=_("Note"), max_length=240, required=False)


class ReviewSignForm(VersionedForm):
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)


class CredentialForm(_WithPeople, VersionedForm):
    people_fields = ("custodian",)
    kind = forms.ChoiceField(label=_("Kind"), choices=CredentialKind.choices)
    holder = forms.CharField(label=_("Whose credential"), max_length=200)
    holder_rfc = forms.CharField(label=_("RFC"), max_length=13, required=False)
    serial_number = forms.CharField(label=_("Certificate number"), max_length=40)
    custodian = _people(label=_("Custodian"))
    location = forms.CharField(label=_("Where it is kept"), max_length=200)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE)
    expires_on = forms.DateField(label=_("Expires"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)

    def __init__(self, *args, people, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(people)
        if editing:  # the custodian changes by a logged hand-over; the kind never
            del self.fields["kind"]
            del self.fields["custodian"]


class CredentialLogForm(_WithPeople, forms.Form):
    people_fields = ("to_custodian",)
    kind = forms.ChoiceField(label=_("What happened"), choices=CredentialEventKind.choices)
    occurred_at = forms.DateTimeField(label=_("When"), widget=DATETIME, required=False)
    purpose = forms.CharField(label=_("Purpose or detail"), max_length=240)
    to_custodian = _people(label=_("Handed to (hand-over)"))
    location = forms.CharField(
        label=_("New place it is kept (hand-over)"), max_length=200, required=False
    )
    new_expires_on = forms.DateField(label=_("New expiry (renewal)"), required=False, widget=DATE)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(people)


class CyberEventForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CyberEventKind.choices)
    occurred_at = forms.DateTimeField(label=_("When it happened"), widget=DATETIME)
    summary = forms.CharField(label=_("Summary"), max_length=200)
    description = forms.CharField(label=_("What happened"), required=False, widget=TEXTAREA)
    system = forms.ModelChoiceField(queryset=None, required=False, label=_("System"))
    site = forms.ModelChoiceField(queryset=None, required=False, label=_("Site"))
    status = forms.ChoiceField(label=_("Status"), choices=CyberEventStatus.choices)
    actions_taken = forms.CharField(label=_("Actions taken"), required=False, widget=TEXTAREA)

    def __init__(self, *args, systems, sites, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = systems
        self.fields["site"].queryset = sites
        if not editing:  # a new event is open; it closes by an edit
            del self.fields["status"]
