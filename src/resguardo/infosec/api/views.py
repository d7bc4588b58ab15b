"""The infosec API: every list filtered by the same FilterSets as the pages; every write
through the services. Reads need the confidential-records permission (access.py)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from resguardo.core.actors import Actor
from resguardo.core.api.schema import report_or_field_errors
from resguardo.core.api.views import OrganizationViewSet, ReadOnlyOrganizationViewSet
from resguardo.core.downloads import stored_file_response
from resguardo.core.tabular.api import run_staged_import

from .. import selectors, services
from ..access import MANAGE_PERM, READ_PERM
from ..filtersets import (
    AccessReviewFilterSet,
    AccessReviewItemFilterSet,
    CredentialEventFilterSet,
    CredentialFilterSet,
    CyberEventFilterSet,
    DisposalFilterSet,
    DocumentTypeFilterSet,
    RestoreTestFilterSet,
    SystemAccountFilterSet,
    SystemFilterSet,
)
from ..models import (
    AccessReview,
    AccessReviewItem,
    CredentialEvent,
    CyberEvent,
    DigitalCredential,
    DisposalRecord,
    DocumentType,
    RestoreTest,
    System,
    SystemAccount,
)
from . import serializers as s

PARSERS = [JSONParser, MultiPartParser, FormParser]
FILE = {(200, "*/*"): OpenApiTypes.BINARY}  # the content type checked at upload


class _Base(OrganizationViewSet):
    read_perm = READ_PERM
    write_perm = MANAGE_PERM
    list_selector = None  # name of the selector giving the organization's rows

    @property
    def actor(self) -> Actor:
        return Actor.from_request(self.request)

    def get_scoped_queryset(self):
        return getattr(selectors, self.list_selector)(membership=self.membership)

    def _input(self, serializer_class, *, partial=False):
        serializer = serializer_class(
            data=self.request.data, partial=partial, context={"request": self.request}
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _answer(self, instance, *, created=False):
        instance = self.get_scoped_queryset().get(pk=instance.pk)  # with its annotations
        return Response(
            self.get_serializer_class()(instance, context={"request": self.request}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def _versioned(data: dict) -> tuple[dict, int | None]:
    version = data.pop("version", None)
    return data, version


class _ReadCreateUpdate(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Base):
    http_method_names = ["get", "post", "patch", "head", "options"]


class DocumentTypeViewSet(_ReadCreateUpdate):
    """Document types with their classification, retention and readers (standard 9.1)."""

    queryset = DocumentType.objects.none()
    serializer_class = s.DocumentTypeSerializer
    filterset_class = DocumentTypeFilterSet
    list_selector = "document_type_list"

    @extend_schema(request=s.DocumentTypeInputSerializer, responses={201: s.DocumentTypeSerializer})
    def create(self, request):
        data, _version = _versioned(self._input(s.DocumentTypeInputSerializer))
        return self._answer(services.document_type_create(actor=self.actor, **data), created=True)

    @extend_schema(request=s.DocumentTypeInputSerializer, responses=s.DocumentTypeSerializer)
    def partial_update(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.DocumentTypeInputSerializer, partial=True))
        document_type = services.document_type_update(
            actor=self.actor, document_type=target, expected_version=version, **data
        )
        return self._answer(document_type)


class DisposalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Base):
    """The destruction and media-sanitization log. POST (multipart with `evidence`) records."""

    queryset = DisposalRecord.objects.none()
    serializer_class = s.DisposalSerializer
    filterset_class = DisposalFilterSet
    parser_classes = PARSERS
    list_selector = "disposal_list"

    @extend_schema(request=s.DisposalInputSerializer, responses={201: s.DisposalSerializer})
    def create(self, request):
        data = self._input(s.DisposalInputSerializer)
        return self._answer(services.disposal_record(actor=self.actor, **data), created=True)

    @extend_schema(responses=FILE)
    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None):
        record = self.get_object()
        return stored_file_response(
            record.file, content_type=record.content_type, filename=record.original_name
        )


class SystemViewSet(_ReadCreateUpdate):
    """The system inventory. Resguardo itself is the built-in row (`is_builtin`)."""

    queryset = System.objects.none()
    serializer_class = s.SystemSerializer
    filterset_class = SystemFilterSet
    list_selector = "system_list"

    @extend_schema(request=s.SystemInputSerializer, responses={201: s.SystemSerializer})
    def create(self, request):
        data, _version = _versioned(self._input(s.SystemInputSerializer))
        data.pop("is_active", None)
        return self._answer(services.system_create(actor=self.actor, **data), created=True)

    @extend_schema(request=s.SystemInputSerializer, responses=s.SystemSerializer)
    def partial_update(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.SystemInputSerializer, partial=True))
        system = services.system_update(
            actor=self.actor, system=target, expected_version=version, **data
        )
        return self._answer(system)

    @extend_schema(
        request={"multipart/form-data": s.AccountImportSerializer},
        responses={
            200: s.AccountImportReportSerializer,
            400: report_or_field_errors("AccountImportReport"),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="import-accounts",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_accounts(self, request, pk=None):
        """The system's current account list (CSV or XLSX). `dry_run=true` (default) only
        checks; then all rows or none are written, and accounts missing from the file are
        marked as no longer in the system."""
        system = self.get_object()
        serializer = s.AccountImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run(*, data, file_name, options, dry_run):
            return services.accounts_import(
                actor=self.actor,
                system=system,
                file_name=file_name,
                content=data,
                dry_run=dry_run,
                start_review=options.get("start_review", True),
            )

        report, staged = run_staged_import(
            request=request,
            kind="infosec.accounts",
            scope=str(system.pk),
            data=serializer.validated_data,
            options={"start_review": serializer.validated_data["start_review"]},
            run=run,
        )
        body = {
            "dry_run": report.dry_run,
            "ok": report.ok,
            "rows": report.rows,
            "written": report.written,
            "new": report.details.get("new", 0),
            "updated": report.details.get("updated", 0),
            "gone": report.details.get("gone", 0),
            "errors": report.problems_as_dicts("errors"),
            "review": report.details.get("review_id"),
            "staged_import": staged.pk if staged else None,
        }
        code = status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        return Response(body, status=code)


class SystemAccountViewSet(_ReadCreateUpdate):
    """Accounts on the inventoried systems (Resguardo's own are its memberships)."""

    queryset = SystemAccount.objects.none()
    serializer_class = s.SystemAccountSerializer
    filterset_class = SystemAccountFilterSet
    list_selector = "account_list"

    @extend_schema(
        request=s.SystemAccountInputSerializer, responses={201: s.SystemAccountSerializer}
    )
    def create(self, request):
        data, _version = _versioned(self._input(s.SystemAccountInputSerializer))
        return self._answer(services.account_create(actor=self.actor, **data), created=True)

    @extend_schema(request=s.SystemAccountInputSerializer, responses=s.SystemAccountSerializer)
    def partial_update(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.SystemAccountInputSerializer, partial=True))
        data.pop("system", None)  # an account stays on its system
        account = services.account_update(
            actor=self.actor, account=target, expected_version=version, **data
        )
        return self._answer(account)


class AccessReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Base):
    """Access reviews. POST starts one for a system; `sign` signs it and applies every
    revocation (Resguardo memberships are deactivated at once)."""

    queryset = AccessReview.objects.none()
    serializer_class = s.AccessReviewSerializer
    filterset_class = AccessReviewFilterSet
    list_selector = "review_list"

    @extend_schema(request=s.AccessReviewStartSerializer, responses={201: s.AccessReviewSerializer})
    def create(self, request):
        data = self._input(s.AccessReviewStartSerializer)
        return self._answer(services.review_start(actor=self.actor, **data), created=True)

    @extend_schema(request=s.AccessReviewSignSerializer, responses=s.AccessReviewSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.AccessReviewSignSerializer))
        review = services.review_sign(
            actor=self.actor, review=target, expected_version=version, **data
        )
        return self._answer(review)


class AccessReviewItemViewSet(ReadOnlyOrganizationViewSet, _Base):
    """The accounts under review, one decision each."""

    queryset = AccessReviewItem.objects.none()
    serializer_class = s.AccessReviewItemSerializer
    filterset_class = AccessReviewItemFilterSet
    list_selector = "review_item_list"

    @extend_schema(request=s.AccessReviewDecideSerializer, responses=s.AccessReviewItemSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data = self._input(s.AccessReviewDecideSerializer)
        item = services.review_decide(actor=self.actor, item=target, **data)
        return self._answer(item)


class RestoreTestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Base):
    """Backup restore tests. POST (multipart with `evidence`) records one."""

    queryset = RestoreTest.objects.none()
    serializer_class = s.RestoreTestSerializer
    filterset_class = RestoreTestFilterSet
    parser_classes = PARSERS
    list_selector = "restore_test_list"

    @extend_schema(request=s.RestoreTestInputSerializer, responses={201: s.RestoreTestSerializer})
    def create(self, request):
        data = self._input(s.RestoreTestInputSerializer)
        return self._answer(services.restore_test_record(actor=self.actor, **data), created=True)

    @extend_schema(responses=FILE)
    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None):
        test = self.get_object()
        return stored_file_response(
            test.file, content_type=test.content_type, filename=test.original_name
        )


