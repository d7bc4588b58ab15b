"""Forms only parse input; the services decide. Querysets come from selectors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.files import EVIDENCE
from resguardo.core.forms import VersionedForm
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.widgets import DateInput
from resguardo.standards.models import Library, RequirementNode

from .choices import ActionKind, ActionStatus, AuditStatus, Classification, Result, Severity

DATE = DateInput()
ACCEPT = EVIDENCE.accept


def member_users(membership):
    return member_user_list(membership=membership).order_by("first_name", "last_name", "email")


def _flag_choices():
    seen = {}
    for library in Library.objects.order_by("framework__key"):
        for flag in library.flags:
            seen.setdefault(flag["key"], f"{flag['label']} ({library.short_name})")
    return list(seen.items())


EMPTY_LABELS = {
    "owner": _("Nobody yet"),
    "lead_auditor": _("Nobody yet"),
    "site": _("Whole organization"),
    "node": _("No particular requirement"),
}


class MembershipForm(forms.Form):
    """A form whose choices are limited to the membership's organization."""

    def __init__(self, *args, membership, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in ("owner", "lead_auditor"):
                field.queryset = member_users(membership)
            elif name in ("site", "sites"):
                field.queryset = site_list(membership=membership)
            # Say what leaving the choice empty means instead of Django's "---------".
            if (
                isinstance(field, forms.ModelChoiceField)
                and not field.required
                and name in EMPTY_LABELS
            ):
                field.empty_label = EMPTY_LABELS[name]


class AssessmentForm(MembershipForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    library = forms.ModelChoiceField(
        label=_("Framework version"),
        queryset=Library.objects.select_related("framework").order_by(
            "framework__key", "-is_active", "-version"
        ),
    )
    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=None,
        required=False,
        empty_label=_("Whole organization"),
    )
    flags = forms.MultipleChoiceField(
        label=_("Applicability"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what applies: criteria for yards or warehouses are added only then."),
    )
    previous = forms.ModelChoiceField(
        label=_("Start from a previous assessment"),
        queryset=None,
        required=False,
        help_text=_("Answers, owners and evidence are copied; reviews start again."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)

    def __init__(self, *args, previous_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["flags"].choices = _flag_choices()
        self.fields["previous"].queryset = previous_queryset
        active = Library.objects.filter(framework__key="neec-aa", is_active=True).first()
        if active is not None:
            self.fields["library"].initial = active.pk


class AssessmentEditForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("draft", _("In progress")), ("in_review", _("In review"))],
    )


class FreezeForm(VersionedForm):
    statement = forms.CharField(
        label=_("Approver's statement"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Optional: what you checked before signing."),
    )
    confirm = forms.BooleanField(
        label=_("I have reviewed this assessment and sign it off. It can no longer be changed."),
    )


class ResultForm(VersionedForm):
    result = forms.ChoiceField(label=_("Result"), choices=Result.choices, widget=forms.RadioSelect)
    score = forms.IntegerField(
        label=_("Score (0–100)"),
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    answer = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("Describe how the requirement is met, covering every explanatory note."),
    )
    justification = forms.CharField(
        label=_("Justification (required when not applicable)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    comments = forms.CharField(
        label=_("Comments"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class AssignForm(MembershipForm, VersionedForm):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)


class BulkAssignForm(MembershipForm):
    owner = forms.ModelChoiceField(label=_("Assign to"), queryset=None)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    results = forms.TypedMultipleChoiceField(coerce=int, required=True, label=_("Requirements"))

    def __init__(self, *args, result_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["results"].choices = result_choices


class EvidenceForm(MembershipForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("file", _("File")), ("link", _("Link"))], initial="file"
    )
    # data-show-if: resguardo.js shows only the field of the chosen kind (without script,
    # both stay visible and the service says which one is missing).
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "data-show-if": "kind:file"}),
        help_text=_("PDF, image, Office document or CSV. Type is checked from the content."),
    )
    url = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"data-show-if": "kind:link"}),
    )
    classification = forms.ChoiceField(
        label=_("Classification"), choices=Classification.choices, initial="internal"
    )
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DATE)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class EvidenceEditForm(MembershipForm, VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    classification = forms.ChoiceField(label=_("Classification"), choices=Classification.choices)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DATE)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RevisionForm(VersionedForm):
    file = forms.FileField(
        label=_("New file"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class LinkEvidenceForm(forms.Form):
    evidence = forms.ModelChoiceField(label=_("Existing evidence"), queryset=None)

    def __init__(self, *args, evidence_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = evidence_queryset


class ActionForm(MembershipForm):
    title = forms.CharField(label=_("What must be done"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)


class ActionEditForm(ActionForm, VersionedForm):
    pass


class ActionProgressForm(VersionedForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (ActionStatus.OPEN, ActionStatus.OPEN.label),
            (ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS.label),
            (ActionStatus.IMPLEMENTED, ActionStatus.IMPLEMENTED.label),
        ],
    )


class ActionVerifyForm(VersionedForm):
    effective = forms.TypedChoiceField(
        label=_("Did the fix work?"),
        choices=[("1", _("Yes, effective: close the action")), ("0", _("No: reopen it"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    verification_note = forms.CharField(
        label=_("How it was checked"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionCancelForm(VersionedForm):
    verification_note = forms.CharField(
        label=_("Why it is cancelled"), widget=forms.Textarea(attrs={"rows": 2})
    )


def scope_node_queryset():
    return (
        RequirementNode.objects.filter(library__framework__key="neec-aa", depth=0)
        .select_related("library")
        .order_by("library_id", "order")
    )


class AuditForm(MembershipForm, VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    planned_date = forms.DateField(label=_("Planned date"), widget=DATE)
    lead_auditor = forms.ModelChoiceField(label=_("Lead auditor"), queryset=None, required=False)
    team = forms.CharField(label=_("Audit team"), max_length=300, required=False)
    objective = forms.CharField(
        label=_("Objective and method"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    scope_nodes = forms.ModelMultipleChoiceField(
        label=_("Standards in scope"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites in scope"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope_nodes"].queryset = scope_node_queryset()


class AuditEditForm(AuditForm):
    status = forms.ChoiceField(label=_("Status"), choices=AuditStatus.choices)
    performed_on = forms.DateField(label=_("Performed on"), required=False, widget=DATE)
    conclusion = forms.CharField(
        label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class FindingForm(MembershipForm, VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    node = forms.ModelChoiceField(
        label=_("Requirement"),
        queryset=RequirementNode.objects.filter(assessable=True, library__is_active=True)
        .select_related("library")
        .order_by("library_id", "order"),
        required=False,
    )
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
