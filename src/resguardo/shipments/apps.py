from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShipmentsConfig(AppConfig):
    name = "resguardo.shipments"
    label = "shipments"
    verbose_name = _("Shipments and customs management")

    def ready(self):
        from resguardo.core.demo import register_demo_seeder
        from resguardo.core.indicators import register_indicator
        from resguardo.core.navigation import register_standard_link
        from resguardo.core.views.dashboard import register_dashboard_panel

        from .demo import seed_shipments
        from .indicators import INDICATORS
        from .selectors import dashboard_panel

        for indicator in INDICATORS:
            register_indicator(indicator)
        register_standard_link(5, _("Shipments"), "shipments:shipment_list")
        register_standard_link(5, _("Import shipments"), "shipments:shipment_import")
        register_standard_link(6, _("Document verification"), "shipments:verification_queue")
        register_standard_link(6, _("Customs badges"), "shipments:badge_list")
        register_dashboard_panel("shipments/partials/_dashboard.html", dashboard_panel)
        register_demo_seeder(seed_shipments)
