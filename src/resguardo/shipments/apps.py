from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, Panel, ResguardoModule, Urls
from resguardo.core.permissions import Perm

_API = "resguardo.shipments.api.views"

# The host name other modules give their Panel to add a section to the shipment page.
SHIPMENT_PAGE = "shipments.shipment"


class ShipmentsConfig(AppConfig):
    name = "resguardo.shipments"
    label = "shipments"
    verbose_name = _("Shipments and customs management")
    resguardo = ResguardoModule(
        urls=(Urls("shipments/", "resguardo.shipments.urls"),),
        api_routes=(
            ApiRoute("shipments", f"{_API}.ShipmentViewSet", "shipment"),
            ApiRoute("shipment-documents", f"{_API}.ShipmentDocumentViewSet", "shipmentdocument"),
            ApiRoute("shipment-imports", f"{_API}.ShipmentImportViewSet", "shipmentimport"),
            ApiRoute("customs-badges", f"{_API}.CustomsBadgeViewSet", "customsbadge"),
        ),
        links=(
            Link(_("Shipments"), "shipments:shipment_list", standard=5),
            Link(_("Import shipments"), "shipments:shipment_import", standard=5, perm=Perm.RECORD),
            Link(_("Document verification"), "shipments:verification_queue", standard=6),
            Link(_("Customs badges"), "shipments:badge_list", standard=6),
        ),
        panels=(
            Panel(
                "shipments/partials/_dashboard.html",
                "resguardo.shipments.selectors.dashboard_panel",
            ),
        ),
        indicators="resguardo.shipments.indicators.INDICATORS",
        demo_seeder="resguardo.shipments.demo.seed_shipments",
        due_dates=("resguardo.shipments.due_dates.badge_expiry",),
        walk="resguardo.shipments.tests.walk.WALK",
    )
