"""The incident list, the phone report form, the investigation file and its sub-forms."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm
from resguardo.core.selectors import recordable_sites
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import access, selectors, services
from ..choices import ChecklistItem
from ..filtersets import IncidentFilterSet
from ..forms import (
    AccessForm,
    ActionForm,
    ChecklistForm,
    CloseForm,
    EvidenceForm,
    IncidentEditForm,
    NoteForm,
    NoticeForm,
    PersonForm,
    ReopenForm,
    ReportForm,
)
from .common import IncidentFormView, actor_of, member_users


class IncidentListView(FilteredListView):
    template_name = "incidents/incident_list.html"
    partial_template_name = "incidents/partials/_incident_rows.html"
    filterset_class = IncidentFilterSet
    paginate_by = 50

    def get_base_queryset(self):
        return selectors.incident_list(membership=self.membership)


class IncidentReportView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """The phone form any member with Perm.RECORD uses to report what they saw."""

    template_name = "incidents/report_form.html"
    form_class = ReportForm
    required_perm = Perm.RECORD

    def get_form_kwargs(self):
        services.categories_ensure(organization=self.membership.organization)
        return super().get_form_kwargs() | {
            "sites": recordable_sites(membership=self.membership),
            "categories": selectors.category_list(membership=self.membership, active_only=True),
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.incident_report(actor=actor_of(self), **data)

    def success(self, form):
        messages.success(
            self.request,
            _("Report %(ref)s sent to the compliance officers. Thank you.")
            % {"ref": self.object.reference},
        )
        if access.can_work_on(self.membership, self.object) or not self.object.confidential:
            return redirect(self.object.get_absolute_url())
        return redirect("incidents:incident_list")


class IncidentDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "incidents/incident_detail.html"

    def get_context_data(self, **kwargs):
        incident = selectors.incident_file(membership=self.membership, pk=self.kwargs["pk"])
        checklist = incident.checklist or {}
        officer = access.sees_everything(self.membership)
        return super().get_context_data(
            incident=incident,
            checklist=[
                {"key": key, "label": label, **checklist.get(key, {})}
                for key, label in ChecklistItem.choices
            ],
            officer=officer,
            can_work=access.can_work_on(self.membership, incident),
            note_form=NoteForm(),
            person_form=PersonForm(),
            evidence_form=EvidenceForm(),
            **kwargs,
        )


class IncidentEditView(IncidentFormView):
    form_class = IncidentEditForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Edit the investigation file")
    success_text = gettext_lazy("Saved.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "categories": selectors.category_list(membership=self.membership)
        }

    def get_initial(self):
        i = self.incident
        return {name: getattr(i, name) for name in services.investigation.DETAIL_FIELDS} | {
            "version": i.version
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.incident_update(
            actor=actor_of(self), incident=self.incident, expected_version=version, **data
        )


class ChecklistMarkView(IncidentFormView):
    form_class = ChecklistForm
    title = gettext_lazy("Investigation checklist")
    success_text = gettext_lazy("Checklist updated.")

    def perform(self, form):
        return services.checklist_mark(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class NoteAddView(IncidentFormView):
    form_class = NoteForm
    title = gettext_lazy("Add to the timeline")
    success_text = gettext_lazy("Added to the timeline.")

    def perform(self, form):
        return services.note_add(actor=actor_of(self), incident=self.incident, **form.cleaned_data)


class PersonAddView(IncidentFormView):
    form_class = PersonForm
    title = gettext_lazy("Person involved")
    success_text = gettext_lazy("Person added.")

    def perform(self, form):
        return services.person_add(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class EvidenceAddView(IncidentFormView):
    form_class = EvidenceForm
    title = gettext_lazy("Add evidence")
    success_text = gettext_lazy("Evidence added with its SHA-256 fingerprint.")

    def perform(self, form):
        return services.evidence_add(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class AccessGrantView(IncidentFormView):
    form_class = AccessForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Add a member to the case")
    success_text = gettext_lazy("Member added to the case.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"users": member_users(self.membership)}

    def perform(self, form):
        return services.access_grant(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class ActionAddView(IncidentFormView):
    form_class = ActionForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Raise a corrective action")
    success_text = gettext_lazy("Action raised in the action plan.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"users": member_users(self.membership)}

    def perform(self, form):
        return services.action_add(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class NoticeAddView(IncidentFormView):
    form_class = NoticeForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Add a notice")
    success_text = gettext_lazy("Notice added with its due time.")

    def perform(self, form):
        return services.notice_add(
            actor=actor_of(self), incident=self.incident, **form.cleaned_data
        )


class IncidentCloseView(IncidentFormView):
    form_class = CloseForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Close the incident")
    success_text = gettext_lazy("Incident closed.")

    def get_initial(self):
        i = self.incident
        return {
            "root_cause": i.root_cause,
            "lessons_learned": i.lessons_learned,
            "version": i.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.incident_close(
            actor=actor_of(self), incident=self.incident, expected_version=version, **data
        )


class IncidentReopenView(IncidentFormView):
    form_class = ReopenForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Reopen the incident")
    success_text = gettext_lazy("Incident reopened; the reopening is recorded.")

    def get_initial(self):
        return {"version": self.incident.version}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.incident_reopen(
            actor=actor_of(self), incident=self.incident, expected_version=version, **data
        )


class AccessRevokeView(OrganizationRequiredMixin, View):
    required_perm = Perm.MANAGE_COMPLIANCE
    http_method_names = ["post"]

    def post(self, request, pk):
        grant = selectors.access_get(membership=self.membership, pk=pk)
        services.access_revoke(actor=actor_of(self), access=grant)
        messages.success(request, _("Member removed from the case."))
        return redirect(grant.incident.get_absolute_url())


class EvidenceDownloadView(OrganizationRequiredMixin, View):
    """Every opening is recorded before the file is sent (the chain of custody)."""

    def get(self, request, pk):
        evidence = selectors.evidence_get(membership=self.membership, pk=pk)
        services.evidence_view_record(actor=actor_of(self), evidence=evidence)
        inline = evidence.content_type.startswith("image/")
        return stored_file_response(
            evidence.file,
            content_type=evidence.content_type,
            filename=evidence.original_name or f"evidence-{evidence.pk}",
            attachment=not inline,
        )


class EvidenceCustodyView(OrganizationRequiredMixin, TemplateView):
    template_name = "incidents/evidence_custody.html"

    def get_context_data(self, **kwargs):
        evidence = selectors.evidence_get(membership=self.membership, pk=self.kwargs["pk"])
        return super().get_context_data(
            evidence=evidence,
            views=selectors.evidence_custody(evidence=evidence),
            **kwargs,
        )
