"""Forms of the incidents pages. They only parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.files import EVIDENCE, PHOTO
from resguardo.core.forms import VersionedForm
from resguardo.core.widgets import DateInput, DateTimeInput

from .choices import ChecklistItem, NoticeRecipient, PersonRole, Severity
from .compliance_link import ACTION_KINDS

WHEN = DateTimeInput()
DATE = DateInput()


def _text(label, rows=3, required=False, **kwargs):
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos from the phone's camera or gallery; each is checked by the service."""

    def __init__(self, **kwargs):
        attrs = {"accept": PHOTO.accept, "capture": "environment", "multiple": True}
        super().__init__(widget=MultiplePhotoInput(attrs=attrs), required=False, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultiplePhotoField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, empty_label=_("Choose the site"))
    category = forms.ModelChoiceField(
        label=_("What kind of incident"), queryset=None, empty_label=_("Choose the kind")
    )
    description = _text(_("What happened"), rows=5, required=True)
    location = forms.CharField(label=_("Where"), max_length=200, required=False)
    occurred_at = forms.DateTimeField(
        label=_("When"), required=False, widget=WHEN, help_text=_("Leave empty if it is now.")
    )
    people_text = _text(_("People involved"), rows=2, help_text=_("Names, companies, plates."))
    references = _text(
        _("Shipment, seal or container"),
        rows=2,
        help_text=_("Pedimento, seal and container numbers, or links to them."),
    )
    photos = MultiplePhotoField(label=_("Photos"))

    def __init__(self, *args, sites, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["category"].queryset = categories
        if sites.count() == 1:
            self.fields["site"].initial = sites.first()


class AnonymousReportForm(forms.Form):
    description = _text(_("What did you see?"), rows=6)
    location = forms.CharField(label=_("Where"), max_length=200, required=False)
    occurred_at = forms.DateTimeField(label=_("When"), required=False, widget=WHEN)
    photos = MultiplePhotoField(label=_("Photos (optional)"))


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class IncidentEditForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = _text(_("What happened"), rows=5, required=True)
    category = forms.ModelChoiceField(label=_("Category"), queryset=None, empty_label=None)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)
    location = forms.CharField(label=_("Where"), max_length=200, required=False)
    occurred_at = forms.DateTimeField(label=_("When it happened"), required=False, widget=WHEN)
    people_text = _text(_("People involved"), rows=2)
    references = _text(_("Shipment, seal or container references"), rows=2)
    confidential = forms.BooleanField(
        label=_("Confidential: only officers and the people added to the case"), required=False
    )
    root_cause = _text(_("Root cause"))
    lessons_learned = _text(_("Lessons learned"))

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories


class ChecklistForm(forms.Form):
    item = forms.ChoiceField(choices=ChecklistItem.choices, widget=forms.HiddenInput)
    done = forms.BooleanField(required=False, label=_("Gathered"))
    note = forms.CharField(label=_("Where it is kept"), max_length=500, required=False)


class NoteForm(forms.Form):
    text = _text(_("What happened or was done"), required=True)
    at = forms.DateTimeField(label=_("When"), required=False, widget=WHEN)


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    role = forms.ChoiceField(label=_("Role in the case"), choices=PersonRole.choices)
    company = forms.CharField(label=_("Company"), max_length=160, required=False)
    note = _text(_("Note"), rows=2)


class AccessForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Member"), queryset=None, empty_label=_("Choose a member")
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE.accept})
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What must be done"), max_length=200)
    description = _text(_("Details"), rows=2)
    kind = forms.ChoiceField(label=_("Kind"), choices=ACTION_KINDS.choices)
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Nobody yet")
    )
    due_date = forms.DateField(label=_("Due"), required=False, widget=DATE)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users


class CloseForm(VersionedForm):
    root_cause = _text(_("Root cause"), required=True)
    lessons_learned = _text(_("Lessons learned"))
    no_action_reason = _text(
        _("Why no corrective action"),
        rows=2,
        help_text=_("Needed only when no action was raised."),
    )


class ReopenForm(VersionedForm):
    reason = _text(_("Why reopen"), rows=2, required=True)


class NoticeForm(forms.Form):
    recipient = forms.ChoiceField(label=_("To whom"), choices=NoticeRecipient.choices)
    recipient_detail = forms.CharField(label=_("Recipient"), max_length=200, required=False)
    due_at = forms.DateTimeField(label=_("Due"), widget=WHEN)
    note = _text(_("Note"), rows=2)


class NoticeFileForm(VersionedForm):
    filed_at = forms.DateTimeField(
        label=_("Filed"), required=False, widget=WHEN, help_text=_("Leave empty for now.")
    )
    folio = forms.CharField(label=_("Folio"), max_length=80, required=False)
    acuse = forms.CharField(label=_("Acknowledgment (acuse)"), max_length=200, required=False)
    note = _text(_("Note"), rows=2)


class NoticeWaiveForm(VersionedForm):
    reason = _text(_("Why it is not required"), rows=2, required=True)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    default_severity = forms.ChoiceField(label=_("Default severity"), choices=Severity.choices)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class LinkForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, empty_label=_("Choose the site"))

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
