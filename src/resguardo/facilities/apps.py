from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiPath, ApiRoute, Link, Panel, ResguardoModule, Urls
from resguardo.core.permissions import Perm

_HERE = "resguardo.facilities"
_API = f"{_HERE}.api.views"


class FacilitiesConfig(AppConfig):
    name = _HERE
    label = "facilities"
    verbose_name = _("Physical security and access control")
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("facilities/", f"{_HERE}.urls"),),
        api_routes=(
            ApiRoute("visits", f"{_API}.VisitViewSet", "visit"),
            ApiRoute("badges", f"{_API}.BadgeViewSet", "badge"),
            ApiRoute("site-profiles", f"{_API}.SiteProfileViewSet", "siteprofile"),
            ApiRoute("cameras", f"{_API}.CameraViewSet", "camera"),
            ApiRoute("check-types", f"{_API}.CheckTypeViewSet", "checktype"),
            ApiRoute("check-runs", f"{_API}.CheckRunViewSet", "checkrun"),
            ApiRoute("keys", f"{_API}.KeyViewSet", "key"),
            ApiRoute("key-audits", f"{_API}.KeyAuditViewSet", "keyaudit"),
            ApiRoute("challenges", f"{_API}.ChallengeViewSet", "challenge"),
            ApiRoute("packages", f"{_API}.PackageViewSet", "package"),
            ApiRoute("guards", f"{_API}.GuardViewSet", "guard"),
            ApiRoute("denied-persons", f"{_API}.DeniedPersonViewSet", "deniedperson"),
        ),
        api_paths=(ApiPath("gate-policy/", f"{_API}.GatePolicyView", "gate_policy"),),
        links=(
            Link(_("Site security profiles"), "facilities:profile_list", standard=2),
            Link(_("CCTV cameras"), "facilities:camera_list", standard=2),
            Link(_("Checks and rounds"), "facilities:check_list", standard=2),
            Link(_("Keys and locks"), "facilities:key_list", standard=2),
            Link(_("Gate check-in"), "facilities:check_in", standard=3, perm=Perm.RECORD),
            Link(_("Who is on site"), "facilities:on_site", standard=3),
            Link(_("Visitor log"), "facilities:visit_list", standard=3),
            Link(_("Badges"), "facilities:badge_list", standard=3),
            Link(_("Denied persons"), "facilities:denied_list", standard=3),
            Link(_("Unauthorized persons or vehicles"), "facilities:challenge_list", standard=3),
            Link(_("Mail and packages"), "facilities:package_list", standard=3),
            Link(_("Security guards"), "facilities:guard_list", standard=3),
            Link(
                _("Gate privacy and retention"),
                "facilities:gate_policy",
                standard=3,
                perm=Perm.MANAGE_COMPLIANCE,
            ),
        ),
        panels=(Panel("facilities/partials/_dashboard.html", f"{_HERE}.panels.dashboard_panel"),),
        indicators=f"{_HERE}.indicators.INDICATORS",
        demo_seeder=f"{_HERE}.demo.seed_facilities",
        held_items=(f"{_HERE}.holdings.held_items",),
        due_dates=(f"{_HERE}.schedule.due_dates",),
        walk=f"{_HERE}.tests.walk.WALK",
    )
