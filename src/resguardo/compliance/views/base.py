"""Helpers shared by the compliance pages."""

from resguardo.core.views.mixins import ServiceFormMixin


def form_initial(instance, fields) -> dict:
    initial = {name: getattr(instance, name) for name in fields}
    initial["version"] = instance.version
    return initial


def changes_from(form, *, drop=("version",)) -> tuple[dict, int | None]:
    data = dict(form.cleaned_data)
    version = data.pop("version", None)
    for name in drop:
        data.pop(name, None)
    return data, version


class ComplianceFormMixin(ServiceFormMixin):
    """Compliance form pages show an edit conflict in their own panel
    (compliance/partials/_conflict.html), in the compliance catalog's words."""

    conflict_panel = True
