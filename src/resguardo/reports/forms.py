from django import forms
from django.utils.translation import gettext_lazy as _


class WorkbookImportForm(forms.Form):
    file = forms.FileField(
        label=_("Edited Excel file"),
        help_text=_("The .xlsx file exported from this assessment, with your changes."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file and show what would change (dry run)"),
        required=False,
        initial=True,
    )
