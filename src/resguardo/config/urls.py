from django.urls import include, path

from resguardo.core.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("resguardo.accounts.urls")),
    path("api/v1/", include("resguardo.config.api_urls")),
    path("standards/", include("resguardo.standards.urls")),
    path("compliance/", include("resguardo.compliance.urls")),
    path("reports/", include("resguardo.reports.urls")),
    path("shipments/", include("resguardo.shipments.urls")),
    path("conveyance/", include("resguardo.conveyance.urls")),
    path("partners/", include("resguardo.partners.urls")),
    path("q/", include("resguardo.partners.public_urls")),
    path("", include("resguardo.core.urls")),
]

handler404 = "resguardo.core.views.errors.not_found"
