"""Forms only parse input; the services decide. Choices come from selectors."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from resguardo.compliance.selectors import evidence_list
from resguardo.core.forms import VersionedForm
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.widgets import DateInput
from resguardo.standards.models import RequirementNode
from resguardo.standards.selectors import library_active

from . import selectors
from .choices import RiskStatus, Scenario, Treatment
from .services import Contact

DATE = DateInput()
NEEC_FRAMEWORK = "neec-aa"


def _people(membership):
    return member_user_list(membership=membership).order_by("first_name", "last_name", "email")


def _rating(label):
    return forms.IntegerField(
        label=label, min_value=1, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ScopedForm(VersionedForm):
    """Owner, site and people choices limited to the member's organization."""

    def __init__(self, *args, membership, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in ("owner", "user", "participants"):
                field.queryset = _people(membership)
            elif name == "site":
                field.queryset = site_list(membership=membership).filter(is_active=True)
                field.empty_label = _("Whole organization")
            if name in ("owner", "user") and isinstance(field, forms.ModelChoiceField):
                field.empty_label = _("Nobody yet")


class RiskForm(ScopedForm):
    title = forms.CharField(label=_("Risk"), max_length=200)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    process = forms.CharField(
        label=_("Process or place"),
        max_length=200,
        help_text=_("The step of the process map (5.1) or the place where the threat could act."),
    )
    threat = forms.ModelChoiceField(label=_("Threat"), queryset=None)
    vulnerabilities = forms.CharField(
        label=_("Vulnerabilities"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    inherent_likelihood = _rating(_("Inherent likelihood"))
    inherent_impact = _rating(_("Inherent impact"))
    controls = forms.CharField(
        label=_("Controls in place"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    requirements = forms.ModelMultipleChoiceField(
        label=_("Requirements the controls answer"), queryset=None, required=False
    )
    evidence = forms.ModelMultipleChoiceField(
        label=_("Evidence of the controls"), queryset=None, required=False
    )
    residual_likelihood = _rating(_("Residual likelihood"))
    residual_impact = _rating(_("Residual impact"))
    treatment = forms.ChoiceField(label=_("Treatment"), choices=Treatment.choices)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=RiskStatus.choices, initial=RiskStatus.ACTIVE
    )

    def __init__(self, *args, scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["threat"].queryset = selectors.threat_list(membership=self.membership).filter(
            is_active=True
        )
        library = library_active(NEEC_FRAMEWORK)
        self.fields["requirements"].queryset = (
            RequirementNode.objects.filter(library=library, assessable=True).order_by("order")
            if library
            else RequirementNode.objects.none()
        )
        self.fields["evidence"].queryset = evidence_list(membership=self.membership).order_by(
            "title"
        )
        for name in ("inherent_likelihood", "residual_likelihood"):
            self.fields[name].widget.attrs["max"] = scale.likelihood_levels
            self.fields[name].help_text = _("1 to %(top)s") % {"top": scale.likelihood_levels}
        for name in ("inherent_impact", "residual_impact"):
            self.fields[name].widget.attrs["max"] = scale.impact_levels
            self.fields[name].help_text = _("1 to %(top)s") % {"top": scale.impact_levels}


class RiskActionForm(ScopedForm):
    title = forms.CharField(label=_("What must be done"), max_length=200)
    description = forms.CharField(
        label=_("Details"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE, required=False)


class ScaleForm(VersionedForm):
    likelihood_levels = forms.IntegerField(label=_("Likelihood levels"), min_value=2, max_value=10)
    impact_levels = forms.IntegerField(label=_("Impact levels"), min_value=2, max_value=10)
    medium_from = forms.IntegerField(
        label=_("Medium from score (likelihood × impact)"), min_value=1
    )
    high_from = forms.IntegerField(label=_("High from score (likelihood × impact)"), min_value=2)


class ThreatForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)


class ReviewForm(forms.Form):
    statement = forms.CharField(
        label=_("Statement"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What was reviewed, why (yearly review, an incident, a change) and the conclusion."
        ),
    )
    meeting = forms.ModelChoiceField(
        label=_("Committee meeting"),
        queryset=None,
        required=False,
        empty_label=_("Not reviewed in a meeting"),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = selectors.meeting_list(membership=membership)


class CommitteeMemberForm(ScopedForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    user = forms.ModelChoiceField(label=_("Resguardo user"), queryset=None, required=False)
    department = forms.CharField(label=_("Department"), max_length=120)
    committee_role = forms.CharField(label=_("Role in the committee"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendees"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}))
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One decision per line."),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = selectors.committee_member_list(
            membership=membership
        ).filter(is_active=True)

    def clean_decisions(self):
        return lines(self.cleaned_data["decisions"])


class PolicyForm(ScopedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Threats it addresses"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    review_months = forms.IntegerField(label=_("Review every (months)"), min_value=1, initial=12)
    document = forms.ModelChoiceField(
        label=_("Signed document (evidence)"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = evidence_list(membership=self.membership).order_by(
            "title"
        )
        self.fields["document"].empty_label = _("None")


class PolicyCreateForm(PolicyForm):
    body = forms.CharField(label=_("Policy text"), widget=forms.Textarea(attrs={"rows": 10}))


class PolicyVersionForm(forms.Form):
    body = forms.CharField(label=_("Policy text"), widget=forms.Textarea(attrs={"rows": 12}))
    change_summary = forms.CharField(
        label=_("What changed"), widget=forms.Textarea(attrs={"rows": 3})
    )


def parse_contacts(text: str) -> list[Contact]:
    """One contact per line: role | name | phone | e-mail (phone and e-mail optional)."""
    contacts = []
    for n, line in enumerate(lines(text), start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise ValidationError(_("Line %(n)s: write role | name | phone | e-mail.") % {"n": n})
        parts += [""] * (4 - len(parts))
        contacts.append(Contact(role=parts[0], name=parts[1], phone=parts[2], email=parts[3]))
    return contacts


class PlanForm(ScopedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    scenario = forms.ChoiceField(label=_("Scenario"), choices=Scenario.choices)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    procedure = forms.CharField(label=_("What to do"), widget=forms.Textarea(attrs={"rows": 8}))
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    drill_every_months = forms.IntegerField(
        label=_("Drill every (months)"), min_value=1, max_value=12, initial=12
    )
    next_drill_on = forms.DateField(label=_("Next drill due"), widget=DATE, required=False)
    contacts = forms.CharField(
        label=_("Roles and contacts"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("One per line: role | name | phone | e-mail"),
    )
    is_active = forms.BooleanField(label=_("In force"), required=False, initial=True)

    def clean_contacts(self):
        return parse_contacts(self.cleaned_data["contacts"])


class DrillForm(ScopedForm):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    other_participants = forms.CharField(
        label=_("Other participants"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    went_wrong = forms.CharField(
        label=_("What went wrong"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    lessons = forms.CharField(
        label=_("Lessons learned"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    actions = forms.CharField(
        label=_("Actions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "One per line; each becomes an action in the action plan for the plan's owner."
        ),
    )

    def clean_actions(self):
        return lines(self.cleaned_data["actions"])
