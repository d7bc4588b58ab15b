from django.views.generic import TemplateView

from ..memo import page_memo
from ..modules import DASHBOARD, panels_for, registry
from ..navigation import standards_navigation
from ..permissions import SITE_SCOPED_ROLES
from ..selectors import member_list, site_list
from .mixins import OrganizationRequiredMixin


def standards_with_summary(membership) -> list[dict]:
    """The eleven standards with the links this membership may follow and, where a module
    measures it, how far the organization is on each (the modules' `standard_summaries`)."""
    summary: dict[int, dict] = {}
    for function in registry().standard_summaries:
        for number, values in function(membership=membership).items():
            summary.setdefault(number, values)
    return [
        {**standard, "summary": summary.get(standard["number"])}
        for standard in standards_navigation(membership)
    ]


class DashboardView(OrganizationRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs):
        with page_memo():  # the panels and the standard cards share what they both read
            return self._context(super().get_context_data(**kwargs))

    def _context(self, context):
        membership = self.membership
        # Staff and site managers see their own work first, not the organization's figures.
        operator = membership.role in SITE_SCOPED_ROLES
        context.update(
            operator_home=operator,
            standards=standards_with_summary(membership),
            panels=panels_for(DASHBOARD, membership),
        )
        if not operator:
            context.update(
                site_count=site_list(membership=membership).count(),
                member_count=member_list(membership=membership).filter(is_active=True).count(),
            )
        return context
