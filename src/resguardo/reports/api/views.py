"""Report endpoints: /api/v1/assessment-reports/{assessment id}/pdf/, xlsx/, import-xlsx/,
oscal-ar/, evidence-package/. The same functions as the pages produce every file."""

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from resguardo.compliance import selectors
from resguardo.compliance.models import Assessment
from resguardo.core.api.schema import report_or_field_errors
from resguardo.core.api.views import OrganizationViewSet
from resguardo.core.permissions import Perm
from resguardo.core.tabular.api import StagedImportRequestSerializer, run_staged_import

from .. import downloads
from ..choices import ReportLanguage
from ..xlsx_import import import_workbook

LANGUAGE = OpenApiParameter(
    "lang",
    str,
    enum=list(ReportLanguage.values),
    description="Language of the report texts (default: the request language).",
)


def _binary(media_type: str):
    return {(200, media_type): OpenApiResponse(OpenApiTypes.BINARY)}


class WorkbookImportSerializer(StagedImportRequestSerializer):
    file = serializers.FileField(
        required=False, help_text="The .xlsx workbook exported from the assessment."
    )
    dry_run = serializers.BooleanField(
        default=False, help_text="Check the file and list the changes without saving any."
    )


class WorkbookRowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class WorkbookFieldChangeSerializer(serializers.Serializer):
    column = serializers.CharField()
    old = serializers.CharField()
    new = serializers.CharField()


class WorkbookRowChangeSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    ref_id = serializers.CharField()
    title = serializers.CharField()
    fields = WorkbookFieldChangeSerializer(many=True)


class WorkbookImportReportSerializer(serializers.Serializer):
    file_name = serializers.CharField()
    dry_run = serializers.BooleanField()
    applied = serializers.BooleanField()
    rows_read = serializers.IntegerField(source="rows")
    changes = WorkbookRowChangeSerializer(many=True)
    errors = WorkbookRowErrorSerializer(many=True)
    staged_import = serializers.IntegerField(
        source="details.staged_import",
        allow_null=True,
        help_text="After a clean dry run: send it back to apply that file.",
    )


class AssessmentReportViewSet(OrganizationViewSet):
    """Reports of one assessment (the id is the assessment's). Read: any member; import:
    compliance team. Another organization's assessment answers 404."""

    queryset = Assessment.objects.none()
    read_perm = Perm.VIEW
    write_perm = Perm.MANAGE_COMPLIANCE
    serializer_class = WorkbookImportReportSerializer

    def get_scoped_queryset(self):
        return selectors.assessment_list(membership=self.membership)

    def _download(self, respond):
        return respond(
            membership=self.membership,
            assessment=self.get_object(),
            language=self._language(),
        )

    def _language(self) -> str | None:
        """The `lang` asked for; a value that is neither language answers 400 naming it."""
        value = self.request.query_params.get("lang")
        if value and not value.lower().startswith(tuple(ReportLanguage.values)):
            raise ValidationError({"lang": [_("Choose “es” (Spanish) or “en” (English).")]})
        return value

    @extend_schema(parameters=[LANGUAGE], responses=_binary("application/pdf"))
    @action(detail=True, methods=["get"], url_path="pdf")
    def pdf(self, request, pk=None, **kwargs):
        return self._download(downloads.pdf_response)

    @extend_schema(
        parameters=[LANGUAGE],
        responses=_binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
    @action(detail=True, methods=["get"], url_path="xlsx")
    def xlsx(self, request, pk=None, **kwargs):
        return self._download(downloads.workbook_response)

    @extend_schema(
        parameters=[LANGUAGE], responses={(200, "application/json"): OpenApiTypes.OBJECT}
    )
    @action(detail=True, methods=["get"], url_path="oscal-ar")
    def oscal_ar(self, request, pk=None, **kwargs):
        return self._download(downloads.oscal_response)

    @extend_schema(parameters=[LANGUAGE], responses=_binary("application/zip"))
    @action(detail=True, methods=["get"], url_path="evidence-package")
    def evidence_package(self, request, pk=None, **kwargs):
        return self._download(downloads.package_response)

    @extend_schema(
        request={"multipart/form-data": WorkbookImportSerializer},
        responses={
            200: WorkbookImportReportSerializer,
            400: report_or_field_errors("WorkbookImportReport"),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="import-xlsx",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_xlsx(self, request, pk=None, **kwargs):
        """Import the edited workbook: every row checked, all changes saved or none. With
        `dry_run`, the answer lists what would change. 400 lists every bad row."""
        assessment = self.get_object()
        serializer = WorkbookImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run(*, data, file_name, options, dry_run):
            return import_workbook(
                actor=self.actor,
                assessment=assessment,
                file=ContentFile(data, name=file_name),
                dry_run=dry_run,
                file_name=file_name,
            )

        report, staged = run_staged_import(
            request=request,
            kind="reports.workbook",
            scope=f"assessment:{assessment.pk}",
            data=serializer.validated_data,
            run=run,
        )
        report.details["staged_import"] = staged.pk if staged else None
        code = status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        return Response(WorkbookImportReportSerializer(report).data, status=code)
