"""Pages reached without an account: a site's anonymous reporting link."""

from django.urls import path

from .views import public

app_name = "incidents_public"
urlpatterns = [
    path("<str:token>/", public.AnonymousReportView.as_view(), name="report"),
    path("<str:token>/status/", public.ReceiptStatusView.as_view(), name="status"),
]
