from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "resguardo.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.core import checks

        from .events.checks import check_event_types

        checks.register(check_event_types)
