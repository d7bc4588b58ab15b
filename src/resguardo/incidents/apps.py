from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import (
    ApiPath,
    ApiRoute,
    Link,
    Panel,
    ResguardoModule,
    Subscription,
    Urls,
)
from resguardo.core.permissions import Perm

_HERE = "resguardo.incidents"
_API = f"{_HERE}.api.views"


class IncidentsConfig(AppConfig):
    name = _HERE
    label = "incidents"
    verbose_name = _("Incidents")
    resguardo = ResguardoModule(
        urls=(
            Urls("incidents/", f"{_HERE}.urls"),
            Urls("r/", f"{_HERE}.public_urls"),
        ),
        api_routes=(
            ApiRoute("incidents", f"{_API}.IncidentViewSet", "incident"),
            ApiRoute("incident-notices", f"{_API}.NoticeViewSet", "incidentnotice"),
            ApiRoute("incident-evidence", f"{_API}.EvidenceViewSet", "incidentevidence"),
            ApiRoute("incident-categories", f"{_API}.CategoryViewSet", "incidentcategory"),
            ApiRoute("incident-reporting-links", f"{_API}.ReportingLinkViewSet", "reportinglink"),
        ),
        api_paths=(
            ApiPath(
                "anonymous-reports/<str:token>/",
                f"{_API}.AnonymousReportView",
                "anonymous_report",
            ),
        ),
        links=(
            Link(_("Incidents"), "incidents:incident_list", standard=11),
            Link(
                _("Report an incident"), "incidents:incident_report", standard=11, perm=Perm.RECORD
            ),
            Link(
                _("Authority notices"),
                "incidents:notice_list",
                standard=11,
                perm=Perm.MANAGE_COMPLIANCE,
            ),
            Link(
                _("Incident statistics"),
                "incidents:statistics",
                standard=11,
                perm=Perm.MANAGE_COMPLIANCE,
            ),
            Link(
                _("Anonymous reporting links"),
                "incidents:link_list",
                standard=11,
                perm=Perm.MANAGE_COMPLIANCE,
            ),
            Link(
                _("Incident categories"),
                "incidents:category_list",
                standard=11,
                perm=Perm.MANAGE_COMPLIANCE,
            ),
        ),
        panels=(Panel("incidents/partials/_dashboard.html", f"{_HERE}.selectors.dashboard_panel"),),
        indicators=f"{_HERE}.indicators.INDICATORS",
        subscriptions=(
            Subscription(
                "resguardo.conveyance.events.SealDiscrepancyRecorded",
                f"{_HERE}.handlers.open_for_seal_discrepancy",
            ),
            Subscription(
                "resguardo.partners.events.PartnerBlocked",
                f"{_HERE}.handlers.open_for_blocked_partner",
            ),
            Subscription(
                "resguardo.core.security_events.SecurityEventReported",
                f"{_HERE}.handlers.open_for_security_event",
            ),
        ),
        demo_seeder=f"{_HERE}.demo.seed_incidents",
        due_dates=(f"{_HERE}.selectors.notice_due_dates",),
        walk=f"{_HERE}.tests.walk.WALK",
    )
