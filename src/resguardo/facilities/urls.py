from django.urls import path

from .views import badges, checks, gate, sites

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
    path("profiles/", sites.ProfileListView.as_view(), name="profile_list"),
    path("profiles/<int:pk>/", sites.ProfileDetailView.as_view(), name="profile_detail"),
    path("sites/<int:site_pk>/profile/", sites.ProfileEditView.as_view(), name="profile_edit"),
    path("cameras/", sites.CameraListView.as_view(), name="camera_list"),
    path("cameras/new/", sites.CameraFormView.as_view(), name="camera_create"),
    path("cameras/<int:pk>/", sites.CameraFormView.as_view(), name="camera_edit"),
    path("checks/", checks.CheckListView.as_view(), name="check_list"),
    path("checks/new/", checks.CheckCreateView.as_view(), name="check_create"),
    path("checks/<int:pk>/", checks.CheckDetailView.as_view(), name="check_detail"),
    path("checks/<int:pk>/record/", checks.CheckRecordView.as_view(), name="check_record"),
    path("checks/<int:pk>/codes/", checks.CheckpointSheetView.as_view(), name="checkpoint_sheet"),
    path("runs/", checks.RunListView.as_view(), name="run_list"),
    path("runs/<int:pk>/", checks.RunDetailView.as_view(), name="run_detail"),
    path("runs/<int:pk>/finish/", checks.RoundFinishView.as_view(), name="round_finish"),
    path("scan/<str:code>/", checks.ScanView.as_view(), name="scan"),
]