class CredentialViewSet(_ReadCreateUpdate):
    """e.firma and sellos digitales in custody. `log` records a use, hand-over, custody check,
    renewal or revocation."""

    queryset = DigitalCredential.objects.none()
    serializer_class = s.CredentialSerializer
    filterset_class = CredentialFilterSet
    list_selector = "credential_list"

    @extend_schema(request=s.CredentialInputSerializer, responses={201: s.CredentialSerializer})
    def create(self, request):
        data = self._input(s.CredentialInputSerializer)
        credential = services.credential_register(actor=self.actor, **data)
        return self._answer(credential, created=True)

    @extend_schema(request=s.CredentialUpdateSerializer, responses=s.CredentialSerializer)
    def partial_update(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.CredentialUpdateSerializer, partial=True))
        credential = services.credential_update(
            actor=self.actor, credential=target, expected_version=version, **data
        )
        return self._answer(credential)

    @extend_schema(request=s.CredentialLogSerializer, responses={201: s.CredentialEventSerializer})
    @action(detail=True, methods=["post"])
    def log(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data = self._input(s.CredentialLogSerializer)
        event = services.credential_log(actor=self.actor, credential=target, **data)
        return Response(s.CredentialEventSerializer(event).data, status=status.HTTP_201_CREATED)


class CredentialEventViewSet(ReadOnlyOrganizationViewSet, _Base):
    queryset = CredentialEvent.objects.none()
    serializer_class = s.CredentialEventSerializer
    filterset_class = CredentialEventFilterSet
    list_selector = "credential_event_list"


class CyberEventViewSet(_ReadCreateUpdate):
    """Cyber events. Each one recorded opens one incident (domain event, once per record)."""

    queryset = CyberEvent.objects.none()
    serializer_class = s.CyberEventSerializer
    filterset_class = CyberEventFilterSet
    list_selector = "cyber_event_list"

    @extend_schema(request=s.CyberEventInputSerializer, responses={201: s.CyberEventSerializer})
    def create(self, request):
        data = self._input(s.CyberEventInputSerializer)
        return self._answer(services.cyber_event_report(actor=self.actor, **data), created=True)

    @extend_schema(request=s.CyberEventUpdateSerializer, responses=s.CyberEventSerializer)
    def partial_update(self, request, pk=None):
        target = self.get_object()  # another organization's id: 404 before any parsing
        data, version = _versioned(self._input(s.CyberEventUpdateSerializer, partial=True))
        event = services.cyber_event_update(
            actor=self.actor, event=target, expected_version=version, **data
        )
        return self._answer(event)
