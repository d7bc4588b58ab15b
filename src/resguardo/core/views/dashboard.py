from django.views.generic import TemplateView

from ..navigation import standards_navigation
from ..selectors import member_list, site_list
from .mixins import OrganizationRequiredMixin

# Domain apps add dashboard panels here: (template name, context function(membership)).
DASHBOARD_PANELS: list[tuple[str, object]] = []


def register_dashboard_panel(template_name: str, context_function) -> None:
    if (template_name, context_function) not in DASHBOARD_PANELS:
        DASHBOARD_PANELS.append((template_name, context_function))


class DashboardView(OrganizationRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        membership = self.membership
        context.update(
            site_count=site_list(membership=membership).count(),
            member_count=member_list(membership=membership).filter(is_active=True).count(),
            standards=standards_navigation(),
            panels=[
                {"template": template, **function(membership)}
                for template, function in DASHBOARD_PANELS
            ],
        )
        return context
