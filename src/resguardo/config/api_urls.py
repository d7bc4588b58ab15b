"""REST API under /api/v1/: every installed module's routes, as its ResguardoModule declares
them (viewsets on one router, plain API views as paths)."""

from django.urls import include, path
from django.utils.module_loading import import_string
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from resguardo.core.modules import api_paths, api_routes

router = DefaultRouter()
router.include_root_view = False
# No ".json" URL variants: JSON is the only format, and custom actions would need **kwargs.
router.include_format_suffixes = False
for route in api_routes():
    router.register(route.prefix, import_string(route.viewset), basename=route.basename)

app_name = "api"
urlpatterns = [
    *(
        path(api_path.route, import_string(api_path.view).as_view(), name=api_path.name)
        for api_path in api_paths()
    ),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[]), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[]),
        name="docs",
    ),
    path("", include(router.urls)),
]
