from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..access import can_manage, can_progress_action
from ..filtersets import ActionItemFilterSet
from ..forms import (
    ActionCancelForm,
    ActionEditForm,
    ActionForm,
    ActionProgressForm,
    ActionVerifyForm,
)
from .base import ComplianceFormMixin, changes_from, form_initial


class ActionListView(FilteredListView):
    template_name = "compliance/action_list.html"
    partial_template_name = "compliance/partials/_action_rows.html"
    filterset_class = ActionItemFilterSet

    def get_base_queryset(self):
        return selectors.action_item_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        from django.utils import timezone

        return super().get_context_data(
            can_manage=can_manage(self.membership), today=timezone.localdate(), **kwargs
        )


class ActionCreateView(OrganizationRequiredMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        return ActionForm(
            data=self.request.POST if self.request.method == "POST" else None,
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New action"), cancel_url="compliance:action_list", **kwargs
        )

    def perform(self, form):
        return services.action_item_create(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Action created."))
        return redirect(self.object.get_absolute_url())


class ActionMixin(OrganizationRequiredMixin):
    def get_action(self):
        if not hasattr(self, "_action"):
            self._action = selectors.action_item_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._action


class ActionDetailView(ActionMixin, DetailView):
    template_name = "compliance/action_detail.html"
    context_object_name = "action"

    def get_object(self, queryset=None):
        return self.get_action()

    def get_context_data(self, **kwargs):
        action = self.get_action()
        initial = {"version": action.version}
        manage = can_manage(self.membership)
        return super().get_context_data(
            can_manage=manage,
            progress_form=ActionProgressForm(initial={**initial, "status": action.status})
            if can_progress_action(self.membership, action)
            else None,
            verify_form=ActionVerifyForm(initial=initial) if manage else None,
            cancel_form=ActionCancelForm(initial=initial) if manage else None,
            **kwargs,
        )


class ActionUpdateView(ActionMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    fields = ("title", "kind", "description", "owner", "due_date", "site")

    def get_form(self, form_class=None):
        return ActionEditForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial=form_initial(self.get_action(), self.fields),
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit action"), cancel_object=self.get_action(), **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        return services.action_item_update(
            actor=self.actor, action=self.get_action(),
            expected_version=version, **data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Action saved."))
        return redirect(self.object.get_absolute_url())


class ActionStepView(ActionMixin, ComplianceFormMixin, FormView):
    """POST-only steps of an action: progress, verify, cancel."""

    template_name = "compliance/form.html"
    http_method_names = ["post"]
    step = "progress"
    forms = {"progress": ActionProgressForm, "verify": ActionVerifyForm, "cancel": ActionCancelForm}

    def get_form_class(self):
        return self.forms[self.step]

    def post(self, request, *args, **kwargs):
        # Refuse before reading the form: someone who may not take the step must get a 403,
        # not a form to fill in (the service refuses too, whatever the form holds).
        if self.step == "progress":
            if not can_progress_action(self.membership, self.get_action()):
                raise PermissionDenied(
                    _("Only the compliance team or the action's owner may do this.")
                )
        elif not can_manage(self.membership):
            raise PermissionDenied(_("Your role does not allow this action."))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=str(self.get_action()), cancel_object=self.get_action(), **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        common = {
            "actor": self.actor,
            "action": self.get_action(),
            "expected_version": version,
        }
        if self.step == "verify":
            return services.action_item_verify(
                **common, effective=data["effective"], note=data["verification_note"]
            )
        if self.step == "cancel":
            return services.action_item_cancel(**common, reason=data["verification_note"])
        return services.action_item_progress(**common, status=data["status"])

    def success(self, form):
        messages.success(self.request, _("Action updated."))
        return redirect(self.object.get_absolute_url())
