from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .modules import ApiPath, ApiRoute, ResguardoModule, Urls

_API = "resguardo.core.api.endpoints"


class CoreConfig(AppConfig):
    name = "resguardo.core"
    label = "core"
    verbose_name = _("Core")
    resguardo = ResguardoModule(
        urls=(Urls("", "resguardo.core.urls"),),
        api_routes=(
            ApiRoute("aduanas", f"{_API}.AduanaViewSet", "aduana"),
            ApiRoute("sites", f"{_API}.SiteViewSet", "site"),
            ApiRoute("members", f"{_API}.MemberViewSet", "member"),
            ApiRoute("audit-log", f"{_API}.AuditEntryViewSet", "auditentry"),
        ),
        api_paths=(ApiPath("organization/", f"{_API}.CurrentOrganizationView", "organization"),),
        walk="resguardo.core.tests.walk.WALK",
    )

    def ready(self):
        from django.core import checks

        from .events.checks import check_event_types
        from .modules import registry, subscribe_handlers

        # Every installed module's declaration is read (and its code imported) now, once the
        # models of every app are loaded: a wrong dotted path stops the start-up here.
        registry()
        subscribe_handlers()
        checks.register(check_event_types)
