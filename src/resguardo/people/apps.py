from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import ApiPath, ApiRoute, Link, ResguardoModule, Urls
from resguardo.core.permissions import Perm

_API = "resguardo.people.api.views"
_PERSONNEL = Perm.MANAGE_COMPLIANCE  # personnel data: admin and compliance only


class PeopleConfig(AppConfig):
    name = "resguardo.people"
    label = "people"
    verbose_name = _("Personnel security and training")
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("people/", "resguardo.people.urls"),),
        api_routes=(
            ApiRoute("people", f"{_API}.PersonViewSet", "person"),
            ApiRoute("people-posts", f"{_API}.PostViewSet", "peoplepost"),
            ApiRoute("people-check-items", f"{_API}.CheckItemTypeViewSet", "checkitemtype"),
            ApiRoute("background-checks", f"{_API}.BackgroundCheckViewSet", "backgroundcheck"),
            ApiRoute("departures", f"{_API}.DepartureViewSet", "departure"),
            ApiRoute("acknowledgements", f"{_API}.AcknowledgementViewSet", "acknowledgement"),
            ApiRoute("courses", f"{_API}.CourseViewSet", "course"),
            ApiRoute("training-sessions", f"{_API}.TrainingSessionViewSet", "trainingsession"),
            ApiRoute("attendances", f"{_API}.AttendanceViewSet", "attendance"),
        ),
        api_paths=(ApiPath("training-matrix/", f"{_API}.TrainingMatrixView", "training_matrix"),),
        links=(
            Link(_("Personnel register"), "people:person_list", standard=8, perm=_PERSONNEL),
            Link(_("Posts and checks"), "people:post_list", standard=8),
            Link(_("Departures"), "people:departure_list", standard=8, perm=_PERSONNEL),
            Link(_("Acknowledgements"), "people:acknowledgements", standard=8, perm=_PERSONNEL),
            Link(_("Training matrix"), "people:training_matrix", standard=10, perm=_PERSONNEL),
            Link(_("Training sessions"), "people:session_list", standard=10, perm=_PERSONNEL),
            Link(_("Course catalog"), "people:course_list", standard=10),
        ),
        indicators="resguardo.people.indicators.INDICATORS",
        demo_seeder="resguardo.people.demo.seed_people",
        due_dates=("resguardo.people.providers.due_dates",),
        walk="resguardo.people.tests.walk.WALK",
    )
