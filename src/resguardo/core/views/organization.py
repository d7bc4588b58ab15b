from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from .. import selectors, services
from ..forms import OrganizationForm, PatenteForm
from ..permissions import Perm
from .actions import ServiceActionView
from .mixins import OrganizationRequiredMixin, ServiceFormMixin


class OrganizationSettingsView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/organization_settings.html"
    required_perm = Perm.MANAGE_ORGANIZATION

    def get_form(self, form_class=None):
        data = self.request.POST if self.request.method == "POST" else None
        return OrganizationForm.for_organization(self.membership.organization, data=data)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["patentes"] = selectors.patente_list(membership=self.membership)
        context["patente_form"] = kwargs.get("patente_form") or PatenteForm()
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.organization_update(actor=self.actor, expected_version=version, **data)

    def success(self, form):
        messages.success(self.request, _("Organization saved."))
        return redirect("core:organization_settings")


class PatenteAddView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/organization_settings.html"
    form_class = PatenteForm
    required_perm = Perm.MANAGE_ORGANIZATION
    http_method_names = ["post"]

    def perform(self, form):
        return services.patente_add(actor=self.actor, **form.cleaned_data)

    def form_invalid(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return redirect("core:organization_settings")

    def success(self, form):
        messages.success(self.request, _("Patente added."))
        return redirect("core:organization_settings")


class PatenteRemoveView(ServiceActionView):
    required_perm = Perm.MANAGE_ORGANIZATION
    success_message = gettext_lazy("Patente removed.")

    def act(self, request):
        patente = get_object_or_404(
            selectors.patente_list(membership=self.membership), pk=self.kwargs["pk"]
        )
        services.patente_remove(actor=self.actor, patente=patente)

    def redirect_to(self):
        return "core:organization_settings"
