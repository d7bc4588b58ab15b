"""Pages of the contingency plans and their drills."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..filtersets import PlanFilterSet
from ..forms import DrillForm, PlanForm
from .base import RisksFormView

PLAN_FIELDS = (
    "title",
    "scenario",
    "site",
    "procedure",
    "owner",
    "drill_every_months",
    "next_drill_on",
    "is_active",
)


class PlanListView(FilteredListView):
    template_name = "risks/plan_list.html"
    partial_template_name = "risks/partials/_plan_rows.html"
    filterset_class = PlanFilterSet

    def get_base_queryset(self):
        return selectors.plan_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=timezone.localdate(), can_edit=self.can(Perm.MANAGE_COMPLIANCE), **kwargs
        )


class PlanDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/plan_detail.html"

    def get_context_data(self, **kwargs):
        plan = selectors.plan_get(membership=self.membership, pk=self.kwargs["pk"])
        drills = list(selectors.drill_list(membership=self.membership).filter(plan=plan))
        actions = {}
        for action in selectors.drill_actions(membership=self.membership, drills=drills):
            actions.setdefault(action.source_reference, []).append(action)
        for drill in drills:
            drill.actions = actions.get(selectors.drill_action_reference(drill), [])
        return super().get_context_data(
            plan=plan,
            drills=drills,
            today=timezone.localdate(),
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class PlanCreateView(RisksFormView):
    form_class = PlanForm
    title = gettext_lazy("New contingency plan")

    def get_cancel_url(self):
        return reverse("risks:plan_list")

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "is_active")}
        return services.plan_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Plan saved."))
        return redirect(self.object)


class PlanEditView(PlanCreateView):
    title = gettext_lazy("Edit contingency plan")

    def get_plan(self):
        return selectors.plan_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        plan = self.get_plan()
        contacts = "\n".join(
            " | ".join(part for part in (c.role, c.name, c.phone, c.email))
            for c in plan.contacts.all()
        )
        return {name: getattr(plan, name) for name in PLAN_FIELDS} | {
            "version": plan.version,
            "contacts": contacts,
        }

    def get_cancel_url(self):
        return reverse("risks:plan_detail", args=[self.kwargs["pk"]])

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        if data.get("next_drill_on") is None:
            data.pop("next_drill_on")
        return services.plan_update(
            actor=self.actor, plan=self.get_plan(), expected_version=version, **data
        )


class DrillCreateView(RisksFormView):
    form_class = DrillForm
    title = gettext_lazy("Record a drill")

    def get_plan(self):
        return selectors.plan_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.get_plan(), **kwargs)

    def get_cancel_url(self):
        return reverse("risks:plan_detail", args=[self.kwargs["pk"]])

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.drill_record(actor=self.actor, plan=self.get_plan(), **data)

    def success(self, form):
        messages.success(self.request, _("Drill recorded."))
        return redirect("risks:plan_detail", pk=self.kwargs["pk"])
