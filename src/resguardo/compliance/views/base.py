"""Helpers shared by the compliance pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views import View

from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin


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


class ServiceActionView(OrganizationRequiredMixin, View):
    """A POST-only button that calls one service and goes back with a message.

    GET answers 405. A ValidationError from the service becomes an error message.
    """

    http_method_names = ["post"]

    def act(self, request):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def success_message(self) -> str:
        return ""

    def redirect_to(self):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            self.act(request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if self.success_message():
                messages.success(request, self.success_message())
        return redirect(self.redirect_to())
