from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportIndexView.as_view(), name="index"),
    path("assessments/<int:pk>/", views.AssessmentReportsView.as_view(), name="assessment_reports"),
    path("assessments/<int:pk>/report.pdf", views.PdfDownloadView.as_view(), name="assessment_pdf"),
    path(
        "assessments/<int:pk>/assessment.xlsx",
        views.WorkbookDownloadView.as_view(),
        name="assessment_xlsx",
    ),
    path(
        "assessments/<int:pk>/import/", views.WorkbookImportView.as_view(), name="assessment_import"
    ),
    path(
        "assessments/<int:pk>/oscal-assessment-results.json",
        views.OscalDownloadView.as_view(),
        name="assessment_oscal",
    ),
    path(
        "assessments/<int:pk>/evidence-package.zip",
        views.EvidencePackageView.as_view(),
        name="assessment_package",
    ),
]
