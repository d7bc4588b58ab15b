from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "resguardo.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from resguardo.core import navigation

        navigation.register_main_link(_("Reports"), "reports:index")
