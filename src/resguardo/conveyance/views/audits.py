from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..filtersets import DiscrepancyFilterSet, SealAuditFilterSet
from ..forms.seals import DiscrepancyCloseForm, SealAuditForm
from ..permissions import is_supervisor, require_supervisor_at
from .common import sites_for


class AuditListView(FilteredListView):
    template_name = "conveyance/audit_list.html"
    partial_template_name = "conveyance/partials/_audit_rows.html"
    filterset_class = SealAuditFilterSet

    def get_base_queryset(self):
        return selectors.audit_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(supervisor=is_supervisor(self.membership), **kwargs)


class AuditCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "conveyance/form.html"
    form_class = SealAuditForm
    required_perm = Perm.RECORD

    def get(self, request, *args, **kwargs):
        self._require_supervisor()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self._require_supervisor()
        return super().post(request, *args, **kwargs)

    def _require_supervisor(self):
        if not is_supervisor(self.membership):
            raise PermissionDenied(
                _("Only a supervisor (site manager or compliance officer) may decide this.")
            )

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": sites_for(self.membership)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Seal audit"),
            intro=_(
                "Count the seals in the storage place and type or scan their numbers. The "
                "audit compares the count with the seal log and the shipment documents."
            ),
            **kwargs,
        )

    def perform(self, form):
        return services.seal_audit_run(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        if self.object.finding_count:
            messages.warning(
                self.request,
                _("%(n)s findings recorded as discrepancies.") % {"n": self.object.finding_count},
            )
        else:
            messages.success(self.request, _("Inventory, log and documents agree."))
        return redirect("conveyance:audit_detail", pk=self.object.pk)


class AuditDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "conveyance/audit_detail.html"
    context_object_name = "audit"

    def get_object(self, queryset=None):
        return selectors.audit_get(membership=self.membership, pk=self.kwargs["pk"])


class DiscrepancyListView(FilteredListView):
    template_name = "conveyance/discrepancy_list.html"
    partial_template_name = "conveyance/partials/_discrepancy_rows.html"
    filterset_class = DiscrepancyFilterSet

    def get_base_queryset(self):
        return selectors.discrepancy_list(membership=self.membership)


class DiscrepancyDetailView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "conveyance/discrepancy_detail.html"
    form_class = DiscrepancyCloseForm

    def get_discrepancy(self):
        if not hasattr(self, "_discrepancy"):
            self._discrepancy = selectors.discrepancy_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._discrepancy

    def get_initial(self):
        return {"version": self.get_discrepancy().version}

    def post(self, request, *args, **kwargs):
        # Only a supervisor may close it: others are refused before the form is parsed.
        require_supervisor_at(self.membership, self.get_discrepancy().site)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            discrepancy=self.get_discrepancy(),
            supervisor=is_supervisor(self.membership),
            **kwargs,
        )

    def perform(self, form):
        return services.discrepancy_close(
            actor=self.actor,
            discrepancy=self.get_discrepancy(),
            resolution=form.cleaned_data["resolution"],
            expected_version=form.cleaned_data["version"],
        )

    def success(self, form):
        messages.success(self.request, _("Discrepancy closed."))
        return redirect("conveyance:discrepancy_detail", pk=self.object.pk)
