from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..access import can_manage
from ..filtersets import EvidenceFilterSet
from ..forms import EvidenceEditForm, EvidenceForm, RevisionForm
from .base import ComplianceFormMixin, changes_from, form_initial


class EvidenceListView(FilteredListView):
    template_name = "compliance/evidence_list.html"
    partial_template_name = "compliance/partials/_evidence_rows.html"
    filterset_class = EvidenceFilterSet

    def get_base_queryset(self):
        return selectors.evidence_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=can_manage(self.membership), **kwargs)


class EvidenceCreateView(OrganizationRequiredMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        post = self.request.method == "POST"
        return EvidenceForm(
            data=self.request.POST if post else None,
            files=self.request.FILES if post else None,
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New evidence"), cancel_url="compliance:evidence_list", multipart=True,
            **kwargs,
        )  # fmt: skip

    def perform(self, form):
        return services.evidence_create(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Evidence filed."))
        return redirect(self.object.get_absolute_url())


class EvidenceMixin(OrganizationRequiredMixin):
    def get_evidence(self):
        if not hasattr(self, "_evidence"):
            self._evidence = selectors.evidence_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._evidence


class EvidenceDetailView(EvidenceMixin, DetailView):
    template_name = "compliance/evidence_detail.html"
    context_object_name = "evidence"

    def get_object(self, queryset=None):
        return self.get_evidence()

    def get_context_data(self, **kwargs):
        evidence = self.get_evidence()
        context = super().get_context_data(
            revisions=selectors.evidence_revisions(evidence=evidence),
            results=selectors.evidence_results(membership=self.membership, evidence=evidence),
            can_manage=can_manage(self.membership),
            **kwargs,
        )
        if context["can_manage"] and evidence.kind == "file":
            context["revision_form"] = RevisionForm(initial={"version": evidence.version})
        return context


class EvidenceUpdateView(EvidenceMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    fields = ("title", "url", "classification", "valid_until", "site", "owner", "description")

    def get_form(self, form_class=None):
        return EvidenceEditForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial=form_initial(self.get_evidence(), self.fields),
            membership=self.membership,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit evidence"), cancel_object=self.get_evidence(), **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        return services.evidence_update(
            actor=self.actor,
            evidence=self.get_evidence(),
            expected_version=version,
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("Evidence saved."))
        return redirect(self.object.get_absolute_url())


class EvidenceReviseView(EvidenceMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        post = self.request.method == "POST"
        return RevisionForm(
            data=self.request.POST if post else None,
            files=self.request.FILES if post else None,
            initial={"version": self.get_evidence().version},
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Upload a new revision"), cancel_object=self.get_evidence(), multipart=True,
            **kwargs,
        )  # fmt: skip

    def perform(self, form):
        data, version = changes_from(form)
        return services.evidence_revise(
            actor=self.actor,
            evidence=self.get_evidence(),
            expected_version=version,
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("New revision uploaded; the earlier ones are kept."))
        return redirect(self.object.get_absolute_url())


def file_download(revision):
    """A stored file as an attachment, never rendered by the browser."""
    return stored_file_response(
        revision.file, content_type=revision.content_type, filename=revision.original_name
    )


class EvidenceDownloadView(EvidenceMixin, View):
    """Downloads go through here only: organization, site and classification are checked
    (confidential items answer 404 to roles that may not see them)."""

    def get(self, request, pk, number=None):
        evidence = self.get_evidence()
        if number is None:
            revision = evidence.current_revision
            if revision is None:
                messages.error(request, _("This evidence is a link; it has no file."))
                return redirect(evidence.get_absolute_url())
        else:
            revision = selectors.evidence_revision_get(
                membership=self.membership, evidence_pk=pk, number=number
            )
        return file_download(revision)
