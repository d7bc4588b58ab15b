from django.urls import path

from .views import certification as c
from .views import obligations as o
from .views import profile as p

app_name = "certification"
urlpatterns = [
    path("", c.OverviewView.as_view(), name="overview"),
    path("new/", c.CertificationCreateView.as_view(), name="certification_create"),
    path("<int:pk>/", c.CertificationDetailView.as_view(), name="certification_detail"),
    path("<int:pk>/edit/", c.CertificationEditView.as_view(), name="certification_edit"),
    path("<int:pk>/documents/new/", c.DocumentAddView.as_view(), name="document_add"),
    path("<int:pk>/renewal/", c.RenewalFileView.as_view(), name="renewal_file"),
    path("renewals/<int:pk>/acuse/", c.RenewalAcknowledgeView.as_view(), name="renewal_acuse"),
    path("documents/<int:pk>/", c.DocumentDownloadView.as_view(), name="document_download"),
    path("representatives/new/", c.RepresentativeCreateView.as_view(), name="representative_add"),
    path(
        "representatives/<int:pk>/remove/",
        c.RepresentativeRemoveView.as_view(),
        name="representative_remove",
    ),
    path("prerequisites/", c.PrerequisitesView.as_view(), name="prerequisites"),
    path("prerequisites/check/", c.ListingCheckView.as_view(), name="listing_check"),
    path(
        "prerequisites/<slug:kind>/", c.PrerequisiteRecordView.as_view(), name="prerequisite_edit"
    ),
    path("fees/", o.FeeListView.as_view(), name="fee_list"),
    path("fees/new/", o.FeeCreateView.as_view(), name="fee_create"),
    path("fees/<int:pk>/", o.FeeDetailView.as_view(), name="fee_detail"),
    path("fees/<int:pk>/edit/", o.FeeEditView.as_view(), name="fee_edit"),
    path("fees/<int:pk>/pay/", o.FeePayView.as_view(), name="fee_pay"),
    path("avisos/", o.AvisoListView.as_view(), name="aviso_list"),
    path("avisos/new/", o.AvisoCreateView.as_view(), name="aviso_create"),
    path("avisos/<int:pk>/", o.AvisoDetailView.as_view(), name="aviso_detail"),
    path("avisos/<int:pk>/file/", o.AvisoFileView.as_view(), name="aviso_file"),
    path("avisos/<int:pk>/acuse/", o.AvisoAcknowledgeView.as_view(), name="aviso_acuse"),
    path("requirements/", o.RequirementListView.as_view(), name="requirement_list"),
    path("requirements/new/", o.RequirementCreateView.as_view(), name="requirement_create"),
    path("requirements/<int:pk>/", o.RequirementDetailView.as_view(), name="requirement_detail"),
    path("requirements/<int:pk>/edit/", o.RequirementEditView.as_view(), name="requirement_edit"),
    path(
        "requirements/<int:pk>/answer/",
        o.RequirementAnswerView.as_view(),
        name="requirement_answer",
    ),
    path("requirements/<int:pk>/findings/new/", o.FindingCreateView.as_view(), name="finding_add"),
    path("readiness/", p.ReadinessView.as_view(), name="readiness"),
    path("e4/", p.E4ProfileView.as_view(), name="e4_profile"),
    path("e4/xlsx/", p.E4XlsxView.as_view(), name="e4_xlsx"),
    path("e4/pdf/", p.E4PdfView.as_view(), name="e4_pdf"),
]
