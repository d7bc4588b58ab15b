"""The project's URLs: every installed module's pages, as its ResguardoModule declares them."""

from django.urls import include, path

from resguardo.core.modules import url_mounts
from resguardo.core.views.health import healthz, livez, metrics

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # readiness: database reachable, migrated
    path("readyz", healthz, name="readyz"),
    path("livez", livez, name="livez"),  # liveness: the process answers
    path("metrics", metrics, name="metrics"),
    path("api/v1/", include("resguardo.config.api_urls")),
    *(path(mount.prefix, include(mount.module)) for mount, _label in url_mounts()),
]

handler404 = "resguardo.core.views.errors.not_found"
handler500 = "resguardo.core.views.errors.failed"
