from django.urls import path

from .views import badges, documents, imports, shipments

app_name = "shipments"
urlpatterns = [
    path("", shipments.ShipmentListView.as_view(), name="shipment_list"),
    path("export/", shipments.ShipmentExportView.as_view(), name="shipment_export"),
    path("new/", shipments.ShipmentCreateView.as_view(), name="shipment_create"),
    path("import/", imports.ShipmentImportView.as_view(), name="shipment_import"),
    path("verification/", shipments.VerificationQueueView.as_view(), name="verification_queue"),
    path("<int:pk>/", shipments.ShipmentDetailView.as_view(), name="shipment_detail"),
    path("<int:pk>/edit/", shipments.ShipmentUpdateView.as_view(), name="shipment_update"),
    path(
        "<int:pk>/transmit/",
        shipments.ShipmentTransitionView.as_view(action="transmit"),
        name="shipment_transmit",
    ),
    path(
        "<int:pk>/clear/",
        shipments.ShipmentTransitionView.as_view(action="clear"),
        name="shipment_clear",
    ),
    path(
        "<int:pk>/cancel/",
        shipments.ShipmentTransitionView.as_view(action="cancel"),
        name="shipment_cancel",
    ),
    path("<int:pk>/documents/new/", documents.DocumentAddView.as_view(), name="document_add"),
    path("<int:pk>/verification/", documents.DocumentCheckView.as_view(), name="document_check"),
    path(
        "documents/<int:pk>/download/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("badges/", badges.BadgeListView.as_view(), name="badge_list"),
    path("badges/new/", badges.BadgeCreateView.as_view(), name="badge_create"),
    path("badges/<int:pk>/", badges.BadgeUpdateView.as_view(), name="badge_update"),
]
