"""Shared pieces of the partner pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors


class PartnerMixin:
    """Views under /partners/<pk>/...: the partner comes through the selector (404 for
    another organization's partner)."""

    partner_kwarg = "pk"

    @cached_property
    def partner(self):
        return selectors.partner_get(membership=self.membership, pk=self.kwargs[self.partner_kwarg])


class ManageFormView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """A form page for compliance officers, rendered with the generic form template."""

    required_perm = Perm.MANAGE_COMPLIANCE
    template_name = "partners/form.html"
    title = ""
    intro = ""
    submit_label = None
    multipart = False

    def get_cancel_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.title,
            intro=self.intro,
            submit_label=self.submit_label,
            multipart=self.multipart,
            cancel_url=self.get_cancel_url(),
        )
        return context


class ServicePostView(OrganizationRequiredMixin, View):
    """A button that calls one service (POST only); errors come back as messages."""

    required_perm = Perm.MANAGE_COMPLIANCE
    http_method_names = ["post"]
    success_message = ""

    def act(self, request):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def redirect_to(self):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            self.act(request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return redirect(self.redirect_to())


def form_data(form, *, drop=("version",)):
    data = dict(form.cleaned_data)
    version = data.pop("version", None)
    for key in drop:
        data.pop(key, None)
    return data, version
