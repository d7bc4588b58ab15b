"""Shared pieces of the partner pages."""

from django.utils.functional import cached_property
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
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


class ServicePostView(ServiceActionView):
    """The partner pages' buttons: for compliance officers, a refusal shown as a message."""

    required_perm = Perm.MANAGE_COMPLIANCE
    refusal_as_message = True


def form_data(form, *, drop=("version",)):
    data = dict(form.cleaned_data)
    version = data.pop("version", None)
    for key in drop:
        data.pop(key, None)
    return data, version
