from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, ResguardoModule, Urls


class ReportsConfig(AppConfig):
    name = "resguardo.reports"
    label = "reports"
    verbose_name = _("Reports")
    resguardo = ResguardoModule(
        urls=(Urls("reports/", "resguardo.reports.urls"),),
        api_routes=(
            ApiRoute(
                "assessment-reports",
                "resguardo.reports.api.views.AssessmentReportViewSet",
                "assessmentreport",
            ),
        ),
        links=(Link(_("Reports"), "reports:index"),),
        walk="resguardo.reports.tests.walk.WALK",
    )
