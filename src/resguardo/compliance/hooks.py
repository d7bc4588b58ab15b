"""Everything the compliance app plugs into core, registered from AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from resguardo.core import navigation
from resguardo.core.demo import register_demo_seeder
from resguardo.core.views.dashboard import register_dashboard_panel

MAIN_LINKS = [
    (_("Readiness"), "compliance:dashboard"),
    (_("Self-assessment"), "compliance:assessment_list"),
    (_("Evidence"), "compliance:evidence_list"),
    (_("Actions"), "compliance:action_list"),
]


def _dashboard_panel(membership):
    from .selectors import panel_data

    return panel_data(membership=membership)


def _seed(context):
    from .demo import seed

    seed(context)


def register() -> None:
    from . import indicators

    indicators.register()
    register_main_link = getattr(navigation, "register_main_link", None)
    for label, url_name in MAIN_LINKS:
        if register_main_link is not None:
            register_main_link(label, url_name)
        else:
            navigation.register_standard_link(1, label, url_name)
    navigation.register_standard_link(1, _("Internal audits"), "compliance:audit_list")
    navigation.register_standard_link(1, _("Action plans"), "compliance:action_list")
    navigation.register_standard_link(9, _("Evidence vault"), "compliance:evidence_list")
    register_dashboard_panel("compliance/partials/_dashboard_panel.html", _dashboard_panel)
    register_demo_seeder(_seed)
