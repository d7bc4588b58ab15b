from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiRoute, Link, ResguardoModule, Urls
from resguardo.core.permissions import Perm

_API = "resguardo.risks.api.views"


class RisksConfig(AppConfig):
    name = "resguardo.risks"
    label = "risks"
    verbose_name = _("Risk analysis, policies and contingency plans")
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("risks/", "resguardo.risks.urls"),),
        api_routes=(
            ApiRoute("risk-threats", f"{_API}.ThreatViewSet", "riskthreat"),
            ApiRoute("risks", f"{_API}.RiskViewSet", "risk"),
            ApiRoute("risk-reviews", f"{_API}.ReviewViewSet", "riskreview"),
            ApiRoute("committee-members", f"{_API}.CommitteeMemberViewSet", "committeemember"),
            ApiRoute("committee-meetings", f"{_API}.MeetingViewSet", "committeemeeting"),
            ApiRoute("security-policies", f"{_API}.PolicyViewSet", "securitypolicy"),
            ApiRoute("contingency-plans", f"{_API}.PlanViewSet", "contingencyplan"),
            ApiRoute("drills", f"{_API}.DrillViewSet", "drill"),
        ),
        links=(
            Link(_("Risk register"), "risks:risk_list", standard=1),
            Link(_("Register reviews"), "risks:review_list", standard=1),
            Link(_("Security committee"), "risks:committee", standard=1),
            Link(_("Security policies"), "risks:policy_list", standard=1),
            Link(_("Contingency plans and drills"), "risks:plan_list", standard=1),
            Link(_("Threat catalog"), "risks:threat_list", standard=1, perm=Perm.MANAGE_COMPLIANCE),
        ),
        indicators="resguardo.risks.indicators.INDICATORS",
        demo_seeder="resguardo.risks.demo.seed",
        due_dates=("resguardo.risks.due_dates.due_dates",),
        walk="resguardo.risks.tests.walk.WALK",
    )
