"""Shared by the incident pages: the incident a URL names, and the sub-form page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm
from resguardo.core.selectors import member_user_list
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors


def actor_of(view) -> Actor:
    return Actor.from_request(view.request)


def member_users(membership):
    return member_user_list(membership=membership)


class IncidentFormView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """A form about one incident (`pk` in the URL): shown alone on a phone, posted from the
    incident's file page; goes back to the file with a message."""

    template_name = "incidents/form.html"
    required_perm = Perm.RECORD
    title = ""
    success_text = ""

    @property
    def incident(self):
        if not hasattr(self, "_incident"):
            self._incident = selectors.incident_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._incident

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title,
            incident=self.incident,
            cancel_url=self.incident.get_absolute_url(),
            **kwargs,
        )

    def success(self, form):
        if self.success_text:
            messages.success(self.request, str(self.success_text))
        return redirect(self.incident.get_absolute_url())
