from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, Panel, ResguardoModule, Urls
from resguardo.core.permissions import Perm

_API = "resguardo.conveyance.api.views"


class ConveyanceConfig(AppConfig):
    name = "resguardo.conveyance"
    label = "conveyance"
    verbose_name = _("Conveyance and seal security")
    resguardo = ResguardoModule(
        urls=(Urls("conveyance/", "resguardo.conveyance.urls"),),
        api_routes=(
            ApiRoute("seal-lots", f"{_API}.SealLotViewSet", "seallot"),
            ApiRoute("seals", f"{_API}.SealViewSet", "seal"),
            ApiRoute("seal-events", f"{_API}.SealEventViewSet", "sealevent"),
            ApiRoute("seal-discrepancies", f"{_API}.SealDiscrepancyViewSet", "sealdiscrepancy"),
            ApiRoute("seal-audits", f"{_API}.SealAuditViewSet", "sealaudit"),
            ApiRoute("inspections", f"{_API}.InspectionViewSet", "inspection"),
        ),
        links=(
            Link(_("Seals"), "conveyance:seal_list", standard=7),
            Link(_("Seal lots"), "conveyance:lot_list", standard=7, perm=Perm.RECORD),
            Link(_("Inspections"), "conveyance:inspection_list", standard=7),
            Link(_("Seal discrepancies"), "conveyance:discrepancy_list", standard=7),
            Link(_("Seal audits"), "conveyance:audit_list", standard=7),
            Link(_("Seal log and inspection exports"), "conveyance:exports", standard=7),
        ),
        panels=(
            Panel(
                "conveyance/partials/_shipment_panel.html",
                "resguardo.conveyance.selectors.shipment_panel",
                host="shipments.shipment",  # shipments.apps.SHIPMENT_PAGE
            ),
            Panel(
                "conveyance/partials/_dashboard.html",
                "resguardo.conveyance.selectors.dashboard_panel",
            ),
        ),
        indicators="resguardo.conveyance.indicators.INDICATORS",
        demo_seeder="resguardo.conveyance.demo.seed_conveyance",
        due_dates=(
            "resguardo.conveyance.due_dates.seal_audits",
            "resguardo.conveyance.due_dates.inspections_to_review",
        ),
        walk="resguardo.conveyance.tests.walk.WALK",
    )

    def ready(self):
        from .retention import connect

        connect()
