from django.views.generic import TemplateView

from ..modules import DASHBOARD, panels_for
from ..navigation import standards_navigation
from ..selectors import member_list, site_list
from .mixins import OrganizationRequiredMixin


class DashboardView(OrganizationRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        membership = self.membership
        context.update(
            site_count=site_list(membership=membership).count(),
            member_count=member_list(membership=membership).filter(is_active=True).count(),
            standards=standards_navigation(),
            panels=panels_for(DASHBOARD, membership),
        )
        return context
