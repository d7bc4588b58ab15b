from django.urls import path

from .views import partners, questionnaires, records, reviews, screening, settings, watchlists

app_name = "partners"
urlpatterns = [
    path("", partners.PartnerListView.as_view(), name="partner_list"),
    path("new/", partners.PartnerCreateView.as_view(), name="partner_create"),
    path("import/", partners.PartnerImportView.as_view(), name="partner_import"),
    path("export.xlsx", partners.PartnerExportView.as_view(), name="partner_export"),
    path("<int:pk>/", partners.PartnerDetailView.as_view(), name="partner_detail"),
    path("<int:pk>/edit/", partners.PartnerUpdateView.as_view(), name="partner_update"),
    path("<int:pk>/risk/", partners.PartnerRiskView.as_view(), name="partner_risk"),
    path("<int:pk>/screen/", partners.PartnerScreenView.as_view(), name="partner_screen"),
    path("<int:pk>/addresses/new/", records.AddressAddView.as_view(), name="address_add"),
    path("addresses/<int:pk>/remove/", records.AddressRemoveView.as_view(), name="address_remove"),
    path("<int:pk>/contacts/new/", records.ContactAddView.as_view(), name="contact_add"),
    path("contacts/<int:pk>/remove/", records.ContactRemoveView.as_view(), name="contact_remove"),
    path("<int:pk>/documents/new/", records.DocumentUploadView.as_view(), name="document_upload"),
    path(
        "documents/<int:pk>/download/",
        records.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("certifications/", records.CertificationListView.as_view(), name="certification_list"),
    path(
        "<int:pk>/certifications/new/",
        records.CertificationCreateView.as_view(),
        name="certification_create",
    ),
    path(
        "certifications/<int:pk>/edit/",
        records.CertificationUpdateView.as_view(),
        name="certification_update",
    ),
    path(
        "certifications/<int:pk>/delete/",
        records.CertificationDeleteView.as_view(),
        name="certification_delete",
    ),
    path("<int:pk>/selection/new/", records.SelectionDecideView.as_view(), name="selection_decide"),
    path("selection/<int:pk>/", records.SelectionDetailView.as_view(), name="selection_detail"),
    path(
        "<int:pk>/agreements/new/", records.AgreementCreateView.as_view(), name="agreement_create"
    ),
    path(
        "agreements/<int:pk>/edit/", records.AgreementUpdateView.as_view(), name="agreement_update"
    ),
    path(
        "<int:pk>/questionnaires/new/",
        questionnaires.QuestionnaireSendView.as_view(),
        name="questionnaire_send",
    ),
    path(
        "questionnaires/", questionnaires.QuestionnaireListView.as_view(), name="questionnaire_list"
    ),
    path(
        "questionnaires/<int:pk>/",
        questionnaires.QuestionnaireDetailView.as_view(),
        name="questionnaire_detail",
    ),
    path(
        "questionnaires/<int:pk>/accept/",
        questionnaires.QuestionnaireAcceptView.as_view(),
        name="questionnaire_accept",
    ),
    path(
        "questionnaires/<int:pk>/corrections/",
        questionnaires.QuestionnaireCorrectionsView.as_view(),
        name="questionnaire_corrections",
    ),
    path(
        "questionnaires/<int:pk>/revoke/",
        questionnaires.QuestionnaireRevokeView.as_view(),
        name="questionnaire_revoke",
    ),
    path("<int:pk>/reviews/new/", reviews.ReviewCreateView.as_view(), name="review_create"),
    path("reviews/", reviews.ReviewScheduleView.as_view(), name="review_schedule"),
    path("reviews/calendar/", reviews.ReviewCalendarView.as_view(), name="review_calendar"),
    path(
        "reviews/calendar.ics", reviews.ReviewCalendarIcsView.as_view(), name="review_calendar_ics"
    ),
    path("reviews/<int:pk>/", reviews.ReviewDetailView.as_view(), name="review_detail"),
    path("reviews/<int:pk>/findings/new/", reviews.FindingAddView.as_view(), name="finding_add"),
    path("findings/", reviews.FindingListView.as_view(), name="finding_list"),
    path("findings/<int:pk>/close/", reviews.FindingCloseView.as_view(), name="finding_close"),
    path("hits/", screening.HitListView.as_view(), name="hit_list"),
    path("hits/<int:pk>/", screening.HitDetailView.as_view(), name="hit_detail"),
    path("screening/", screening.ScreeningRunListView.as_view(), name="screening_runs"),
    path("screening/run/", screening.ScreenAllView.as_view(), name="screen_all"),
    path("watchlists/", watchlists.WatchlistListView.as_view(), name="watchlist_list"),
    path("watchlists/upload/", watchlists.ListUploadView.as_view(), name="watchlist_upload"),
    path(
        "watchlists/<int:pk>/",
        watchlists.ListVersionDetailView.as_view(),
        name="list_version_detail",
    ),
    path(
        "watchlists/<int:pk>/download/",
        watchlists.ListVersionDownloadView.as_view(),
        name="list_version_download",
    ),
    path("settings/", settings.PolicyView.as_view(), name="policy"),
]
