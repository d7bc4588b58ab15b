"""Forms only parse and present; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.files import DOCUMENT
from resguardo.core.forms import VersionedForm
from resguardo.core.widgets import DateInput

from .catalog import selection_catalog
from .choices import (
    AddressKind,
    CertificationProgram,
    CriterionResult,
    CtpatTier,
    DocumentKind,
    FindingSeverity,
    OeaModality,
    PartnerKind,
    PartnerStatus,
    QuestionnaireLanguage,
    ReviewKind,
    ReviewOutcome,
    RiskLevel,
    SelectionOutcome,
    Verdict,
    WatchlistSource,
)

ACCEPT_DOCUMENTS = DOCUMENT.accept


def _date(label, required=False, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        **kwargs,
    )


def _text(label, rows=3, required=False, **kwargs):
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


class PartnerForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Type"), choices=PartnerKind.choices)
    legal_name = forms.CharField(label=_("Legal name"), max_length=250)
    trade_name = forms.CharField(label=_("Trade name"), max_length=250, required=False)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        initial="MX",
        widget=forms.TextInput(
            attrs={"pattern": "[A-Za-z]{2}", "autocapitalize": "characters", "size": 3}
        ),
        help_text=_("Two-letter code: MX, US, CA, CN…"),
    )
    rfc = forms.CharField(
        label=_("RFC"),
        max_length=14,
        required=False,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
        help_text=_(
            "Required for Mexican partners. A foreign partner without a Mexican RFC may carry "
            "the SAT's generic XEXX010101000 with its foreign tax id. A wrong check digit only "
            "warns."
        ),
    )
    tax_id = forms.CharField(
        label=_("Foreign tax id"),
        max_length=40,
        required=False,
        help_text=_("For foreign partners: EIN, VAT number… Required with XEXX010101000."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in PartnerStatus.choices if c[0] != PartnerStatus.BLOCKED],
        initial=PartnerStatus.ACTIVE,
    )
    since = _date(_("Partner since"))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    notes = _text(_("Notes"))

    def for_blocked(self):
        self.fields["status"].choices = [(PartnerStatus.BLOCKED, PartnerStatus.BLOCKED.label)]
        self.fields["status"].disabled = True
        return self


class RiskOverrideForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Risk"),
        choices=[("", _("As computed"))] + list(RiskLevel.choices),
        required=False,
    )
    reason = _text(_("Reason"), help_text=_("Required when you set the risk by hand."))


class AddressForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AddressKind.choices)
    street = forms.CharField(label=_("Street and number"), max_length=250)
    neighborhood = forms.CharField(
        label=_("Neighborhood (colonia)"), max_length=120, required=False
    )
    city = forms.CharField(label=_("City or municipality"), max_length=120)
    state = forms.CharField(label=_("State"), max_length=120, required=False)
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    country = forms.CharField(label=_("Country"), max_length=2, initial="MX")


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=120, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
    )
    is_security_contact = forms.BooleanField(label=_("Security contact"), required=False)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    upload = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_DOCUMENTS}),
    )
    signed_on = _date(_("Signed on"))
    valid_until = _date(_("Valid until"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = _("PDF, JPG, PNG, Word or Excel, up to %(mb)s MB.") % {
            "mb": DOCUMENT.max_bytes() // (1024 * 1024)
        }


def _documents_field(label, partner):
    return forms.ModelChoiceField(
        label=label, queryset=partner.documents.all(), required=False, empty_label=_("(none)")
    )


class CertificationForm(VersionedForm):
    program = forms.ChoiceField(label=_("Program"), choices=CertificationProgram.choices)
    modality = forms.ChoiceField(
        label=_("OEA modality"), choices=[("", "—")] + list(OeaModality.choices), required=False
    )
    ctpat_tier = forms.ChoiceField(
        label=_("C-TPAT tier"), choices=[("", "—")] + list(CtpatTier.choices), required=False
    )
    svi_number = forms.CharField(label=_("SVI number"), max_length=40, required=False)
    country = forms.CharField(
        label=_("Granting country"),
        max_length=2,
        required=False,
        help_text=_("For an AEO of another country."),
    )
    certificate_number = forms.CharField(
        label=_("Certificate or resolution number"), max_length=80, required=False
    )
    issued_on = _date(_("Issued on"))
    valid_until = _date(_("Valid until"))
    last_verified_on = _date(
        _("Status last verified on"),
        help_text=_("When you last checked it with the SAT or in the SVI portal."),
    )
    document = forms.ModelChoiceField(label=_("Certificate copy"), queryset=None, required=False)
    notes = _text(_("Notes"), rows=2)

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"] = _documents_field(_("Certificate copy"), partner)


class SelectionForm(forms.Form):
    """One result and note per criterion of the partner's type, then the decision."""

    outcome = forms.ChoiceField(
        label=_("Decision"), choices=SelectionOutcome.choices, widget=forms.RadioSelect
    )
    conditions = _text(
        _("Conditions and deadline"), help_text=_("Required when approving with conditions.")
    )
    rationale = _text(
        _("Rationale"), help_text=_("Required unless the partner is approved outright.")
    )
    decided_on = _date(_("Decided on"))

    def __init__(self, *args, partner, automatic_results: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = selection_catalog().criteria_for(partner.kind)
        self.automatic_results = automatic_results
        for criterion in self.criteria:
            field = forms.ChoiceField(
                label=criterion.text.get(),
                choices=CriterionResult.choices,
                widget=forms.RadioSelect,
                required=not criterion.automatic,
            )
            if criterion.automatic:
                field.disabled = True
                field.initial = automatic_results.get(criterion.code)
                field.help_text = _("Filled in from the watchlist screening.")
            self.fields[f"c_{criterion.code}"] = field
            self.fields[f"n_{criterion.code}"] = forms.CharField(
                label=_("Note"), required=False, max_length=500
            )
        self.order_fields([f for c in self.criteria for f in (f"c_{c.code}", f"n_{c.code}")])

    def criterion_rows(self):
        return [
            (criterion, self[f"c_{criterion.code}"], self[f"n_{criterion.code}"])
            for criterion in self.criteria
        ]

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            c.code: {"result": data.get(f"c_{c.code}") or "", "note": data.get(f"n_{c.code}", "")}
            for c in self.criteria
        }


class AgreementForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    requirement_codes = forms.MultipleChoiceField(
        label=_("Security requirements"), widget=forms.CheckboxSelectMultiple, required=False
    )
    other_requirements = _text(_("Other requirements"))
    signed_on = _date(_("Signed on"))
    valid_until = _date(_("Valid until"))
    document = forms.ModelChoiceField(label=_("Signed document"), queryset=None, required=False)

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement_codes"].choices = [
            (r.code, r.text.get()) for r in selection_catalog().requirements_for(partner.kind)
        ]
        self.fields["document"] = _documents_field(_("Signed document"), partner)


class QuestionnaireSendForm(forms.Form):
    recipient_name = forms.CharField(label=_("Recipient's name"), max_length=200, required=False)
    recipient_email = forms.EmailField(label=_("Recipient's e-mail"))
    language = forms.ChoiceField(
        label=_("Language of the questionnaire"), choices=QuestionnaireLanguage.choices
    )


class CommentForm(forms.Form):
    comment = _text(_("Comment"))


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ReviewKind.choices, initial=ReviewKind.PERIODIC
    )
    performed_on = _date(_("Performed on"), required=True)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReviewOutcome.choices)
    summary = _text(_("Summary"), rows=4, required=True)
    certification_checked = forms.BooleanField(
        label=_("Certification status checked with the authority"), required=False
    )
    report = forms.ModelChoiceField(label=_("Report"), queryset=None, required=False)

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"] = _documents_field(
            _("Report (upload it to the partner first)"), partner
        )


class FindingForm(forms.Form):
    description = _text(_("Finding"), rows=2)
    severity = forms.ChoiceField(
        label=_("Severity"), choices=FindingSeverity.choices, initial=FindingSeverity.MEDIUM
    )
    action = _text(_("Action required"), rows=2)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_on = _date(_("Due on"))

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users


FindingFormSet = forms.formset_factory(FindingForm, extra=3, max_num=20)


class FindingCloseForm(forms.Form):
    closing_note = _text(_("How it was resolved"), required=True)
    closed_on = _date(_("Closed on"))


class HitDecisionForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Decision"), choices=Verdict.choices, widget=forms.RadioSelect
    )
    reason = _text(
        _("Reason"),
        required=True,
        help_text=_("What you compared: RFC, address, representatives, dates."),
    )


class PolicyForm(VersionedForm):
    review_months_high = forms.IntegerField(
        label=_("High risk: review every (months)"), min_value=1, max_value=36
    )
    review_months_medium = forms.IntegerField(
        label=_("Medium risk: review every (months)"), min_value=1, max_value=36
    )
    review_months_low = forms.IntegerField(
        label=_("Low risk: review every (months)"), min_value=1, max_value=36
    )
    certification_required_kinds = forms.MultipleChoiceField(
        label=_("Partner types that must hold a certification"),
        choices=PartnerKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    certification_warning_days = forms.IntegerField(
        label=_("Warn before a certification expires (days)"), min_value=1, max_value=365
    )
    questionnaire_valid_days = forms.IntegerField(
        label=_("Questionnaire links expire after (days)"), min_value=1, max_value=90
    )
    reminder_interval_days = forms.IntegerField(
        label=_("Remind unanswered questionnaires every (days)"), min_value=1, max_value=30
    )
    max_reminders = forms.IntegerField(label=_("Reminders at most"), min_value=0, max_value=10)
    name_match_threshold = forms.IntegerField(
        label=_("Name similarity that raises a hit"),
        min_value=80,
        max_value=100,
        help_text=_("80 finds more possible matches (more false positives); 100 only exact names."),
    )


class PartnerImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=_("First row: column names. Required: kind, legal_name, and rfc or tax_id."),
    )


class ListUploadForm(forms.Form):
    source = forms.ChoiceField(label=_("List"), choices=WatchlistSource.choices)
    file = forms.FileField(
        label=_("File as published (CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
    )
    alias_file = forms.FileField(
        label=_("OFAC aliases file (alt.csv)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
        help_text=_("Only for OFAC lists."),
    )
