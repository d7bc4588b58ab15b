from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "resguardo.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        from . import hooks

        hooks.register()
