"""Badges, the denied-persons list and the gate policy."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView

from resguardo.core.actors import Actor
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..choices import BadgeStatus
from ..filtersets import BadgeFilterSet, DeniedPersonFilterSet
from ..forms import (
    BadgeIssueForm,
    BadgeLostForm,
    BadgeRegisterForm,
    DeniedPersonForm,
    GatePolicyForm,
)


class FormPage(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """A form on core's form page; subclasses set title and implement perform/success."""

    template_name = "core/form.html"
    required_perm = Perm.RECORD
    title = ""
    with_membership = False

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.with_membership:
            kwargs["membership"] = self.membership
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)


class BadgeListView(FilteredListView):
    template_name = "facilities/badge_list.html"
    partial_template_name = "facilities/partials/_badge_rows.html"
    filterset_class = BadgeFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.badge_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reconciliation=selectors.badge_reconciliation(membership=self.membership), **kwargs
        )


class BadgeDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "facilities/badge_detail.html"
    context_object_name = "badge"

    def get_object(self, queryset=None):
        return selectors.badge_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        badge = self.object
        can = self.can(Perm.RECORD)
        return super().get_context_data(
            can_issue=can and badge.status == BadgeStatus.AVAILABLE,
            can_return=can and badge.status == BadgeStatus.ISSUED,
            can_lose=can and badge.status in (BadgeStatus.AVAILABLE, BadgeStatus.ISSUED),
            lost_form=BadgeLostForm(),
            visits=badge.visits.select_related("site").order_by("-checked_in_at")[:20],
            **kwargs,
        )


class BadgeRegisterView(FormPage):
    form_class = BadgeRegisterForm
    with_membership = True
    title = gettext_lazy("Register a badge")

    def perform(self, form):
        return services.badge_register(actor=Actor.from_request(self.request), **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Badge %(n)s registered.") % {"n": self.object.number})
        return redirect("facilities:badge_detail", pk=self.object.pk)


class BadgeIssueView(FormPage):
    form_class = BadgeIssueForm
    with_membership = True
    title = gettext_lazy("Issue a badge")

    def get_badge(self):
        return selectors.badge_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        badge = self.get_badge()
        return {"version": badge.version, "expires_on": badge.expires_on}

    def get_context_data(self, **kwargs):
        badge = self.get_badge()
        return super().get_context_data(
            intro=_("Badge %(n)s (%(kind)s)")
            % {"n": badge.number, "kind": badge.get_kind_display()},
            cancel_url=reverse("facilities:badge_detail", args=[badge.pk]),
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.badge_issue(
            actor=Actor.from_request(self.request),
            badge=self.get_badge(),
            expected_version=data.pop("version"),
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("Badge %(n)s issued.") % {"n": self.object.number})
        return redirect("facilities:badge_detail", pk=self.object.pk)


class BadgeActionView(ServiceActionView):
    required_perm = Perm.RECORD
    refusal_as_message = True
    service = None

    def act(self, request):
        badge = selectors.badge_get(membership=self.membership, pk=self.kwargs["pk"])
        self.badge = self.call(Actor.from_request(request), badge, request.POST)

    def redirect_to(self):
        return reverse("facilities:badge_detail", args=[self.kwargs["pk"]])


class BadgeReturnView(BadgeActionView):
    success_message = gettext_lazy("The badge is back and available.")

    def call(self, actor, badge, data):
        return services.badge_return(actor=actor, badge=badge)


class BadgeLostView(BadgeActionView):
    success_message = gettext_lazy("The badge was recorded as lost and deactivated.")

    def call(self, actor, badge, data):
        form = BadgeLostForm(data)
        form.is_valid()
        return services.badge_mark_lost(
            actor=actor, badge=badge, note=form.cleaned_data.get("note", "")
        )


class DeniedListView(FilteredListView):
    template_name = "facilities/denied_list.html"
    partial_template_name = "facilities/partials/_denied_rows.html"
    filterset_class = DeniedPersonFilterSet

    def get_base_queryset(self):
        return selectors.denied_list(membership=self.membership)


class DeniedAddView(FormPage):
    form_class = DeniedPersonForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Add someone to the denied-persons list")
    success_url = reverse_lazy("facilities:denied_list")

    def perform(self, form):
        return services.denied_person_add(
            actor=Actor.from_request(self.request), **form.cleaned_data
        )

    def success(self, form):
        messages.success(self.request, _("%(n)s added to the list.") % {"n": self.object.full_name})
        return redirect("facilities:denied_list")


class DeniedLiftView(ServiceActionView):
    required_perm = Perm.MANAGE_COMPLIANCE
    success_message = gettext_lazy("Lifted from the list.")

    def act(self, request):
        person = selectors.denied_get(membership=self.membership, pk=self.kwargs["pk"])
        services.denied_person_lift(actor=Actor.from_request(request), person=person)

    def redirect_to(self):
        return reverse("facilities:denied_list")


class GatePolicyView(FormPage):
    form_class = GatePolicyForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Gate privacy and retention")

    def get_initial(self):
        policy = selectors.gate_policy(membership=self.membership)
        return {
            "privacy_notice": policy.privacy_notice,
            "id_masking": policy.id_masking,
            "retention_days": policy.retention_days,
            "version": policy.version,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            intro=_(
                "The notice is shown on the check-in form; visits that ended longer ago than "
                "the retention are deleted by the purge command."
            ),
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.gate_policy_save(
            actor=Actor.from_request(self.request), expected_version=data.pop("version"), **data
        )

    def success(self, form):
        messages.success(self.request, _("Gate policy saved."))
        return redirect("facilities:gate_policy")
