from django.views.generic import DetailView

from .. import selectors
from ..audit_text import audit_details, readable_changes
from ..filtersets import AuditEntryFilterSet
from ..permissions import Perm
from .lists import FilteredListView
from .mixins import OrganizationRequiredMixin


class AuditLogView(FilteredListView):
    template_name = "core/audit_log.html"
    partial_template_name = "core/partials/_audit_rows.html"
    filterset_class = AuditEntryFilterSet
    required_perm = Perm.VIEW_AUDIT_LOG

    def get_base_queryset(self):
        return selectors.audit_entry_list(membership=self.membership)


class AuditEntryDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "core/audit_entry.html"
    required_perm = Perm.VIEW_AUDIT_LOG
    context_object_name = "entry"

    def get_object(self, queryset=None):
        return selectors.audit_entry_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = readable_changes(
            self.object, organization=self.membership.organization
        )
        context["details"] = audit_details(self.object)
        context["change_size"] = selectors.audit_change_size(
            membership=self.membership, entry=self.object
        )
        return context
