from django.urls import include, path

from resguardo.core.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("resguardo.accounts.urls")),
    path("api/v1/", include("resguardo.config.api_urls")),
    path("", include("resguardo.core.urls")),
]
