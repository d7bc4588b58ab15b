from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiPath, ApiRoute, Link, Panel, ResguardoModule, Urls

_API = "resguardo.certification.api.views"
_HERE = "resguardo.certification"


class CertificationConfig(AppConfig):
    name = _HERE
    label = "certification"
    verbose_name = _("OEA certification")
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("certification/", f"{_HERE}.urls"),),
        api_routes=(
            ApiRoute("certifications", f"{_API}.OwnCertificationViewSet", "certification"),
            ApiRoute("certification-fees", f"{_API}.OwnFeeViewSet", "certificationfee"),
            ApiRoute("certification-avisos", f"{_API}.OwnAvisoViewSet", "certificationaviso"),
            ApiRoute(
                "certification-requirements",
                f"{_API}.OwnRequirementViewSet",
                "certificationrequirement",
            ),
            ApiRoute(
                "certification-representatives",
                f"{_API}.OwnRepresentativeViewSet",
                "certificationrepresentative",
            ),
        ),
        api_paths=(
            ApiPath(
                "certification-prerequisites/",
                f"{_API}.OwnPrerequisitesView",
                "certification_prerequisites",
            ),
        ),
        links=(
            Link(_("OEA certification"), "certification:overview", standard=1),
            Link(_("Renewal readiness"), "certification:readiness", standard=1),
            Link(_("Avisos to the authority"), "certification:aviso_list", standard=1),
            Link(_("Authority requirements"), "certification:requirement_list", standard=1),
            Link(_("E4 profile for VUCEM"), "certification:e4_profile", standard=1),
        ),
        panels=(
            Panel(
                "certification/partials/_dashboard_panel.html",
                f"{_HERE}.panels.dashboard_panel",
            ),
        ),
        indicators=f"{_HERE}.indicators.INDICATORS",
        demo_seeder=f"{_HERE}.demo.seed_certification",
        due_dates=(
            f"{_HERE}.due_dates.certification_dates",
            f"{_HERE}.due_dates.aviso_dates",
            f"{_HERE}.due_dates.requirement_dates",
        ),
        walk=f"{_HERE}.tests.walk.WALK",
    )

    def ready(self):
        from . import handlers

        handlers.connect()
