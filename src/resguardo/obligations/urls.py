from django.urls import path

from .views import calendar, cycle, notifications, settings

app_name = "obligations"

urlpatterns = [
    path("", calendar.CalendarMonthView.as_view(), name="calendar"),
    path("list/", calendar.CalendarListView.as_view(), name="calendar_list"),
    path("home/", calendar.HomePanelView.as_view(), name="home"),
    path("cycle/", cycle.CycleListView.as_view(), name="cycle_list"),
    path("cycle/new/", cycle.CycleCreateView.as_view(), name="cycle_create"),
    path("cycle/setup/", cycle.CycleSetupView.as_view(), name="cycle_setup"),
    path("cycle/<int:pk>/", cycle.CycleDetailView.as_view(), name="cycle_detail"),
    path("cycle/<int:pk>/edit/", cycle.CycleUpdateView.as_view(), name="cycle_update"),
    path("cycle/<int:pk>/done/", cycle.CycleDoneView.as_view(), name="cycle_done"),
    path("reminders/", settings.PolicyView.as_view(), name="policy"),
    path("notifications/", notifications.NotificationListView.as_view(), name="notification_list"),
    path(
        "notifications/<int:pk>/read/",
        notifications.NotificationReadView.as_view(),
        name="notification_read",
    ),
    path(
        "notifications/read-all/",
        notifications.NotificationReadAllView.as_view(),
        name="notification_read_all",
    ),
    path("notifications/bell/", notifications.BellView.as_view(), name="bell"),
    path("preferences/", settings.PreferencesView.as_view(), name="preferences"),
    path("preferences/feed/", settings.FeedCreateView.as_view(), name="feed_create"),
    path("preferences/feed/revoke/", settings.FeedRevokeView.as_view(), name="feed_revoke"),
    path("feed/<str:token>.ics", settings.FeedView.as_view(), name="feed"),
]
