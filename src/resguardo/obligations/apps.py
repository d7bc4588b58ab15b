from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import (
    ApiPath,
    ApiRoute,
    Link,
    Panel,
    ResguardoModule,
    Schedule,
    Urls,
)
from resguardo.core.permissions import Perm

_HERE = "resguardo.obligations"
_API = f"{_HERE}.api.views"


class ObligationsConfig(AppConfig):
    name = _HERE
    label = "obligations"
    verbose_name = _("Obligations calendar")
    resguardo = ResguardoModule(
        urls=(Urls("obligations/", f"{_HERE}.urls"),),
        api_routes=(
            ApiRoute("notifications", f"{_API}.NotificationViewSet", "notification"),
            ApiRoute(
                "recurring-obligations",
                f"{_API}.RecurringObligationViewSet",
                "recurringobligation",
            ),
        ),
        api_paths=(
            ApiPath("obligations/", f"{_API}.ObligationListView", "obligation_list"),
            ApiPath(
                "notification-preferences/",
                f"{_API}.PreferenceView",
                "notification_preferences",
            ),
            ApiPath("calendar-feed/", f"{_API}.FeedTokenView", "calendar_feed"),
        ),
        links=(
            Link(_("Obligations calendar"), "obligations:calendar"),
            Link(_("Yearly internal cycle"), "obligations:cycle_list", standard=1),
            Link(_("Reminder settings"), "obligations:policy", perm=Perm.MANAGE_COMPLIANCE),
        ),
        panels=(
            Panel("obligations/partials/_home_slot.html", f"{_HERE}.home.dashboard_slot"),
            Panel("obligations/partials/_bell.html", f"{_HERE}.home.bell", host="topbar"),
        ),
        schedules=(
            Schedule("obligations.reminders", "0 6 * * *", f"{_HERE}.tasks.send_reminders"),
            Schedule("obligations.email", "*/5 * * * *", f"{_HERE}.tasks.deliver_emails"),
            Schedule("obligations.daily_digest", "0 7 * * *", f"{_HERE}.tasks.daily_digests"),
            Schedule("obligations.weekly_digest", "0 7 * * 1", f"{_HERE}.tasks.weekly_digests"),
        ),
        background=(f"{_HERE}.scheduler.start_scheduler",),
        due_dates=(f"{_HERE}.due_dates.internal_cycle",),
        demo_seeder=f"{_HERE}.demo.seed",
        walk=f"{_HERE}.tests.walk.WALK",
    )
