from django.urls import path

from .views import incidents as i
from .views import notices as n
from .views import settings as s

app_name = "incidents"
urlpatterns = [
    path("", i.IncidentListView.as_view(), name="incident_list"),
    path("report/", i.IncidentReportView.as_view(), name="incident_report"),
    path("<int:pk>/", i.IncidentDetailView.as_view(), name="incident_detail"),
    path("<int:pk>/edit/", i.IncidentEditView.as_view(), name="incident_edit"),
    path("<int:pk>/checklist/", i.ChecklistMarkView.as_view(), name="checklist_mark"),
    path("<int:pk>/notes/", i.NoteAddView.as_view(), name="note_add"),
    path("<int:pk>/people/", i.PersonAddView.as_view(), name="person_add"),
    path("<int:pk>/evidence/", i.EvidenceAddView.as_view(), name="evidence_add"),
    path("<int:pk>/members/", i.AccessGrantView.as_view(), name="access_grant"),
    path("<int:pk>/actions/", i.ActionAddView.as_view(), name="action_add"),
    path("<int:pk>/notices/", i.NoticeAddView.as_view(), name="notice_add"),
    path("<int:pk>/close/", i.IncidentCloseView.as_view(), name="incident_close"),
    path("<int:pk>/reopen/", i.IncidentReopenView.as_view(), name="incident_reopen"),
    path("members/<int:pk>/remove/", i.AccessRevokeView.as_view(), name="access_revoke"),
    path("evidence/<int:pk>/", i.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("evidence/<int:pk>/custody/", i.EvidenceCustodyView.as_view(), name="evidence_custody"),
    path("notices/", n.NoticeListView.as_view(), name="notice_list"),
    path("notices/<int:pk>/file/", n.NoticeFileView.as_view(), name="notice_file"),
    path("notices/<int:pk>/waive/", n.NoticeWaiveView.as_view(), name="notice_waive"),
    path("statistics/", s.StatisticsView.as_view(), name="statistics"),
    path("categories/", s.CategoryListView.as_view(), name="category_list"),
    path("categories/new/", s.CategoryCreateView.as_view(), name="category_create"),
    path("categories/<int:pk>/", s.CategoryUpdateView.as_view(), name="category_update"),
    path("links/", s.LinkListView.as_view(), name="link_list"),
    path("links/new/", s.LinkCreateView.as_view(), name="link_create"),
    path("links/<int:pk>/poster/", s.LinkPosterView.as_view(), name="link_poster"),
    path("links/<int:pk>/revoke/", s.LinkRevokeView.as_view(), name="link_revoke"),
]
