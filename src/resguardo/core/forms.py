from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import Role, SiteKind
from .models import Aduana, Organization
from .widgets import DateInput


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, on the fields it names where it can
    (anything else goes above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(None, error)


class VersionedForm(forms.Form):
    """Carries the version the user read, so a save over someone else's change is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class OrganizationForm(VersionedForm):
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=60, required=False)
    rfc = forms.CharField(label=_("RFC"), max_length=13)
    require_mfa = forms.BooleanField(
        label=_("Require two-factor authentication for every member"), required=False
    )
    review_by_second_person = forms.BooleanField(
        label=_("Answers are signed off by a second person"),
        help_text=_("The person who last changed an answer cannot also sign it off."),
        required=False,
    )

    @classmethod
    def for_organization(cls, organization: Organization, data=None):
        initial = {
            "legal_name": organization.legal_name,
            "short_name": organization.short_name,
            "rfc": organization.rfc,
            "require_mfa": organization.require_mfa,
            "review_by_second_person": organization.review_by_second_person,
            "version": organization.version,
        }
        return cls(data=data, initial=initial)


class PatenteForm(forms.Form):
    number = forms.CharField(label=_("Patente"), max_length=4, min_length=4)
    holder_name = forms.CharField(label=_("Customs agent"), max_length=200, required=False)
    aduana = forms.ModelChoiceField(
        label=_("Customs office of assignment"), queryset=Aduana.objects.all(), required=False
    )


class SiteForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=SiteKind.choices)
    aduana = forms.ModelChoiceField(
        label=_("Customs office"), queryset=Aduana.objects.filter(is_active=True)
    )
    address = forms.CharField(
        label=_("Address"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class MembershipForm(VersionedForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    sites = forms.ModelMultipleChoiceField(
        label=_("Limited to sites"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Site managers and staff see and record only for the sites ticked here. "
            "Choose at least one, or tick “All sites”."
        ),
    )
    all_sites = forms.BooleanField(
        label=_("All sites"),
        required=False,
        help_text=_(
            "For site managers and staff: every site of the organization, including sites "
            "added later."
        ),
    )
    expires_at = forms.DateField(
        label=_("Access expires"),
        required=False,
        widget=DateInput(),
        help_text=_("Required for auditors."),
    )

    def __init__(self, *args, sites_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = sites_queryset


class MembershipEditForm(MembershipForm):
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class InvitationForm(MembershipForm):
    email = forms.EmailField(label=_("E-mail"))
    # No role is chosen in advance: the first choice would be Administrator, the most powerful.
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])

    field_order = ["email", "role", "sites", "all_sites", "expires_at"]
