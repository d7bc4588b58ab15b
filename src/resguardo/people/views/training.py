"""Training pages: the course catalog, sessions with their attendance, the matrix."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.downloads import stored_file_response
from resguardo.core.exports import export_response
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..choices import PersonStatus, TrainingState
from ..exports import matrix_header, matrix_rows
from ..filtersets import MatrixFilterSet, SessionFilterSet
from ..forms import AttendanceForm, CourseForm, SessionForm
from .base import FormPage, PersonnelMixin


class CourseListView(OrganizationRequiredMixin, TemplateView):
    """The catalog holds no personal data: every member may read it."""

    template_name = "people/course_list.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "courses": selectors.course_list(membership=self.membership),
            "can_manage": self.can(Perm.MANAGE_COMPLIANCE),
        }


class CourseCreateView(FormPage):
    form_class = CourseForm
    title = gettext_lazy("New course")

    def perform(self, form):
        return services.course_create(actor=self.actor, **form.cleaned_data)

    def get_success_url(self):
        return reverse("people:course_list")

    get_cancel_url = get_success_url


class SessionListView(PersonnelMixin, FilteredListView):
    template_name = "people/session_list.html"
    partial_template_name = "people/partials/_session_rows.html"
    filterset_class = SessionFilterSet

    def get_base_queryset(self):
        return selectors.session_list(membership=self.membership)


class SessionCreateView(FormPage):
    form_class = SessionForm
    with_membership = True
    title = gettext_lazy("New training session")

    def perform(self, form):
        return services.session_create(actor=self.actor, **form.cleaned_data)

    def get_success_url(self):
        return reverse("people:session_detail", args=[self.object.pk])

    def get_cancel_url(self):
        return reverse("people:session_list")


class SessionDetailView(FormPage):
    """The session, its attendance list, and the tablet form to sign in one more attendee."""

    form_class = AttendanceForm
    template_name = "people/session_detail.html"
    success_message = gettext_lazy("Attendance recorded.")

    def get_session(self):
        if not hasattr(self, "_session"):
            self._session = selectors.session_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._session

    def get_context_data(self, **kwargs):
        session = self.get_session()
        return {
            **super().get_context_data(**kwargs),
            "session": session,
            "attendances": session.attendances.select_related("person").order_by(
                "person__name_key"
            ),
        }

    def perform(self, form):
        return services.attendance_add(
            actor=self.actor, session=self.get_session(), **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("people:session_detail", args=[self.kwargs["pk"]])


class CertificateView(PersonnelMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        attendance = get_object_or_404(
            selectors.attendance_list(membership=self.membership).exclude(file=""), pk=kwargs["pk"]
        )
        return stored_file_response(
            attendance.file, content_type=attendance.content_type, filename=attendance.original_name
        )


def _matrix_people(view):
    people = selectors.person_list(membership=view.membership).filter(status=PersonStatus.ACTIVE)
    filterset = MatrixFilterSet(view.request.GET or None, queryset=people, request=view.request)
    return filterset, (filterset.qs if filterset.is_bound else filterset.queryset)


class TrainingMatrixView(PersonnelMixin, TemplateView):
    template_name = "people/training_matrix.html"
    per_page = 50

    def get_template_names(self):
        if getattr(self.request, "htmx", False):
            return ["people/partials/_matrix_rows.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        filterset, people = _matrix_people(self)
        matrix = selectors.training_matrix(membership=self.membership, people=people)
        page = Paginator(matrix.rows, self.per_page).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return {
            **super().get_context_data(**kwargs),
            "filterset": filterset,
            "matrix": matrix,
            "page_obj": page,
            "rows": page.object_list,
            "query_string": query.urlencode(),
            "states": TrainingState,
        }


class TrainingMatrixExportView(PersonnelMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        _filterset, people = _matrix_people(self)
        matrix = selectors.training_matrix(membership=self.membership, people=people)
        services.personnel_exported(actor=self.actor, rows=len(matrix.rows), what="training matrix")
        return export_response(
            "xlsx",
            "matriz-capacitacion",
            _("Training matrix"),
            matrix_header(matrix),
            matrix_rows(matrix),
        )
