from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiPath, ApiRoute, ResguardoModule, Urls


class AccountsConfig(AppConfig):
    name = "resguardo.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    resguardo = ResguardoModule(
        urls=(Urls("accounts/", "resguardo.accounts.urls"),),
        api_routes=(
            ApiRoute("tokens", "resguardo.accounts.api.views.ApiTokenViewSet", "apitoken"),
        ),
        api_paths=(ApiPath("me/", "resguardo.accounts.api.views.MeView", "me"),),
        walk="resguardo.accounts.tests.walk.WALK",
    )
