from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, Panel, ResguardoModule, Urls

_API = "resguardo.compliance.api"


class ComplianceConfig(AppConfig):
    name = "resguardo.compliance"
    label = "compliance"
    verbose_name = _("Compliance")
    resguardo = ResguardoModule(
        urls=(Urls("compliance/", "resguardo.compliance.urls"),),
        api_routes=(
            ApiRoute("assessments", f"{_API}.views.AssessmentViewSet", "assessment"),
            ApiRoute("requirement-results", f"{_API}.views.ResultViewSet", "result"),
            ApiRoute("evidence", f"{_API}.records.EvidenceViewSet", "evidence"),
            ApiRoute("action-items", f"{_API}.records.ActionItemViewSet", "actionitem"),
            ApiRoute("internal-audits", f"{_API}.records.InternalAuditViewSet", "audit"),
            ApiRoute("audit-findings", f"{_API}.records.AuditFindingViewSet", "auditfinding"),
        ),
        links=(
            Link(_("Readiness"), "compliance:dashboard"),
            Link(_("Self-assessment"), "compliance:assessment_list"),
            Link(_("Evidence"), "compliance:evidence_list"),
            Link(_("Actions"), "compliance:action_list"),
            Link(_("Internal audits"), "compliance:audit_list", standard=1),
            Link(_("Action plans"), "compliance:action_list", standard=1),
            Link(_("Evidence vault"), "compliance:evidence_list", standard=9),
        ),
        panels=(
            Panel(
                "compliance/partials/_dashboard_panel.html",
                "resguardo.compliance.hooks.dashboard_panel",
            ),
        ),
        standard_summaries=("resguardo.compliance.hooks.standard_readiness",),
        indicators="resguardo.compliance.indicators.INDICATORS",
        demo_seeder="resguardo.compliance.demo.seed",
        due_dates=(
            "resguardo.compliance.due_dates.evidence_expiry",
            "resguardo.compliance.due_dates.action_due",
            "resguardo.compliance.due_dates.audit_planned",
        ),
        walk="resguardo.compliance.tests.walk.WALK",
    )
