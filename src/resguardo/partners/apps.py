from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "resguardo.partners"
    label = "partners"
    verbose_name = _("Business partners")

    def ready(self):
        from resguardo.core.counterparties import register_counterparty_check
        from resguardo.core.demo import register_demo_seeder
        from resguardo.core.events import subscribe
        from resguardo.core.navigation import register_standard_link
        from resguardo.core.views.dashboard import register_dashboard_panel

        from . import indicators
        from .counterparty import blocked_partner_reasons
        from .demo import seed_partners
        from .events import PartnerBlocked
        from .handlers import alert_compliance_officers
        from .selectors import dashboard_summary

        indicators.register()
        register_standard_link(4, _("Business partners"), "partners:partner_list")
        register_standard_link(4, _("Reviews and calendar"), "partners:review_schedule")
        register_standard_link(4, _("Security questionnaires"), "partners:questionnaire_list")
        register_standard_link(4, _("Watchlist hits"), "partners:hit_list")
        register_standard_link(4, _("Watchlists (SAT, OFAC)"), "partners:watchlist_list")
        register_dashboard_panel("partners/partials/_dashboard_panel.html", dashboard_summary)
        subscribe(PartnerBlocked, alert_compliance_officers)
        register_demo_seeder(seed_partners)
        register_counterparty_check(blocked_partner_reasons)
