from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import (
    ApiPath,
    ApiRoute,
    Link,
    Panel,
    ResguardoModule,
    Subscription,
    Urls,
)

_API = "resguardo.partners.api.views"


class PartnersConfig(AppConfig):
    name = "resguardo.partners"
    label = "partners"
    verbose_name = _("Business partners")
    resguardo = ResguardoModule(
        urls=(
            Urls("partners/", "resguardo.partners.urls"),
            Urls("q/", "resguardo.partners.public_urls"),
        ),
        api_routes=(
            ApiRoute("partners", f"{_API}.PartnerViewSet", "partner"),
            ApiRoute("partner-addresses", f"{_API}.AddressViewSet", "partneraddress"),
            ApiRoute("partner-contacts", f"{_API}.ContactViewSet", "partnercontact"),
            ApiRoute("partner-documents", f"{_API}.DocumentViewSet", "partnerdocument"),
            ApiRoute(
                "partner-certifications", f"{_API}.CertificationViewSet", "partnercertification"
            ),
            ApiRoute(
                "partner-selection-decisions",
                f"{_API}.SelectionDecisionViewSet",
                "partnerselection",
            ),
            ApiRoute("partner-agreements", f"{_API}.AgreementViewSet", "partneragreement"),
            ApiRoute(
                "partner-questionnaires", f"{_API}.QuestionnaireViewSet", "partnerquestionnaire"
            ),
            ApiRoute("partner-reviews", f"{_API}.ReviewViewSet", "partnerreview"),
            ApiRoute("partner-findings", f"{_API}.FindingViewSet", "partnerfinding"),
            ApiRoute("screening-hits", f"{_API}.HitViewSet", "screeninghit"),
            ApiRoute("screening-runs", f"{_API}.ScreeningRunViewSet", "screeningrun"),
            ApiRoute("watchlist-versions", f"{_API}.ListVersionViewSet", "listversion"),
            ApiRoute("watchlist-entries", f"{_API}.ListEntryViewSet", "listentry"),
        ),
        api_paths=(ApiPath("partner-policy/", f"{_API}.PartnerPolicyView", "partner_policy"),),
        links=(
            Link(_("Business partners"), "partners:partner_list", standard=4),
            Link(_("Reviews and calendar"), "partners:review_schedule", standard=4),
            Link(_("Security questionnaires"), "partners:questionnaire_list", standard=4),
            Link(_("Watchlist hits"), "partners:hit_list", standard=4),
            Link(_("Watchlists (SAT, OFAC)"), "partners:watchlist_list", standard=4),
        ),
        panels=(
            Panel(
                "partners/partials/_dashboard_panel.html",
                "resguardo.partners.selectors.dashboard_summary",
            ),
        ),
        indicators="resguardo.partners.indicators.INDICATORS",
        subscriptions=(
            Subscription(
                "resguardo.partners.events.PartnerBlocked",
                "resguardo.partners.handlers.alert_compliance_officers",
            ),
        ),
        demo_seeder="resguardo.partners.demo.seed_partners",
        counterparty_checks=("resguardo.partners.counterparty.blocked_partner_reasons",),
        due_dates=(
            "resguardo.partners.due_dates.partner_reviews",
            "resguardo.partners.due_dates.questionnaires",
            "resguardo.partners.due_dates.certification_expiry",
            "resguardo.partners.due_dates.review_findings",
        ),
        walk="resguardo.partners.tests.walk.WALK",
    )
