"""REST API under /api/v1/. Each app adds its routes here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from resguardo.accounts.api.views import ApiTokenViewSet, MeView
from resguardo.compliance.api import records as compliance_records
from resguardo.compliance.api import views as compliance_api
from resguardo.conveyance.api import views as conveyance_api
from resguardo.core.api.endpoints import (
    AduanaViewSet,
    AuditEntryViewSet,
    CurrentOrganizationView,
    MemberViewSet,
    SiteViewSet,
)
from resguardo.partners.api import views as partners_api
from resguardo.reports.api import views as reports_api
from resguardo.shipments.api import views as shipments_api
from resguardo.standards.api.views import (
    ChecklistViewSet,
    FrameworkViewSet,
    LibraryViewSet,
    MappingViewSet,
    RequirementViewSet,
)

router = DefaultRouter()
router.include_root_view = False
# No ".json" URL variants: JSON is the only format, and custom actions would need **kwargs.
router.include_format_suffixes = False
router.register("partners", partners_api.PartnerViewSet, basename="partner")
router.register("partner-addresses", partners_api.AddressViewSet, basename="partneraddress")
router.register("partner-contacts", partners_api.ContactViewSet, basename="partnercontact")
router.register("partner-documents", partners_api.DocumentViewSet, basename="partnerdocument")
router.register(
    "partner-certifications", partners_api.CertificationViewSet, basename="partnercertification"
)
router.register(
    "partner-selection-decisions",
    partners_api.SelectionDecisionViewSet,
    basename="partnerselection",
)
router.register("partner-agreements", partners_api.AgreementViewSet, basename="partneragreement")
router.register(
    "partner-questionnaires", partners_api.QuestionnaireViewSet, basename="partnerquestionnaire"
)
router.register("partner-reviews", partners_api.ReviewViewSet, basename="partnerreview")
router.register("partner-findings", partners_api.FindingViewSet, basename="partnerfinding")
router.register("screening-hits", partners_api.HitViewSet, basename="screeninghit")
router.register("screening-runs", partners_api.ScreeningRunViewSet, basename="screeningrun")
router.register("watchlist-versions", partners_api.ListVersionViewSet, basename="listversion")
router.register("watchlist-entries", partners_api.ListEntryViewSet, basename="listentry")
router.register("aduanas", AduanaViewSet, basename="aduana")
router.register("sites", SiteViewSet, basename="site")
router.register("members", MemberViewSet, basename="member")
router.register("audit-log", AuditEntryViewSet, basename="auditentry")
router.register("tokens", ApiTokenViewSet, basename="apitoken")
router.register("assessments", compliance_api.AssessmentViewSet, basename="assessment")
router.register("requirement-results", compliance_api.ResultViewSet, basename="result")
router.register("evidence", compliance_records.EvidenceViewSet, basename="evidence")
router.register("action-items", compliance_records.ActionItemViewSet, basename="actionitem")
router.register("internal-audits", compliance_records.InternalAuditViewSet, basename="audit")
router.register("audit-findings", compliance_records.AuditFindingViewSet, basename="auditfinding")
router.register(
    "assessment-reports", reports_api.AssessmentReportViewSet, basename="assessmentreport"
)
router.register("frameworks", FrameworkViewSet, basename="framework")
router.register("libraries", LibraryViewSet, basename="library")
router.register("requirements", RequirementViewSet, basename="requirement")
router.register("mappings", MappingViewSet, basename="mapping")
router.register("checklists", ChecklistViewSet, basename="checklist")
router.register("shipments", shipments_api.ShipmentViewSet, basename="shipment")
router.register(
    "shipment-documents", shipments_api.ShipmentDocumentViewSet, basename="shipmentdocument"
)
router.register("shipment-imports", shipments_api.ShipmentImportViewSet, basename="shipmentimport")
router.register("customs-badges", shipments_api.CustomsBadgeViewSet, basename="customsbadge")
router.register("seal-lots", conveyance_api.SealLotViewSet, basename="seallot")
router.register("seals", conveyance_api.SealViewSet, basename="seal")
router.register("seal-events", conveyance_api.SealEventViewSet, basename="sealevent")
router.register(
    "seal-discrepancies", conveyance_api.SealDiscrepancyViewSet, basename="sealdiscrepancy"
)
router.register("seal-audits", conveyance_api.SealAuditViewSet, basename="sealaudit")
router.register("inspections", conveyance_api.InspectionViewSet, basename="inspection")

app_name = "api"
urlpatterns = [
    path("me/", MeView.as_view(), name="me"),
    path("organization/", CurrentOrganizationView.as_view(), name="organization"),
    path("partner-policy/", partners_api.PartnerPolicyView.as_view(), name="partner_policy"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[]), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[]),
        name="docs",
    ),
    path("", include(router.urls)),
]
