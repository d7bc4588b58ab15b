"""The personnel register pages: list, file, edit, photo, acknowledgements, export,
HR import and the people policy."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.downloads import stored_file_response
from resguardo.core.exports import export_format, export_response
from resguardo.core.tabular.views import StagedImportView
from resguardo.core.views.lists import FilteredListView

from .. import selectors, services
from ..exports import PERSON_HEADER, person_rows
from ..filtersets import PersonFilterSet
from ..forms import (
    AcknowledgementForm,
    PeopleImportForm,
    PersonForm,
    PhotoForm,
    PolicyForm,
)
from ..models import PersonPhoto
from ..services.holdings import customs_badges_held
from .base import PERSONNEL, FormPage, PersonnelMixin


class PersonListView(PersonnelMixin, FilteredListView):
    template_name = "people/person_list.html"
    partial_template_name = "people/partials/_person_rows.html"
    filterset_class = PersonFilterSet

    def get_base_queryset(self):
        return selectors.person_list(membership=self.membership)


class PersonExportView(PersonnelMixin, TemplateView):
    """The filtered register as CSV or XLSX; the export is written to the audit log."""

    def get(self, request, *args, **kwargs):
        file_format = export_format(request)
        filterset = PersonFilterSet(
            request.GET or None,
            queryset=selectors.person_list(membership=self.membership),
            request=request,
        )
        people = filterset.qs if filterset.is_bound else filterset.queryset
        people = list(people.select_related("user"))
        services.personnel_exported(actor=self.actor, rows=len(people), what="register")
        return export_response(
            file_format, "personal", _("Personnel"), PERSON_HEADER(), person_rows(people)
        )


class PersonDetailView(PersonnelMixin, TemplateView):
    """The personnel file. Reading it writes an audit entry."""

    template_name = "people/person_detail.html"

    def get_context_data(self, **kwargs):
        person = selectors.person_get(membership=self.membership, pk=kwargs["pk"])
        services.person_file_read(actor=self.actor, person=person)
        policy = selectors.policy_get(organization=self.membership.organization)
        from ..rules import add_months, recheck_due_on

        return {
            **super().get_context_data(**kwargs),
            "person": person,
            "photo": person.photos.first(),
            "photo_due": add_months(person.photo_taken_on, 60) if person.photo_taken_on else None,
            "recheck_due": recheck_due_on(person, recheck_months=policy.recheck_months),
            "checks": person.checks.all(),
            "badges": customs_badges_held(actor=self.actor, person=person),
            "acknowledgements": person.acknowledgements.all(),
            "attendances": person.attendances.select_related("session", "course").order_by(
                "-held_on"
            ),
            "departure": getattr(person, "departure", None),
            "required_courses": person.post.course_rules.select_related("course"),
        }


class PersonCreateView(FormPage):
    form_class = PersonForm
    with_membership = True
    title = gettext_lazy("Register a person")
    submit_label = gettext_lazy("Register")

    def perform(self, form):
        return services.person_create(actor=self.actor, **form.service_data())

    def get_success_url(self):
        return reverse("people:person_detail", args=[self.object.pk])


class PersonEditView(FormPage):
    form_class = PersonForm
    with_membership = True
    title = gettext_lazy("Edit personnel data")

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = selectors.person_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._person

    def get_initial(self):
        person = self.get_person()
        initial = {name: getattr(person, name) for name in services.register.PERSON_FIELDS}
        initial["version"] = person.version
        return initial

    def perform(self, form):
        return services.person_update(
            actor=self.actor,
            person=self.get_person(),
            expected_version=form.cleaned_data.get("version"),
            **form.service_data(),
        )

    def get_cancel_url(self):
        return reverse("people:person_detail", args=[self.kwargs["pk"]])

    get_success_url = get_cancel_url


class _PersonForm(FormPage):
    """A form about one person of the register."""

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = selectors.person_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._person

    def get_title(self):
        return f"{self.title}: {self.get_person().full_name}"

    def get_cancel_url(self):
        return reverse("people:person_detail", args=[self.kwargs["pk"]])

    get_success_url = get_cancel_url


class PhotoAddView(_PersonForm):
    form_class = PhotoForm
    title = gettext_lazy("New photo")
    intro = gettext_lazy("The photo on the personnel file is renewed at least every five years.")
    success_message = gettext_lazy("Photo saved.")

    def perform(self, form):
        return services.person_photo_add(
            actor=self.actor,
            person=self.get_person(),
            photo=form.cleaned_data["photo"],
            taken_on=form.cleaned_data["taken_on"],
        )


class PhotoView(PersonnelMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        photo = get_object_or_404(
            PersonPhoto.objects.filter(
                organization=self.membership.organization,
                person__in=selectors.person_list(membership=self.membership),
            ),
            pk=kwargs["pk"],
        )
        return stored_file_response(
            photo.file,
            content_type=photo.content_type,
            filename=photo.original_name,
            attachment=False,
        )


class AcknowledgeView(_PersonForm):
    form_class = AcknowledgementForm
    title = gettext_lazy("Acknowledgement")
    intro = gettext_lazy("The person reads the document and types their name to sign.")
    success_message = gettext_lazy("Acknowledgement recorded.")

    def get_initial(self):
        policy = selectors.policy_get(organization=self.membership.organization)
        return {"version": policy.code_of_conduct_version}

    def perform(self, form):
        return services.acknowledgement_record(
            actor=self.actor, person=self.get_person(), **form.cleaned_data
        )


class AcknowledgementsView(PersonnelMixin, TemplateView):
    template_name = "people/acknowledgements.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "coverage": selectors.acknowledgement_coverage(membership=self.membership),
            "recent": selectors.acknowledgement_list(membership=self.membership)[:50],
        }


class PolicyView(FormPage):
    form_class = PolicyForm
    title = gettext_lazy("People policy")
    intro = gettext_lazy(
        "The clock for departures, the re-check interval of sensitive posts, and the current "
        "versions of the documents people acknowledge."
    )
    success_message = gettext_lazy("Policy saved.")

    def get_initial(self):
        policy = selectors.policy_get(organization=self.membership.organization)
        initial = {name: getattr(policy, name) for name in services.register.POLICY_FIELDS}
        initial["version"] = policy.version
        return initial

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.policy_update(actor=self.actor, expected_version=version, **data)

    def get_success_url(self):
        return reverse("people:policy")


class PeopleImportView(PersonnelMixin, StagedImportView):
    form_class = PeopleImportForm
    template_name = "people/person_import.html"
    required_perm = PERSONNEL
    import_kind = "people"

    def run_import(self, *, data, file_name, options, dry_run):
        from resguardo.core.actors import Actor

        return services.people_import(
            actor=Actor.from_request(self.request),
            file_name=file_name,
            content=data,
            dry_run=dry_run,
        )

    def done(self, report):
        messages.success(
            self.request,
            _("%(n)s people imported.") % {"n": report.written},
        )
        return redirect("people:person_list")
