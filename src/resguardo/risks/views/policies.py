"""Pages of the security policies: list with coverage, a policy with its versions and who
acknowledged the version in force, new versions, acknowledgement and review buttons."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..forms import PolicyCreateForm, PolicyForm, PolicyVersionForm
from .base import ActorMixin, RisksFormView

POLICY_FIELDS = ("title", "purpose", "owner", "review_months", "document")


class PolicyListView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/policy_list.html"

    def get_context_data(self, **kwargs):
        people = selectors.acknowledging_users(self.membership.organization).count()
        return super().get_context_data(
            policies=selectors.policy_list(membership=self.membership),
            people=people,
            must_acknowledge=selectors.must_acknowledge(self.membership),
            can_approve=self.can(Perm.APPROVE),
            **kwargs,
        )


class PolicyDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/policy_detail.html"

    def get_context_data(self, **kwargs):
        policy = selectors.policy_get(membership=self.membership, pk=self.kwargs["pk"])
        return super().get_context_data(
            policy=policy,
            versions=selectors.policy_versions(policy=policy),
            coverage=selectors.policy_coverage(policy=policy),
            must_acknowledge=selectors.must_acknowledge(self.membership),
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            can_approve=self.can(Perm.APPROVE),
            **kwargs,
        )


class PolicyCreateView(RisksFormView):
    form_class = PolicyCreateForm
    required_perm = Perm.APPROVE
    title = gettext_lazy("New security policy")
    intro = gettext_lazy(
        "Saving approves the first version in your name and asks every member to acknowledge it."
    )

    def get_cancel_url(self):
        return reverse("risks:policy_list")

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.policy_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Policy approved and sent to every member."))
        return redirect(self.object)


class PolicyEditView(RisksFormView):
    form_class = PolicyForm
    title = gettext_lazy("Edit security policy")

    def get_policy(self):
        return selectors.policy_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        policy = self.get_policy()
        return {name: getattr(policy, name) for name in POLICY_FIELDS} | {"version": policy.version}

    def get_cancel_url(self):
        return reverse("risks:policy_detail", args=[self.kwargs["pk"]])

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.policy_update(
            actor=self.actor, policy=self.get_policy(), expected_version=version, **data
        )

    def success(self, form):
        messages.success(self.request, _("Policy saved."))
        return redirect(self.object)


class PolicyVersionCreateView(RisksFormView):
    form_class = PolicyVersionForm
    required_perm = Perm.APPROVE
    scoped_form = False
    title = gettext_lazy("New version of the policy")
    intro = gettext_lazy(
        "The new version is in force once saved; every member is asked to acknowledge it again."
    )

    def get_policy(self):
        return selectors.policy_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        current = self.get_policy().current_version
        return {"body": current.body if current else ""}

    def get_cancel_url(self):
        return reverse("risks:policy_detail", args=[self.kwargs["pk"]])

    def perform(self, form):
        return services.policy_version_publish(
            actor=self.actor, policy=self.get_policy(), **form.cleaned_data
        )

    def success(self, form):
        messages.success(self.request, _("Version %(n)s approved.") % {"n": self.object.number})
        return redirect("risks:policy_detail", pk=self.kwargs["pk"])


class PolicyAcknowledgeView(ActorMixin, ServiceActionView):
    success_message = gettext_lazy("Thank you: your acknowledgement is recorded.")

    def act(self, request):
        policy = selectors.policy_get(membership=self.membership, pk=self.kwargs["pk"])
        services.policy_acknowledge(actor=self.actor, policy=policy)

    def redirect_to(self):
        return reverse("risks:policy_detail", args=[self.kwargs["pk"]])


class PolicyReviewedView(ActorMixin, ServiceActionView):
    required_perm = Perm.APPROVE
    success_message = gettext_lazy("Review recorded; the next one is scheduled.")

    def act(self, request):
        policy = selectors.policy_get(membership=self.membership, pk=self.kwargs["pk"])
        services.policy_mark_reviewed(actor=self.actor, policy=policy)

    def redirect_to(self):
        return reverse("risks:policy_detail", args=[self.kwargs["pk"]])
