from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, ResguardoModule, Urls

from .access import READ_PERM

_HERE = "resguardo.infosec"
_API = f"{_HERE}.api.views"


class InfosecConfig(AppConfig):
    name = _HERE
    label = "infosec"
    verbose_name = _("Information and IT security")
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("infosec/", f"{_HERE}.urls"),),
        api_routes=(
            ApiRoute("document-types", f"{_API}.DocumentTypeViewSet", "documenttype"),
            ApiRoute("disposals", f"{_API}.DisposalViewSet", "disposal"),
            ApiRoute("systems", f"{_API}.SystemViewSet", "system"),
            ApiRoute("system-accounts", f"{_API}.SystemAccountViewSet", "systemaccount"),
            ApiRoute("access-reviews", f"{_API}.AccessReviewViewSet", "accessreview"),
            ApiRoute("access-review-items", f"{_API}.AccessReviewItemViewSet", "accessreviewitem"),
            ApiRoute("restore-tests", f"{_API}.RestoreTestViewSet", "restoretest"),
            ApiRoute("digital-credentials", f"{_API}.CredentialViewSet", "digitalcredential"),
            ApiRoute("credential-events", f"{_API}.CredentialEventViewSet", "credentialevent"),
            ApiRoute("cyber-events", f"{_API}.CyberEventViewSet", "cyberevent"),
        ),
        links=(
            Link(_("Systems and accounts"), "infosec:system_list", standard=9, perm=READ_PERM),
            Link(_("Access reviews"), "infosec:review_list", standard=9, perm=READ_PERM),
            Link(_("Document types"), "infosec:document_type_list", standard=9, perm=READ_PERM),
            Link(_("Destruction log"), "infosec:disposal_list", standard=9, perm=READ_PERM),
            Link(
                _("e.firma and digital seals"),
                "infosec:credential_list",
                standard=9,
                perm=READ_PERM,
            ),
            Link(_("Cyber events"), "infosec:cyber_event_list", standard=9, perm=READ_PERM),
        ),
        indicators=f"{_HERE}.indicators.INDICATORS",
        demo_seeder=f"{_HERE}.demo.seed_infosec",
        due_dates=(f"{_HERE}.hooks.due_dates",),
        held_items=(f"{_HERE}.hooks.held_items",),
        walk=f"{_HERE}.tests.walk.WALK",
    )
