from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from .. import selectors, services
from ..filtersets import MemberFilterSet
from ..forms import InvitationForm, MembershipEditForm
from ..permissions import Perm
from ..tasks import send_invitation_email
from .actions import ServiceActionView
from .lists import FilteredListView
from .mixins import OrganizationRequiredMixin, ServiceFormMixin


class MemberListView(FilteredListView):
    template_name = "core/member_list.html"
    partial_template_name = "core/partials/_member_rows.html"
    filterset_class = MemberFilterSet
    required_perm = Perm.MANAGE_ORGANIZATION

    def get_base_queryset(self):
        return selectors.member_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitations"] = selectors.invitation_list(membership=self.membership)
        return context


class InvitationCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/invitation_form.html"
    required_perm = Perm.MANAGE_ORGANIZATION

    def get_form(self, form_class=None):
        return InvitationForm(
            data=self.request.POST if self.request.method == "POST" else None,
            sites_queryset=selectors.site_list(membership=self.membership),
        )

    def perform(self, form):
        data = form.cleaned_data
        invitation, token = services.invitation_create(
            actor=self.actor,
            email=data["email"],
            role=data["role"],
            sites=list(data["sites"]),
            all_sites=data["all_sites"],
            expires_at=data["expires_at"],
        )
        link = self.request.build_absolute_uri(reverse("accounts:invitation", args=[token]))
        send_invitation_email.enqueue(invitation_id=invitation.pk, link=link)
        return invitation

    def success(self, form):
        messages.success(
            self.request, _("Invitation sent to %(email)s.") % {"email": self.object.email}
        )
        return redirect("core:member_list")


class InvitationRevokeView(ServiceActionView):
    required_perm = Perm.MANAGE_ORGANIZATION
    success_message = gettext_lazy("Invitation revoked.")

    def act(self, request):
        invitation = get_object_or_404(
            selectors.invitation_list(membership=self.membership), pk=self.kwargs["pk"]
        )
        services.invitation_revoke(actor=self.actor, invitation=invitation)

    def redirect_to(self):
        return "core:member_list"


class MembershipEditView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/membership_form.html"
    required_perm = Perm.MANAGE_ORGANIZATION

    def get_target(self):
        if not hasattr(self, "_target"):
            self._target = selectors.member_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._target

    def get_form(self, form_class=None):
        target = self.get_target()
        return MembershipEditForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial={
                "role": target.role,
                "sites": list(target.sites.all()),
                "all_sites": target.all_sites,
                "expires_at": target.expires_at,
                "is_active": target.is_active,
                "version": target.version,
            },
            sites_queryset=selectors.site_list(membership=self.membership),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(target=self.get_target(), **kwargs)

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.membership_update(
            actor=self.actor,
            target=self.get_target(),
            role=data["role"],
            sites=list(data["sites"]),
            all_sites=data["all_sites"],
            expires_at=data["expires_at"],
            is_active=data["is_active"],
            expected_version=data["version"],
        )

    def success(self, form):
        messages.success(self.request, _("Membership saved."))
        return redirect("core:member_list")
