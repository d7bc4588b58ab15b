from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Library


class _LibraryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.is_active:
            return _("%(library)s (active)") % {"library": obj}
        return str(obj)


def _libraries():
    return Library.objects.select_related("framework").order_by(
        "framework__key", "-effective_date", "-version"
    )


class DiffForm(forms.Form):
    """Pick two versions to compare (a GET form: it only reads)."""

    old = _LibraryChoice(
        queryset=_libraries(),
        to_field_name="urn",
        label=_("Older version"),
        empty_label=_("Choose a version"),
    )
    new = _LibraryChoice(
        queryset=_libraries(),
        to_field_name="urn",
        label=_("Newer version"),
        empty_label=_("Choose a version"),
    )

    def clean(self):
        data = super().clean()
        old, new = data.get("old"), data.get("new")
        if old and new and old.framework_id != new.framework_id:
            raise forms.ValidationError(_("Pick two versions of the same framework."))
        if old and new and old.pk == new.pk:
            raise forms.ValidationError(_("Pick two different versions."))
        return data
