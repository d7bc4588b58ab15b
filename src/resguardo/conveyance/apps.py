from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConveyanceConfig(AppConfig):
    name = "resguardo.conveyance"
    label = "conveyance"
    verbose_name = _("Conveyance and seal security")

    def ready(self):
        from resguardo.core.demo import register_demo_seeder
        from resguardo.core.indicators import register_indicator
        from resguardo.core.navigation import register_standard_link
        from resguardo.core.views.dashboard import register_dashboard_panel
        from resguardo.shipments.panels import register_shipment_panel

        from .demo import seed_conveyance
        from .indicators import INDICATORS
        from .selectors import dashboard_panel, shipment_panel

        for indicator in INDICATORS:
            register_indicator(indicator)
        register_standard_link(7, _("Seals"), "conveyance:seal_list")
        register_standard_link(7, _("Seal lots"), "conveyance:lot_list")
        register_standard_link(7, _("Inspections"), "conveyance:inspection_list")
        register_standard_link(7, _("Seal discrepancies"), "conveyance:discrepancy_list")
        register_standard_link(7, _("Seal audits"), "conveyance:audit_list")
        register_standard_link(7, _("Seal log and inspection exports"), "conveyance:exports")
        register_shipment_panel("conveyance/partials/_shipment_panel.html", shipment_panel)
        register_dashboard_panel("conveyance/partials/_dashboard.html", dashboard_panel)
        register_demo_seeder(seed_conveyance)
