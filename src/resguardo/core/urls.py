from django.urls import path

from .views import audit, dashboard, mailbox, members, organization, session, sites

app_name = "core"
urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("language/", session.set_language, name="set_language"),
    path("organization/switch/", session.OrganizationSwitchView.as_view(), name="org_switch"),
    path(
        "organization/",
        organization.OrganizationSettingsView.as_view(),
        name="organization_settings",
    ),
    path("organization/patentes/", organization.PatenteAddView.as_view(), name="patente_add"),
    path(
        "organization/patentes/<int:pk>/remove/",
        organization.PatenteRemoveView.as_view(),
        name="patente_remove",
    ),
    path("sites/", sites.SiteListView.as_view(), name="site_list"),
    path("sites/new/", sites.SiteCreateView.as_view(), name="site_create"),
    path("sites/<int:pk>/", sites.SiteDetailView.as_view(), name="site_detail"),
    path("sites/<int:pk>/edit/", sites.SiteUpdateView.as_view(), name="site_update"),
    path("members/", members.MemberListView.as_view(), name="member_list"),
    path("members/invite/", members.InvitationCreateView.as_view(), name="invitation_create"),
    path(
        "members/invitations/<int:pk>/revoke/",
        members.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path("members/<int:pk>/", members.MembershipEditView.as_view(), name="membership_edit"),
    path("audit/", audit.AuditLogView.as_view(), name="audit_log"),
    path("audit/<int:pk>/", audit.AuditEntryDetailView.as_view(), name="audit_entry"),
    path("mailbox/", mailbox.MailboxView.as_view(), name="mailbox"),
]
