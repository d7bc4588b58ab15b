"""The certification's page building blocks: one form page per service."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.selectors import member_user_list, recordable_sites
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin


class ServiceFormView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """A form whose cleaned data goes to one service; `run(actor, **data)` calls it."""

    template_name = "certification/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    title = ""
    intro = ""
    success_message = ""
    cancel_url_name = "certification:overview"

    def sites(self):
        return recordable_sites(membership=self.membership)

    def people(self):
        return member_user_list(membership=self.membership).order_by("first_name", "email")

    def get_title(self):
        return self.title

    def get_target(self):
        """The record the form acts on, read on every request (another organization's id
        answers 404 before any form is shown). None for forms that create a record."""
        return None

    @property
    def target(self):
        if not hasattr(self, "_target"):
            self._target = self.get_target()
        return self._target

    def get_context_data(self, **kwargs):
        from django.urls import reverse

        self.target  # noqa: B018 - 404 for another organization's record, on GET too
        return super().get_context_data(
            title=self.get_title(),
            intro=self.intro,
            cancel_url=reverse(self.cancel_url_name),
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return self.run(self.actor, **data)

    def run(self, actor, **data):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def success_url(self):
        return self.object.get_absolute_url()

    def success(self, form):
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.success_url())
