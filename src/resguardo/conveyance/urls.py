from django.urls import path

from .views import audits, exports, inspections, lots, photos, seals

app_name = "conveyance"
urlpatterns = [
    path("seals/", seals.SealListView.as_view(), name="seal_list"),
    path("seals/<int:pk>/", seals.SealDetailView.as_view(), name="seal_detail"),
    path("seals/<int:pk>/issue/", seals.SealIssueView.as_view(), name="seal_issue"),
    path("seals/<int:pk>/return/", seals.SealReturnView.as_view(), name="seal_return"),
    path("seals/<int:pk>/apply/", seals.SealApplyView.as_view(), name="seal_apply"),
    path("seals/<int:pk>/verify/", seals.SealVerifyView.as_view(), name="seal_verify"),
    path("seals/<int:pk>/remove/", seals.SealRemoveView.as_view(), name="seal_remove"),
    path("seals/<int:pk>/void/", seals.SealVoidView.as_view(), name="seal_void"),
    path("seals/<int:pk>/destroy/", seals.SealDestroyView.as_view(), name="seal_destroy"),
    path("seals/<int:pk>/replace/", seals.SealReplaceView.as_view(), name="seal_replace"),
    path("seals/<int:pk>/customs/", seals.SealCustomsView.as_view(), name="seal_customs"),
    path("seal-events/<int:pk>/photo/", photos.EventPhotoView.as_view(), name="event_photo"),
    path("lots/", lots.LotListView.as_view(), name="lot_list"),
    path("lots/new/", lots.LotReceiveView.as_view(), name="lot_receive"),
    path("lots/<int:pk>/", lots.LotDetailView.as_view(), name="lot_detail"),
    path("lots/<int:pk>/issue/", lots.LotIssueView.as_view(), name="lot_issue"),
    path("audits/", audits.AuditListView.as_view(), name="audit_list"),
    path("audits/new/", audits.AuditCreateView.as_view(), name="audit_create"),
    path("audits/<int:pk>/", audits.AuditDetailView.as_view(), name="audit_detail"),
    path("discrepancies/", audits.DiscrepancyListView.as_view(), name="discrepancy_list"),
    path(
        "discrepancies/<int:pk>/",
        audits.DiscrepancyDetailView.as_view(),
        name="discrepancy_detail",
    ),
    path("inspections/", inspections.InspectionListView.as_view(), name="inspection_list"),
    path("inspections/new/", inspections.InspectionStartView.as_view(), name="inspection_start"),
    path(
        "inspections/new/<slug:key>/",
        inspections.InspectionCreateView.as_view(),
        name="inspection_create",
    ),
    path(
        "inspections/<int:pk>/",
        inspections.InspectionDetailView.as_view(),
        name="inspection_detail",
    ),
    path(
        "inspection-points/<int:pk>/photo/",
        photos.PointPhotoView.as_view(),
        name="point_photo",
    ),
    path("exports/", exports.ExportsView.as_view(), name="exports"),
    path("exports/seal-log/", exports.SealLogExportView.as_view(), name="seal_log_export"),
    path("exports/inspections/", exports.InspectionExportView.as_view(), name="inspection_export"),
]
