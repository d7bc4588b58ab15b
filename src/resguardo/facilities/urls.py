from django.urls import path

from .views import badges, gate

app_name = "facilities"
urlpatterns = [
    path("gate/", gate.CheckInView.as_view(), name="check_in"),
    path("gate/on-site/", gate.OnSiteView.as_view(), name="on_site"),
    path("gate/check-out/", gate.CheckOutByBadgeView.as_view(), name="check_out_badge"),
    path("gate/policy/", badges.GatePolicyView.as_view(), name="gate_policy"),
    path("visits/", gate.VisitListView.as_view(), name="visit_list"),
    path("visits/<int:pk>/", gate.VisitDetailView.as_view(), name="visit_detail"),
    path("visits/<int:pk>/photo/", gate.VisitPhotoView.as_view(), name="visit_photo"),
    path("visits/<int:pk>/check-out/", gate.CheckOutView.as_view(), name="check_out"),
    path("badges/", badges.BadgeListView.as_view(), name="badge_list"),
    path("badges/new/", badges.BadgeRegisterView.as_view(), name="badge_register"),
    path("badges/<int:pk>/", badges.BadgeDetailView.as_view(), name="badge_detail"),
    path("badges/<int:pk>/issue/", badges.BadgeIssueView.as_view(), name="badge_issue"),
    path("badges/<int:pk>/return/", badges.BadgeReturnView.as_view(), name="badge_return"),
    path("badges/<int:pk>/lost/", badges.BadgeLostView.as_view(), name="badge_lost"),
    path("denied/", badges.DeniedListView.as_view(), name="denied_list"),
    path("denied/new/", badges.DeniedAddView.as_view(), name="denied_add"),
    path("denied/<int:pk>/lift/", badges.DeniedLiftView.as_view(), name="denied_lift"),
]
