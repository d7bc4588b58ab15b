"""Forms only parse; the services decide. The calendar's filter form is shared by the page
and the API (ObligationListView), as a FilterSet would be for a queryset."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from resguardo.core.forms import VersionedForm
from resguardo.core.modules import registry
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.widgets import DateInput

from .choices import CycleKind, DueStatus, EmailPreference, FeedScope
from .selectors import ObligationFilter

STANDARD_CHOICES = [("", _("All standards"))] + [(str(n), str(n)) for n in range(1, 12)]


def _module_choices():
    labels = dict.fromkeys(label for label, _provider in registry().due_date_providers)
    return [("", _("All modules"))] + [
        (label, apps.get_app_config(label).verbose_name) for label in labels
    ]


class ObligationFilterForm(forms.Form):
    standard = forms.TypedChoiceField(
        label=_("Standard"), choices=STANDARD_CHOICES, coerce=int, empty_value=None, required=False
    )
    site = forms.ModelChoiceField(
        label=_("Site"), queryset=None, required=False, empty_label=_("All sites")
    )
    module = forms.ChoiceField(label=_("Module"), choices=(), required=False)
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Anyone")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open and overdue"))] + DueStatus.choices,
        required=False,
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = site_list(membership=membership)
        self.fields["owner"].queryset = member_user_list(membership=membership)
        self.fields["module"].choices = _module_choices()

    def to_filter(self, **extra) -> ObligationFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return ObligationFilter(
            standard=data.get("standard"),
            site_id=data["site"].pk if data.get("site") else None,
            module=data.get("module") or "",
            owner_id=data["owner"].pk if data.get("owner") else None,
            status=data.get("status") or "",
            mine=bool(data.get("mine")),
            **extra,
        )


class RecurringObligationForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CycleKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the kind's name."),
    )
    standard = forms.TypedChoiceField(
        label=_("Standard"),
        choices=[("", _("The kind's standard"))] + STANDARD_CHOICES[1:],
        coerce=int,
        empty_value=None,
        required=False,
    )
    frequency_months = forms.IntegerField(label=_("Every (months)"), min_value=1, max_value=60)
    first_due_on = forms.DateField(
        label=_("First due on"),
        widget=DateInput(),
        help_text=_("When it is due if it has never been done."),
    )
    last_done_on = forms.DateField(label=_("Last done on"), required=False, widget=DateInput())
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    site = forms.ModelChoiceField(
        label=_("Site"), queryset=None, required=False, empty_label=_("Whole organization")
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = member_user_list(membership=membership)
        self.fields["site"].queryset = site_list(membership=membership)


class RecordDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())


class OffsetsField(forms.CharField):
    """Days before the due date, written "30, 7, 1"."""

    def to_python(self, value):
        text = super().to_python(value)
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        if not parts:
            raise forms.ValidationError(_("Write at least one number of days."))
        try:
            return [int(p) for p in parts]
        except ValueError:
            raise forms.ValidationError(
                _("Write whole numbers of days, separated by commas.")
            ) from None


class ReminderPolicyForm(VersionedForm):
    offsets = OffsetsField(
        label=_("Remind this many days before each due date"),
        help_text=_("Separated by commas, e.g. 30, 7, 1."),
    )
    remind_when_overdue = forms.BooleanField(
        label=_("Remind on the day it becomes overdue"), required=False
    )
    escalate_after_days = forms.IntegerField(
        label=_("Tell the compliance officers when overdue for (days)"),
        min_value=1,
        max_value=365,
    )


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label=_("Send me my notifications by e-mail"),
        choices=EmailPreference.choices,
        widget=forms.RadioSelect,
    )


class FeedForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("The feed lists"), choices=FeedScope.choices, initial=FeedScope.ALL
    )
