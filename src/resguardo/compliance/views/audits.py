from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..access import can_manage
from ..choices import ActionSource
from ..filtersets import InternalAuditFilterSet
from ..forms import ActionForm, AuditEditForm, AuditForm, FindingForm
from .base import ComplianceFormMixin, changes_from, form_initial

AUDIT_FIELDS = ("title", "planned_date", "lead_auditor", "team", "objective", "status",
                "performed_on", "conclusion")  # fmt: skip
FINDING_FIELDS = ("title", "severity", "description", "node", "site")


class AuditListView(FilteredListView):
    template_name = "compliance/audit_list.html"
    partial_template_name = "compliance/partials/_audit_rows.html"
    filterset_class = InternalAuditFilterSet

    def get_base_queryset(self):
        return selectors.internal_audit_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=can_manage(self.membership), **kwargs)


class AuditCreateView(OrganizationRequiredMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        return AuditForm(
            data=self.request.POST if self.request.method == "POST" else None,
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Plan an internal audit"), cancel_url="compliance:audit_list", **kwargs
        )

    def perform(self, form):
        data, _version = changes_from(form)
        return services.internal_audit_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Internal audit planned."))
        return redirect(self.object.get_absolute_url())


class AuditMixin(OrganizationRequiredMixin):
    def get_audit(self):
        if not hasattr(self, "_audit"):
            self._audit = selectors.internal_audit_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._audit


class AuditDetailView(AuditMixin, DetailView):
    template_name = "compliance/audit_detail.html"
    context_object_name = "audit"

    def get_object(self, queryset=None):
        return self.get_audit()

    def get_context_data(self, **kwargs):
        audit = self.get_audit()
        return super().get_context_data(
            findings=selectors.finding_list(membership=self.membership, audit=audit),
            actions=selectors.action_item_list(membership=self.membership).filter(
                finding__audit=audit
            ),
            can_manage=can_manage(self.membership),
            **kwargs,
        )


class AuditUpdateView(AuditMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        audit = self.get_audit()
        initial = form_initial(audit, AUDIT_FIELDS)
        initial.update(scope_nodes=list(audit.scope_nodes.all()), sites=list(audit.sites.all()))
        return AuditEditForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial=initial,
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit internal audit"), cancel_object=self.get_audit(), **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        return services.internal_audit_update(
            actor=self.actor, audit=self.get_audit(),
            expected_version=version, **data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Internal audit saved."))
        return redirect(self.object.get_absolute_url())


class FindingCreateView(AuditMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        return FindingForm(
            data=self.request.POST if self.request.method == "POST" else None,
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New finding"), cancel_object=self.get_audit(), **kwargs
        )

    def perform(self, form):
        data, _version = changes_from(form)
        return services.finding_create(actor=self.actor, audit=self.get_audit(), **data)

    def success(self, form):
        messages.success(self.request, _("Finding recorded."))
        return redirect(self.get_audit().get_absolute_url())


class FindingMixin(OrganizationRequiredMixin):
    def get_finding(self):
        if not hasattr(self, "_finding"):
            self._finding = selectors.finding_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._finding


class FindingUpdateView(FindingMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        return FindingForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial=form_initial(self.get_finding(), FINDING_FIELDS),
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit finding"), cancel_object=self.get_finding().audit, **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        return services.finding_update(
            actor=self.actor, finding=self.get_finding(),
            expected_version=version, **data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Finding saved."))
        return redirect(self.object.audit.get_absolute_url())


class FindingActionCreateView(FindingMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        finding = self.get_finding()
        return ActionForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial={"title": finding.title, "site": finding.site},
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        finding = self.get_finding()
        return super().get_context_data(
            title=_("New action for finding %(ref)s") % {"ref": finding.reference},
            cancel_object=finding.audit,
            **kwargs,
        )

    def perform(self, form):
        return services.action_item_create(
            actor=self.actor, finding=self.get_finding(),
            source=ActionSource.FINDING, **form.cleaned_data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Action created."))
        return redirect(self.get_finding().audit.get_absolute_url())
