"""The organization's partner policy: review frequency by risk, reminders, matching."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import services
from ..forms import PolicyForm
from .base import ManageFormView, form_data


class PolicyView(ManageFormView):
    form_class = PolicyForm
    template_name = "partners/policy_form.html"
    title = gettext_lazy("Partner policy")

    def get_initial(self):
        policy = services.policy_for(self.membership.organization)
        names = [f for f in PolicyForm.base_fields if f != "version"]
        initial = {name: getattr(policy, name) for name in names}
        initial["version"] = policy.version if policy.pk else None
        return initial

    def perform(self, form):
        data, version = form_data(form)
        return services.policy_update(actor=self.actor, expected_version=version, **data)

    def success(self, form):
        messages.success(self.request, _("Policy saved. Review dates are being recomputed."))
        return redirect("partners:policy")
