"""Report pages and downloads. Every assessment is fetched through the compliance selectors,
so another organization's (or another site's) assessment answers 404."""

from django.contrib import messages
from django.core.files.base import ContentFile
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView

from resguardo.compliance import selectors
from resguardo.compliance.access import can_manage
from resguardo.core.permissions import Perm
from resguardo.core.tabular.views import StagedImportView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from . import downloads
from .choices import ReportLanguage
from .forms import WorkbookImportForm
from .xlsx_import import import_workbook

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


class WorkbookImportView(AssessmentReportMixin, StagedImportView):
    """Upload the edited workbook. A dry run shows what would change and keeps the file (a
    core staged import, in storage) so the person can apply exactly what they saw."""

    template_name = "reports/import.html"
    form_class = WorkbookImportForm
    required_perm = Perm.MANAGE_COMPLIANCE
    import_kind = "reports.workbook"
    missing_message = gettext_lazy("Nothing to apply: upload the file again.")
    changed_message = gettext_lazy("The checked file changed: upload it again.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(assessment=self.get_assessment(), **kwargs)

    def scope(self):
        return f"assessment:{self.get_assessment().pk}"

    def wants_dry_run(self, form):
        return form.cleaned_data["dry_run"]

    def stage_when(self, report):
        return report.ok and bool(report.changes)

    def blank_form_kwargs(self):
        return {"initial": {"dry_run": True}}

    def run_import(self, *, data, file_name, options, dry_run):
        return import_workbook(
            actor=self.actor,
            assessment=self.get_assessment(),
            file=ContentFile(data, name=file_name),
            dry_run=dry_run,
            file_name=file_name,
        )

    def done(self, report):
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
