"""REST API under /api/v1/. Each app adds its routes here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from resguardo.accounts.api.views import ApiTokenViewSet, MeView
from resguardo.core.api.endpoints import (
    AduanaViewSet,
    AuditEntryViewSet,
    CurrentOrganizationView,
    MemberViewSet,
    SiteViewSet,
)

router = DefaultRouter()
router.include_root_view = False
router.register("aduanas", AduanaViewSet, basename="aduana")
router.register("sites", SiteViewSet, basename="site")
router.register("members", MemberViewSet, basename="member")
router.register("audit-log", AuditEntryViewSet, basename="auditentry")
router.register("tokens", ApiTokenViewSet, basename="apitoken")

app_name = "api"
urlpatterns = [
    path("me/", MeView.as_view(), name="me"),
    path("organization/", CurrentOrganizationView.as_view(), name="organization"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[]), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[]),
        name="docs",
    ),
    path("", include(router.urls)),
]
