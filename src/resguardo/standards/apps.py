from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "resguardo.standards"
    label = "standards"
    verbose_name = _("Standards catalog")

    def ready(self):
        from resguardo.core.navigation import register_main_link

        register_main_link(_("Standards catalog"), "standards:home")
