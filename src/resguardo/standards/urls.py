from django.urls import path

from .views import catalog, crosswalk, exports

app_name = "standards"
urlpatterns = [
    path("", catalog.CatalogHomeView.as_view(), name="home"),
    path("browse/", catalog.BrowseView.as_view(), name="browse"),
    path("requirements/<str:urn>/", catalog.RequirementDetailView.as_view(), name="requirement"),
    path("crosswalk/", crosswalk.CrosswalkView.as_view(), name="crosswalk"),
    path("diff/", crosswalk.DiffView.as_view(), name="diff"),
    path("libraries/<str:urn>/oscal.json", exports.OscalExportView.as_view(), name="oscal"),
    path("checklists/", exports.ChecklistListView.as_view(), name="checklists"),
]
