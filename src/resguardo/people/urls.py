from django.urls import path

from .views import checks, departures, posts, register, training

app_name = "people"
urlpatterns = [
    path("", register.PersonListView.as_view(), name="person_list"),
    path("new/", register.PersonCreateView.as_view(), name="person_create"),
    path("export/", register.PersonExportView.as_view(), name="person_export"),
    path("import/", register.PeopleImportView.as_view(), name="person_import"),
    path("policy/", register.PolicyView.as_view(), name="policy"),
    path("acknowledgements/", register.AcknowledgementsView.as_view(), name="acknowledgements"),
    path("<int:pk>/", register.PersonDetailView.as_view(), name="person_detail"),
    path("<int:pk>/edit/", register.PersonEditView.as_view(), name="person_edit"),
    path("<int:pk>/photo/", register.PhotoAddView.as_view(), name="photo_add"),
    path("<int:pk>/acknowledge/", register.AcknowledgeView.as_view(), name="acknowledge"),
    path("<int:pk>/check/", checks.CheckStartView.as_view(), name="check_start"),
    path("<int:pk>/departure/", departures.DepartureRecordView.as_view(), name="departure_record"),
    path("photos/<int:pk>/", register.PhotoView.as_view(), name="photo"),
    path("checks/<int:pk>/", checks.CheckDetailView.as_view(), name="check_detail"),
    path("checks/<int:pk>/clear/", checks.CheckClearView.as_view(), name="check_clear"),
    path("checks/<int:pk>/reject/", checks.CheckRejectView.as_view(), name="check_reject"),
    path("check-items/<int:pk>/", checks.CheckItemRecordView.as_view(), name="check_item"),
    path(
        "check-items/<int:pk>/evidence/", checks.CheckEvidenceView.as_view(), name="check_evidence"
    ),
    path("departures/", departures.DepartureListView.as_view(), name="departure_list"),
    path("departures/<int:pk>/", departures.DepartureDetailView.as_view(), name="departure_detail"),
    path("departure-items/<int:pk>/", departures.ItemResolveView.as_view(), name="departure_item"),
    path("posts/", posts.PostListView.as_view(), name="post_list"),
    path("posts/new/", posts.PostCreateView.as_view(), name="post_create"),
    path("posts/<int:pk>/edit/", posts.PostEditView.as_view(), name="post_edit"),
    path(
        "posts/check-items/new/",
        posts.CheckItemTypeCreateView.as_view(),
        name="check_item_type_create",
    ),
    path("posts/standard-catalog/", posts.CatalogSeedView.as_view(), name="catalog_seed"),
    path("courses/", training.CourseListView.as_view(), name="course_list"),
    path("courses/new/", training.CourseCreateView.as_view(), name="course_create"),
    path("sessions/", training.SessionListView.as_view(), name="session_list"),
    path("sessions/new/", training.SessionCreateView.as_view(), name="session_create"),
    path("sessions/<int:pk>/", training.SessionDetailView.as_view(), name="session_detail"),
    path("certificates/<int:pk>/", training.CertificateView.as_view(), name="certificate"),
    path("matrix/", training.TrainingMatrixView.as_view(), name="training_matrix"),
    path(
        "matrix/export/", training.TrainingMatrixExportView.as_view(), name="training_matrix_export"
    ),
]
