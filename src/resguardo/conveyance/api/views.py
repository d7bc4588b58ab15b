from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from resguardo.core.api.views import OrganizationViewSet, ReadOnlyOrganizationViewSet
from resguardo.core.identifiers import normalize_code
from resguardo.core.permissions import Perm
from resguardo.shipments import selectors as shipment_selectors

from .. import selectors, services
from ..exports import inspection_export, seal_log_export
from ..filtersets import (
    DiscrepancyFilterSet,
    InspectionFilterSet,
    SealAuditFilterSet,
    SealEventFilterSet,
    SealFilterSet,
    SealLotFilterSet,
)
from ..models import Inspection, Seal, SealAudit, SealDiscrepancy, SealEvent, SealLot
from ..views.photos import photo_response
from . import serializers as s

PARSERS = [JSONParser, MultiPartParser, FormParser]
EXPORT_PARAMS = [
    OpenApiParameter("file_format", str, enum=["csv", "xlsx"], description="csv (default) or xlsx"),
]
EXPORT_RESPONSES = {
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
}


def _file_format(request) -> str:
    """csv or xlsx; anything else answers 400 naming `file_format`."""
    serializer = s.ExportFormatSerializer(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data["file_format"]


def _event_kwargs(serializer) -> dict:
    data = dict(serializer.validated_data)
    if "version" in data:
        data["expected_version"] = data.pop("version")
    return data


class SealLotViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """Seal lots. POST receives a lot (one seal per number) into the inventory."""

    serializer_class = s.SealLotSerializer
    filterset_class = SealLotFilterSet
    write_perm = Perm.RECORD
    queryset = SealLot.objects.none()

    def get_scoped_queryset(self):
        return selectors.lot_list(membership=self.membership)

    @extend_schema(request=s.SealLotReceiveSerializer, responses={201: s.SealLotSerializer})
    def create(self, request):
        serializer = s.SealLotReceiveSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        lot = services.seal_lot_receive(actor=self.actor, **serializer.validated_data)
        return Response(s.SealLotSerializer(lot).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.IssueRangeSerializer, responses=s.SealSerializer(many=True))
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        """Issue the consecutive seals first..last of the lot to one person."""
        lot = self.get_object()
        serializer = s.IssueRangeSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = _event_kwargs(serializer)
        data.pop("expected_version", None)
        first, last = normalize_code(data.pop("first")), normalize_code(data.pop("last"))
        seals = list(
            selectors.seal_list(membership=self.membership)
            .filter(lot=lot, number__gte=first, number__lte=last)
            .order_by("number")
        )
        if not seals or seals[0].number != first or seals[-1].number != last:
            raise ValidationError({"first": [_("Both numbers must be seals of this lot.")]})
        events = services.seal_issue(actor=self.actor, seals=seals, **data)
        return Response(s.SealSerializer([e.seal for e in events], many=True).data)


class SealViewSet(ReadOnlyOrganizationViewSet):
    """Seals and their chain of custody. Each action records one event, in order."""

    serializer_class = s.SealSerializer
    filterset_class = SealFilterSet
    write_perm = Perm.RECORD
    parser_classes = PARSERS
    queryset = Seal.objects.none()

    def get_scoped_queryset(self):
        return selectors.seal_list(membership=self.membership)

    def _record(self, request, serializer_class, perform):
        seal = self.get_object()
        serializer = serializer_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        result = perform(seal, _event_kwargs(serializer))
        event = result[0] if isinstance(result, list) else result
        return Response(s.SealEventSerializer(event).data, status=status.HTTP_201_CREATED)

    def _common(self, seal):
        return {"actor": self.actor, "seal": seal}

    @extend_schema(responses=s.SealEventSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def history(self, request, pk=None):
        """Every event of the seal, in order."""
        seal = selectors.seal_history(membership=self.membership, pk=pk)
        return Response(s.SealEventSerializer(seal.events.all(), many=True).data)

    @extend_schema(request=s.IssueSerializer, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        def perform(seal, data):
            data.pop("expected_version", None)
            common = self._common(seal)
            common.pop("seal")
            return services.seal_issue(seals=[seal], **common, **data)

        return self._record(request, s.IssueSerializer, perform)

    @extend_schema(request=s._EventIn, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def return_to_stock(self, request, pk=None):
        return self._record(
            request,
            s._EventIn,
            lambda seal, data: services.seal_return(**self._common(seal), **data),
        )

    @extend_schema(
        request={"multipart/form-data": s.ApplySerializer}, responses={201: s.SealEventSerializer}
    )
    @action(detail=True, methods=["post"])
    def apply(self, request, pk=None):
        def perform(seal, data):
            shipment = shipment_selectors.shipment_get(
                membership=self.membership, pk=data.pop("shipment")
            )
            container_id = data.pop("container", None)
            container = None
            if container_id is not None:
                container = shipment_selectors.container_get(
                    membership=self.membership, pk=container_id
                )
            return services.seal_apply(
                shipment=shipment, container=container, **self._common(seal), **data
            )

        return self._record(request, s.ApplySerializer, perform)

    @extend_schema(request=s.VerifySerializer, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        """VVTT: view, verify the number against the documents, tug, twist."""
        return self._record(
            request,
            s.VerifySerializer,
            lambda seal, data: services.seal_verify(**self._common(seal), **data),
        )

    @extend_schema(request=s.RemoveSerializer, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        return self._record(
            request,
            s.RemoveSerializer,
            lambda seal, data: services.seal_remove(**self._common(seal), **data),
        )

    @extend_schema(request=s.VoidSerializer, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"])
    def void(self, request, pk=None):
        return self._record(
            request,
            s.VoidSerializer,
            lambda seal, data: services.seal_void(**self._common(seal), **data),
        )

    @extend_schema(request=s.DestroySerializer, responses={201: s.SealEventSerializer})
    @action(detail=True, methods=["post"], url_path="destroy")
    def destroy_seal(self, request, pk=None):
        def perform(seal, data):
            data.pop("expected_version", None)
            return services.seal_destroy(actor=self.actor, seals=[seal], **data)

        return self._record(request, s.DestroySerializer, perform)

    @extend_schema(
        request={"multipart/form-data": s.ReplaceSerializer}, responses={201: s.SealEventSerializer}
    )
    @action(detail=True, methods=["post"])
    def replace(self, request, pk=None):
        """Take the seal off its unit and put an issued seal on instead, with the reason.
        Answers the removal event, which names the new seal."""

        def perform(seal, data):
            new_seal = selectors.seal_get(membership=self.membership, pk=data.pop("new_seal"))
            return services.seal_replace(new_seal=new_seal, **self._common(seal), **data)

        return self._record(request, s.ReplaceSerializer, perform)

    @extend_schema(
        request={"multipart/form-data": s.CustomsRecognitionSerializer},
        responses={201: s.SealEventSerializer},
    )
    @action(detail=True, methods=["post"])
    def customs(self, request, pk=None):
        """Reconocimiento aduanero: customs opened the unit and placed its own seal. Answers
        the removal event of this seal; `related_seal` is the customs seal, now the unit's."""
        return self._record(
            request,
            s.CustomsRecognitionSerializer,
            lambda seal, data: services.seal_customs_recognition(**self._common(seal), **data),
        )


class SealEventViewSet(ReadOnlyOrganizationViewSet):
    """The seal log: every event of every seal, filterable by date range."""

    serializer_class = s.SealEventSerializer
    filterset_class = SealEventFilterSet
    queryset = SealEvent.objects.none()

    def get_scoped_queryset(self):
        return selectors.event_log(membership=self.membership)

    @extend_schema(parameters=EXPORT_PARAMS, responses=EXPORT_RESPONSES)
    @action(detail=False, methods=["get"])
    def export(self, request):
        """The filtered seal log as CSV or XLSX (streamed)."""
        events = self.filter_queryset(self.get_queryset())
        return seal_log_export(_file_format(request), events)

    @extend_schema(responses={(200, "image/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def photo(self, request, pk=None):
        """The event's photo, streamed as an attachment (an API client saves it to a file)."""
        event = self.get_object()
        return photo_response(event, f"seal-{event.seal.number}-{event.sequence}", attachment=True)


class SealDiscrepancyViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.DiscrepancySerializer
    filterset_class = DiscrepancyFilterSet
    write_perm = Perm.RECORD
    queryset = SealDiscrepancy.objects.none()

    def get_scoped_queryset(self):
        return selectors.discrepancy_list(membership=self.membership)

    @extend_schema(request=s.CloseSerializer, responses=s.DiscrepancySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """A supervisor closes the discrepancy, saying how it was resolved."""
        discrepancy = self.get_object()
        serializer = s.CloseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        discrepancy = services.discrepancy_close(
            actor=self.actor,
            discrepancy=discrepancy,
            resolution=serializer.validated_data["resolution"],
            expected_version=serializer.validated_data.get("version"),
        )
        return Response(s.DiscrepancySerializer(discrepancy).data)


class SealAuditViewSet(ReadOnlyOrganizationViewSet, mixins.CreateModelMixin):
    serializer_class = s.SealAuditSerializer
    filterset_class = SealAuditFilterSet
    write_perm = Perm.RECORD
    queryset = SealAudit.objects.none()

    def get_scoped_queryset(self):
        return selectors.audit_list(membership=self.membership).prefetch_related("findings")

    @extend_schema(request=s.SealAuditRunSerializer, responses={201: s.SealAuditSerializer})
    def create(self, request):
        """Run a seal audit (supervisors): reconcile the count, the log and the documents."""
        serializer = s.SealAuditRunSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        audit = services.seal_audit_run(actor=self.actor, **serializer.validated_data)
        audit = selectors.audit_get(membership=self.membership, pk=audit.pk)
        return Response(s.SealAuditSerializer(audit).data, status=status.HTTP_201_CREATED)


class InspectionViewSet(ReadOnlyOrganizationViewSet, mixins.CreateModelMixin):
    serializer_class = s.InspectionSerializer
    filterset_class = InspectionFilterSet
    write_perm = Perm.RECORD
    parser_classes = PARSERS
    queryset = Inspection.objects.none()

    def get_scoped_queryset(self):
        return selectors.inspection_list(membership=self.membership).prefetch_related(
            "results__point"
        )

    def _reply(self, inspection, code=status.HTTP_200_OK):
        inspection = selectors.inspection_get(membership=self.membership, pk=inspection.pk)
        return Response(s.InspectionSerializer(inspection).data, status=code)

    @extend_schema(request=s.InspectionRecordSerializer, responses={201: s.InspectionSerializer})
    def create(self, request):
        """Record a whole inspection (every point), signed by the inspector. Add photos
        afterwards with the `photos` action."""
        serializer = s.InspectionRecordSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        shipment_id, container_id = data.pop("shipment", None), data.pop("container", None)
        if shipment_id is not None:
            data["shipment"] = shipment_selectors.shipment_get(
                membership=self.membership, pk=shipment_id
            )
        if container_id is not None:
            data["container"] = shipment_selectors.container_get(
                membership=self.membership, pk=container_id
            )
        data["results"] = [dict(r) for r in data["results"]]
        inspection = services.inspection_record(actor=self.actor, **data)
        return self._reply(inspection, status.HTTP_201_CREATED)

    @extend_schema(request=s.ReviewSerializer, responses=s.InspectionSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """A supervisor's decision: accept, release or reject the unit."""
        inspection = self.get_object()
        serializer = s.ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        inspection = services.inspection_review(
            actor=self.actor,
            inspection=inspection,
            decision=serializer.validated_data["decision"],
            note=serializer.validated_data["note"],
            signed_name=serializer.validated_data["signed_name"],
            expected_version=serializer.validated_data.get("version"),
        )
        return self._reply(inspection)

    @extend_schema(
        request={"multipart/form-data": s.PointPhotoSerializer}, responses=s.InspectionSerializer
    )
    @action(detail=True, methods=["post"])
    def photos(self, request, pk=None):
        inspection = self.get_object()
        serializer = s.PointPhotoSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.inspection_photo_add(
            actor=self.actor,
            inspection=inspection,
            **serializer.validated_data,
        )
        return self._reply(inspection)

    @extend_schema(
        parameters=[
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="The point's code")
        ],
        responses={(200, "image/*"): OpenApiTypes.BINARY},
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"photos/(?P<code>[^/.]+)",
        url_name="point-photo",
    )
    def point_photo(self, request, pk=None, code=None):
        """The photo of one point (by its code), streamed as an attachment."""
        inspection = self.get_object()  # another organization's or site's: 404
        result = inspection.results.filter(code=code).first()
        if result is None:
            raise Http404
        return photo_response(result, f"inspection-{inspection.pk}-{result.code}", attachment=True)

    @extend_schema(parameters=EXPORT_PARAMS, responses=EXPORT_RESPONSES)
    @action(detail=False, methods=["get"])
    def export(self, request):
        """The filtered inspections, one row per point, as CSV or XLSX (streamed)."""
        inspections = self.filter_queryset(self.get_queryset())
        return inspection_export(_file_format(request), inspections)
