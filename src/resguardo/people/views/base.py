"""Shared pieces of the people pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

PERSONNEL = Perm.MANAGE_COMPLIANCE


class PersonnelMixin(OrganizationRequiredMixin):
    """Personnel pages: administrators and compliance officers only."""

    required_perm = PERSONNEL


class FormPage(PersonnelMixin, ServiceFormMixin, FormView):
    """A form calling one service on core's generic form page."""

    template_name = "core/form.html"
    title = ""
    intro = ""
    submit_label = ""
    success_message = ""
    with_membership = False

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.with_membership:
            kwargs["membership"] = self.membership
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.get_title(),
            intro=self.intro,
            submit_label=self.submit_label,
            cancel_url=self.get_cancel_url(),
        )
        return context

    def get_title(self):
        return self.title

    def get_cancel_url(self):
        return ""

    def success(self, form):
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class ActionButton(PersonnelMixin, ServiceActionView):
    """A POST-only button on a personnel page (the actor comes from the core mixin)."""
