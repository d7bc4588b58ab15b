from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from resguardo.core.api.schema import report_or_field_errors
from resguardo.core.api.views import OrganizationViewSet
from resguardo.core.permissions import Perm
from resguardo.core.tabular.api import run_staged_import

from .. import selectors, services
from ..downloads import document_file_response
from ..filtersets import BadgeFilterSet, DocumentFilterSet, ShipmentFilterSet
from ..importing import site_from_options
from ..models import CustomsBadge, Shipment, ShipmentDocument, ShipmentImport
from .serializers import (
    CancelSerializer,
    CustomsBadgeSerializer,
    DocumentCheckSerializer,
    ImportRequestSerializer,
    ShipmentDocumentSerializer,
    ShipmentDocumentWriteSerializer,
    ShipmentImportReportSerializer,
    ShipmentImportSerializer,
    ShipmentSerializer,
    ShipmentWriteSerializer,
    VerificationSerializer,
    WhenSerializer,
)


class ShipmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """Shipments (pedimentos) of the organization. Writes need the RECORD permission."""

    serializer_class = ShipmentSerializer
    filterset_class = ShipmentFilterSet
    write_perm = Perm.RECORD
    queryset = Shipment.objects.none()

    def get_scoped_queryset(self):
        return selectors.shipment_list_with_containers(membership=self.membership)

    def _reply(self, shipment, code=status.HTTP_200_OK):
        shipment = selectors.shipment_list_with_containers(membership=self.membership).get(
            pk=shipment.pk
        )
        return Response(ShipmentSerializer(shipment).data, status=code)

    @extend_schema(request=ShipmentWriteSerializer, responses={201: ShipmentSerializer})
    def create(self, request):
        serializer = ShipmentWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data, _version = serializer.service_data()
        shipment = services.shipment_create(actor=self.actor, **data)
        return self._reply(shipment, status.HTTP_201_CREATED)

    @extend_schema(request=ShipmentWriteSerializer, responses=ShipmentSerializer)
    def partial_update(self, request, pk=None):
        shipment = self.get_object()
        serializer = ShipmentWriteSerializer(
            data=request.data, partial=True, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data, version = serializer.service_data()
        shipment = services.shipment_update(
            actor=self.actor,
            shipment=shipment,
            expected_version=version,
            **data,
        )
        return self._reply(shipment)

    @extend_schema(request=WhenSerializer, responses=ShipmentSerializer)
    @action(detail=True, methods=["post"])
    def transmit(self, request, pk=None):
        shipment = self.get_object()
        serializer = WhenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shipment = services.shipment_transmit(
            actor=self.actor,
            shipment=shipment,
            transmitted_at=serializer.validated_data.get("when"),
            expected_version=serializer.validated_data.get("version"),
        )
        return self._reply(shipment)

    @extend_schema(request=WhenSerializer, responses=ShipmentSerializer)
    @action(detail=True, methods=["post"])
    def clear(self, request, pk=None):
        shipment = self.get_object()
        serializer = WhenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shipment = services.shipment_clear(
            actor=self.actor,
            shipment=shipment,
            cleared_at=serializer.validated_data.get("when"),
            expected_version=serializer.validated_data.get("version"),
        )
        return self._reply(shipment)

    @extend_schema(request=CancelSerializer, responses=ShipmentSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        shipment = self.get_object()
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shipment = services.shipment_cancel(
            actor=self.actor,
            shipment=shipment,
            reason=serializer.validated_data["reason"],
            expected_version=serializer.validated_data.get("version"),
        )
        return self._reply(shipment)

    @extend_schema(methods=["GET"], request=None, responses=DocumentCheckSerializer(many=True))
    @extend_schema(methods=["POST"], request=VerificationSerializer, responses=ShipmentSerializer)
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def verification(self, request, pk=None):
        """The document verification checklist run before transmission."""
        shipment = self.get_object()
        if request.method == "GET":
            checks = shipment.document_checks.select_related("checked_by")
            return Response(DocumentCheckSerializer(checks, many=True).data)
        serializer = VerificationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shipment = services.shipment_documents_check(
            actor=self.actor,
            shipment=shipment,
            answers=serializer.answers_by_item(),
            expected_version=serializer.validated_data.get("version"),
        )
        return self._reply(shipment)


class ShipmentDocumentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet
):
    serializer_class = ShipmentDocumentSerializer
    filterset_class = DocumentFilterSet
    write_perm = Perm.RECORD
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    queryset = ShipmentDocument.objects.none()

    def get_scoped_queryset(self):
        return selectors.document_list(membership=self.membership)

    @extend_schema(
        request=ShipmentDocumentWriteSerializer, responses={201: ShipmentDocumentSerializer}
    )
    def create(self, request):
        serializer = ShipmentDocumentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        shipment = selectors.shipment_get(membership=self.membership, pk=data.pop("shipment"))
        document = services.document_add(actor=self.actor, shipment=shipment, **data)
        return Response(ShipmentDocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "*/*"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        return document_file_response(self.get_object())


class ShipmentImportViewSet(mixins.ListModelMixin, OrganizationViewSet):
    """Import shipments from CSV or XLSX. `dry_run=true` (the default) only checks."""

    write_perm = Perm.RECORD
    parser_classes = [MultiPartParser, FormParser]
    queryset = ShipmentImport.objects.none()

    serializer_class = ShipmentImportSerializer

    def get_scoped_queryset(self):
        return selectors.import_list(membership=self.membership)

    @extend_schema(
        request=ImportRequestSerializer,
        responses={
            200: ShipmentImportReportSerializer,
            201: ShipmentImportReportSerializer,
            400: report_or_field_errors("ShipmentImportReport"),
        },
    )
    def create(self, request):
        serializer = ImportRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        site = serializer.validated_data.get("site")

        def run(*, data, file_name, options, dry_run):
            return services.shipment_import(
                actor=self.actor,
                data=data,
                file_name=file_name,
                default_site=site_from_options(self.membership, options),
                dry_run=dry_run,
            )

        report, staged = run_staged_import(
            request=request,
            kind="shipments",
            data=serializer.validated_data,
            options={"site": site.pk if site else None},
            run=run,
        )
        if not report.ok:
            code = status.HTTP_400_BAD_REQUEST
        elif report.dry_run:
            code = status.HTTP_200_OK
        else:
            code = status.HTTP_201_CREATED
        body = services.report_as_dict(report)
        body["staged_import"] = staged.pk if staged else None
        return Response(body, status=code)


class CustomsBadgeViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    OrganizationViewSet,
):
    """The register of official customs badges. Writes need MANAGE_COMPLIANCE."""

    serializer_class = CustomsBadgeSerializer
    filterset_class = BadgeFilterSet
    write_perm = Perm.MANAGE_COMPLIANCE
    queryset = CustomsBadge.objects.none()

    def get_scoped_queryset(self):
        return selectors.badge_list(membership=self.membership)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = services.badge_create(actor=self.actor, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        serializer.instance = services.badge_update(
            actor=self.actor,
            badge=serializer.instance,
            expected_version=version,
            **data,
        )


ROUTES = [
    ("shipments", ShipmentViewSet, "shipment"),
    ("shipment-documents", ShipmentDocumentViewSet, "shipmentdocument"),
    ("shipment-imports", ShipmentImportViewSet, "shipmentimport"),
    ("customs-badges", CustomsBadgeViewSet, "customsbadge"),
]
