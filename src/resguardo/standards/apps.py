from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, ResguardoModule, Urls

_API = "resguardo.standards.api.views"


class StandardsConfig(AppConfig):
    name = "resguardo.standards"
    label = "standards"
    verbose_name = _("Standards catalog")
    resguardo = ResguardoModule(
        urls=(Urls("standards/", "resguardo.standards.urls"),),
        api_routes=(
            ApiRoute("frameworks", f"{_API}.FrameworkViewSet", "framework"),
            ApiRoute("libraries", f"{_API}.LibraryViewSet", "library"),
            ApiRoute("requirements", f"{_API}.RequirementViewSet", "requirement"),
            ApiRoute("mappings", f"{_API}.MappingViewSet", "mapping"),
            ApiRoute("checklists", f"{_API}.ChecklistViewSet", "checklist"),
        ),
        links=(Link(_("Standards catalog"), "standards:home"),),
        walk="resguardo.standards.tests.walk.WALK",
    )

    def ready(self):
        from django.db.models.signals import post_migrate

        from .services import shipped_libraries_refresh

        # an upgrade brings the library versions shipped with the release (see the service)
        post_migrate.connect(shipped_libraries_refresh, sender=self, dispatch_uid="standards")
