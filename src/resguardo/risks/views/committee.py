"""Pages of the security committee: members, meetings with minutes and decisions."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..forms import CommitteeMemberForm, MeetingForm
from .base import RisksFormView

MEMBER_FIELDS = ("name", "user", "department", "committee_role", "email", "phone", "is_active")


class CommitteeView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/committee.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=selectors.committee_member_list(membership=self.membership),
            meetings=selectors.meeting_list(membership=self.membership)[:50],
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class CommitteeMemberCreateView(RisksFormView):
    form_class = CommitteeMemberForm
    title = gettext_lazy("New committee member")

    def get_cancel_url(self):
        return reverse("risks:committee")

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "is_active")}
        return services.committee_member_add(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Committee member saved."))
        return redirect("risks:committee")


class CommitteeMemberEditView(CommitteeMemberCreateView):
    title = gettext_lazy("Edit committee member")

    def get_member(self):
        return selectors.committee_member_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        member = self.get_member()
        return {name: getattr(member, name) for name in MEMBER_FIELDS} | {"version": member.version}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.committee_member_update(
            actor=self.actor, member=self.get_member(), expected_version=version, **data
        )


class MeetingCreateView(RisksFormView):
    form_class = MeetingForm
    title = gettext_lazy("Committee meeting")
    intro = gettext_lazy("Record who attended, the minutes and each decision taken.")

    def get_cancel_url(self):
        return reverse("risks:committee")

    def perform(self, form):
        return services.meeting_record(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Meeting recorded."))
        return redirect(self.object)


class MeetingDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/meeting_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=selectors.meeting_get(membership=self.membership, pk=self.kwargs["pk"]),
            **kwargs,
        )
