"""Forms only parse what the user typed; the services decide whether it is acceptable."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resguardo.core.forms import VersionedForm
from resguardo.core.identifiers import format_pedimento
from resguardo.core.models import Aduana
from resguardo.core.widgets import DateInput, DateTimeInput

from . import importing
from .choices import (
    BadgeHolderKind,
    BadgeStatus,
    CheckResult,
    DocumentCheckItem,
    DocumentKind,
    Operation,
    TransportMode,
)

DATE = DateInput()


class ShipmentForm(VersionedForm):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    pedimento = forms.CharField(
        label=_("Pedimento"),
        max_length=24,
        help_text=_("15 digits: year, customs office, patente, consecutive."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "placeholder": "26 24 3921 6000123",
                "autocomplete": "off",
            }
        ),
    )
    reference = forms.CharField(label=_("Internal reference"), max_length=40, required=False)
    operation = forms.ChoiceField(label=_("Operation"), choices=Operation.choices)
    mode = forms.ChoiceField(label=_("Transport mode"), choices=TransportMode.choices)
    operation_date = forms.DateField(label=_("Operation date"), widget=DATE)
    client_name = forms.CharField(label=_("Client"), max_length=200)
    client_rfc = forms.CharField(label=_("Client RFC"), max_length=20, required=False)
    containers = forms.CharField(
        label=_("Containers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocapitalize": "characters"}),
        help_text=_(
            "One per line, as on the door (ISO 6346). Write “reefer” after the number of a "
            "refrigerated container."
        ),
    )
    carrier_name = forms.CharField(label=_("Carrier"), max_length=200, required=False)
    driver_name = forms.CharField(label=_("Driver"), max_length=200, required=False)
    driver_license = forms.CharField(label=_("Driver's licence"), max_length=40, required=False)
    tractor_plates = forms.CharField(label=_("Tractor plates"), max_length=20, required=False)
    trailer_number = forms.CharField(label=_("Trailer number"), max_length=20, required=False)
    trailer_plates = forms.CharField(label=_("Trailer plates"), max_length=20, required=False)
    document_seal_numbers = forms.CharField(
        label=_("Seal numbers in the documents"),
        required=False,
        help_text=_(
            "As printed on the bill of lading, carta porte or pedimento; separate them "
            "with spaces or commas."
        ),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        if sites.count() == 1:
            self.fields["site"].initial = sites.first()

    @staticmethod
    def initial_for(shipment) -> dict:
        lines = [
            f"{c.number} {c.kind}" if c.kind != "dry" else c.number
            for c in shipment.containers.all()
        ]
        return {
            **{
                name: getattr(shipment, name)
                for name in (
                    "site",
                    "reference",
                    "operation",
                    "mode",
                    "operation_date",
                    "client_name",
                    "client_rfc",
                    "carrier_name",
                    "driver_name",
                    "driver_license",
                    "tractor_plates",
                    "trailer_number",
                    "trailer_plates",
                    "notes",
                    "version",
                )
            },
            "pedimento": format_pedimento(shipment.pedimento),
            "containers": "\n".join(lines),
            "document_seal_numbers": " ".join(shipment.document_seal_numbers or []),
        }

    def clean_containers(self):
        items = []
        for line in self.cleaned_data["containers"].splitlines():
            words = line.split()
            if not words:
                continue
            kind = "dry"
            if len(words) > 1 and importing.container_kind_value(words[-1]):
                kind = importing.container_kind_value(words.pop())
            items.append(("".join(words), kind))
        return items

    def clean_document_seal_numbers(self):
        return importing.split_list(self.cleaned_data["document_seal_numbers"])

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Number or folio"), max_length=80, required=False)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, XML or a photo of the document."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.xml,text/xml,image/*"}),
    )
    notes = forms.CharField(label=_("Notes"), max_length=300, required=False)


class DocumentCheckForm(VersionedForm):
    """One pair of fields (result, note) per verification item."""

    def __init__(self, *args, checks: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        checks = checks or {}
        for item in DocumentCheckItem:
            current = checks.get(item.value)
            self.fields[f"{item.value}__result"] = forms.ChoiceField(
                label=item.label,
                choices=CheckResult.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=current.result if current else None,
            )
            self.fields[f"{item.value}__note"] = forms.CharField(
                label=_("Note"),
                max_length=300,
                required=False,
                initial=current.note if current else "",
            )

    def rows(self):
        for item in DocumentCheckItem:
            yield item, self[f"{item.value}__result"], self[f"{item.value}__note"]

    def answers(self) -> dict:
        return {
            item.value: {
                "result": self.cleaned_data.get(f"{item.value}__result"),
                "note": self.cleaned_data.get(f"{item.value}__note", ""),
            }
            for item in DocumentCheckItem
        }


class TransitionForm(VersionedForm):
    """Transmit or clear: the time it happened (now when empty)."""

    when = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Leave empty for now."),
    )


class CancelForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    site = forms.ModelChoiceField(
        label=_("Site for rows without a site column"),
        queryset=None,
        required=False,
        empty_label=_("None: each row names its site"),
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites


class BadgeForm(VersionedForm):
    holder_name = forms.CharField(label=_("Holder"), max_length=200)
    holder_kind = forms.ChoiceField(label=_("Holder is"), choices=BadgeHolderKind.choices)
    user = forms.ModelChoiceField(label=_("User account"), queryset=None, required=False)
    aduana = forms.ModelChoiceField(
        label=_("Customs office"), queryset=Aduana.objects.filter(is_active=True)
    )
    badge_number = forms.CharField(label=_("Badge number"), max_length=40)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"), choices=BadgeStatus.choices, initial=BadgeStatus.ACTIVE
    )
    notes = forms.CharField(label=_("Notes"), max_length=300, required=False)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
