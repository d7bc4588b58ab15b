"""Report pages and downloads. Every assessment is fetched through the compliance selectors,
so another organization's (or another site's) assessment answers 404."""

import hashlib
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.compliance import selectors
from resguardo.compliance.access import can_manage
from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin

from . import downloads
from .choices import ReportLanguage
from .forms import WorkbookImportForm
from .xlsx_import import import_workbook

PENDING_KEY = "reports_workbook_pending"
PENDING_FOLDER = "reports/imports"
RECENT_LIMIT = 50


class ReportIndexView(OrganizationRequiredMixin, TemplateView):
    """Every assessment the person may see, with its reports."""

    template_name = "reports/index.html"

    def get_context_data(self, **kwargs):
        assessments = selectors.assessment_list(membership=self.membership).order_by("-created_at")[
            :RECENT_LIMIT
        ]
        return super().get_context_data(
            assessments=assessments, languages=ReportLanguage.choices, **kwargs
        )


class AssessmentReportMixin(OrganizationRequiredMixin):
    def get_assessment(self):
        if not hasattr(self, "_assessment"):
            self._assessment = selectors.assessment_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._assessment


class AssessmentReportsView(AssessmentReportMixin, TemplateView):
    template_name = "reports/assessment_reports.html"

    def get_context_data(self, **kwargs):
        assessment = self.get_assessment()
        return super().get_context_data(
            assessment=assessment,
            languages=ReportLanguage.choices,
            can_import=can_manage(self.membership) and not assessment.is_frozen,
            **kwargs,
        )


class DownloadView(AssessmentReportMixin, View):
    """GET a report of one assessment; `?lang=es|en` (default: the page language)."""

    respond = None  # one of the `downloads` functions, as a staticmethod

    def get(self, request, pk):
        return self.respond(
            membership=self.membership,
            assessment=self.get_assessment(),
            language=request.GET.get("lang"),
        )


class PdfDownloadView(DownloadView):
    respond = staticmethod(downloads.pdf_response)


class WorkbookDownloadView(DownloadView):
    respond = staticmethod(downloads.workbook_response)


class OscalDownloadView(DownloadView):
    respond = staticmethod(downloads.oscal_response)


class EvidencePackageView(DownloadView):
    respond = staticmethod(downloads.package_response)


class WorkbookImportView(AssessmentReportMixin, FormView):
    """Upload the edited workbook. A dry run shows what would change and keeps the file (in
    storage, named in the session) so the person can apply exactly what they saw."""

    template_name = "reports/import.html"
    form_class = WorkbookImportForm
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_context_data(self, **kwargs):
        return super().get_context_data(assessment=self.get_assessment(), **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self._confirm()
        return super().post(request, *args, **kwargs)

    def _import(self, file, *, dry_run, file_name):
        return import_workbook(
            actor=self.request.user,
            membership=self.membership,
            assessment=self.get_assessment(),
            file=file,
            dry_run=dry_run,
            file_name=file_name,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        self._discard_pending()
        try:
            report = self._import(upload, dry_run=dry_run, file_name=upload.name)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.form_invalid(form)
        if report.applied:
            return self._done(report)
        if dry_run and report.ok and report.changes:
            self._keep_pending(upload, report)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def _keep_pending(self, upload, report):
        upload.seek(0)
        body = upload.read()
        name = default_storage.save(f"{PENDING_FOLDER}/{uuid.uuid4().hex}.xlsx", ContentFile(body))
        self.request.session[PENDING_KEY] = {
            "name": name,
            "sha256": hashlib.sha256(body).hexdigest(),
            "assessment": self.get_assessment().pk,
            "organization": self.membership.organization_id,
            "file_name": report.file_name,
        }

    def _discard_pending(self):
        pending = self.request.session.pop(PENDING_KEY, None)
        if pending and default_storage.exists(pending["name"]):
            default_storage.delete(pending["name"])

    def _confirm(self):
        assessment = self.get_assessment()
        pending = self.request.session.get(PENDING_KEY)
        if (
            not pending
            or pending["organization"] != self.membership.organization_id
            or pending["assessment"] != assessment.pk
            or not default_storage.exists(pending["name"])
        ):
            messages.error(self.request, _("Nothing to apply: upload the file again."))
            return redirect("reports:assessment_import", pk=assessment.pk)
        with default_storage.open(pending["name"], "rb") as handle:
            body = handle.read()
        self._discard_pending()
        if hashlib.sha256(body).hexdigest() != pending["sha256"]:
            messages.error(self.request, _("The checked file changed: upload it again."))
            return redirect("reports:assessment_import", pk=assessment.pk)
        form = self.get_form_class()(initial={"dry_run": True})
        try:
            report = self._import(
                ContentFile(body, name=pending["file_name"]),
                dry_run=False,
                file_name=pending["file_name"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        if report.applied:
            return self._done(report)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def _done(self, report):
        count = len(report.changes)
        messages.success(
            self.request,
            ngettext(
                "%(n)s requirement updated from %(file)s.",
                "%(n)s requirements updated from %(file)s.",
                count,
            )
            % {"n": count, "file": report.file_name},
        )
        return redirect("reports:assessment_reports", pk=self.get_assessment().pk)
