"""Pages reached without an account: the partner's questionnaire link."""

from django.urls import path

from .views import public

app_name = "partners_public"
urlpatterns = [
    path("<str:token>/", public.PublicQuestionnaireView.as_view(), name="questionnaire"),
]
