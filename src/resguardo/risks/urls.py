from django.urls import path

from .views import committee, plans, policies, register, reviews

app_name = "risks"
urlpatterns = [
    path("", register.RiskListView.as_view(), name="risk_list"),
    path("new/", register.RiskCreateView.as_view(), name="risk_create"),
    path("<int:pk>/", register.RiskDetailView.as_view(), name="risk_detail"),
    path("<int:pk>/edit/", register.RiskEditView.as_view(), name="risk_edit"),
    path("<int:pk>/action/", register.RiskActionCreateView.as_view(), name="risk_action"),
    path("export/", register.RegisterExportView.as_view(), name="register_export"),
    path("scale/", register.ScaleEditView.as_view(), name="scale_edit"),
    path("threats/", register.ThreatListView.as_view(), name="threat_list"),
    path("threats/new/", register.ThreatCreateView.as_view(), name="threat_create"),
    path("threats/<int:pk>/", register.ThreatEditView.as_view(), name="threat_edit"),
    path("reviews/", reviews.ReviewListView.as_view(), name="review_list"),
    path("reviews/sign/", reviews.ReviewCreateView.as_view(), name="review_create"),
    path("reviews/<int:pk>/", reviews.ReviewDetailView.as_view(), name="review_detail"),
    path("reviews/<int:pk>/export/", reviews.ReviewExportView.as_view(), name="review_export"),
    path("committee/", committee.CommitteeView.as_view(), name="committee"),
    path(
        "committee/members/new/",
        committee.CommitteeMemberCreateView.as_view(),
        name="committee_member_create",
    ),
    path(
        "committee/members/<int:pk>/",
        committee.CommitteeMemberEditView.as_view(),
        name="committee_member_edit",
    ),
    path("committee/meetings/new/", committee.MeetingCreateView.as_view(), name="meeting_create"),
    path(
        "committee/meetings/<int:pk>/", committee.MeetingDetailView.as_view(), name="meeting_detail"
    ),
    path("policies/", policies.PolicyListView.as_view(), name="policy_list"),
    path("policies/new/", policies.PolicyCreateView.as_view(), name="policy_create"),
    path("policies/<int:pk>/", policies.PolicyDetailView.as_view(), name="policy_detail"),
    path("policies/<int:pk>/edit/", policies.PolicyEditView.as_view(), name="policy_edit"),
    path(
        "policies/<int:pk>/versions/new/",
        policies.PolicyVersionCreateView.as_view(),
        name="policy_version_create",
    ),
    path(
        "policies/<int:pk>/acknowledge/",
        policies.PolicyAcknowledgeView.as_view(),
        name="policy_acknowledge",
    ),
    path(
        "policies/<int:pk>/reviewed/", policies.PolicyReviewedView.as_view(), name="policy_reviewed"
    ),
    path("plans/", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.PlanEditView.as_view(), name="plan_edit"),
    path("plans/<int:pk>/drills/new/", plans.DrillCreateView.as_view(), name="drill_create"),
]
