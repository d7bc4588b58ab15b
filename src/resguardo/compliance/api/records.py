"""REST endpoints for evidence, action items, internal audits and findings."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from resguardo.core.api.views import OrganizationViewSet, service_kwargs
from resguardo.core.permissions import Perm

from .. import selectors, services
from ..filtersets import (
    ActionItemFilterSet,
    AuditFindingFilterSet,
    EvidenceFilterSet,
    InternalAuditFilterSet,
)
from ..models import ActionItem, AuditFinding, Evidence, InternalAudit
from ..views.evidence import file_download
from .refs import resolve_refs
from .serializers import (
    ActionCancelSerializer,
    ActionItemCreateSerializer,
    ActionItemSerializer,
    ActionItemUpdateSerializer,
    ActionProgressSerializer,
    ActionVerifySerializer,
    AuditFindingCreateSerializer,
    AuditFindingSerializer,
    AuditFindingWriteSerializer,
    EvidenceCreateSerializer,
    EvidenceLinkSerializer,
    EvidenceSerializer,
    EvidenceUpdateSerializer,
    InternalAuditCreateSerializer,
    InternalAuditSerializer,
    InternalAuditWriteSerializer,
    RevisionCreateSerializer,
)


class ServiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """List and retrieve from a selector; create and update through services."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    create_serializer = None
    update_serializer = None

    def parsed(self, serializer_class, *, partial=False):
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        return resolve_refs(data, self.membership), version

    def answer(self, obj, code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_scoped_queryset().get(pk=obj.pk)).data, code)


class EvidenceViewSet(ServiceViewSet):
    """The evidence vault. Upload with multipart (`file`); the type is checked from the
    content. Confidential items are absent for roles outside admin, compliance and auditor."""

    serializer_class = EvidenceSerializer
    filterset_class = EvidenceFilterSet
    queryset = Evidence.objects.none()
    write_perm = Perm.RECORD  # assignees file evidence for their requirement; services check
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_scoped_queryset(self):
        return selectors.evidence_list(membership=self.membership).order_by("title", "pk")

    @extend_schema(request=EvidenceCreateSerializer, responses={201: EvidenceSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(EvidenceCreateSerializer)
        evidence = services.evidence_create(actor=self.actor, **data)
        return self.answer(evidence, status.HTTP_201_CREATED)

    @extend_schema(request=EvidenceUpdateSerializer, responses=EvidenceSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        evidence = self.get_object()
        data, version = self.parsed(EvidenceUpdateSerializer, partial=True)
        services.evidence_update(
            actor=self.actor, evidence=evidence,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(evidence)

    @extend_schema(request=RevisionCreateSerializer, responses=EvidenceSerializer)
    @action(detail=True, methods=["post"], url_path="revisions")
    def revise(self, request, pk=None, **kwargs):
        evidence = self.get_object()
        data, version = self.parsed(RevisionCreateSerializer)
        services.evidence_revise(
            actor=self.actor, evidence=evidence,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(evidence)

    @extend_schema(request=EvidenceLinkSerializer, responses=EvidenceSerializer)
    @action(detail=True, methods=["post"], url_path="link")
    def link(self, request, pk=None, **kwargs):
        evidence = self.get_object()
        data, _version = self.parsed(EvidenceLinkSerializer)
        services.evidence_link(actor=self.actor, evidence=evidence, **data)
        return self.answer(evidence)

    @extend_schema(request=EvidenceLinkSerializer, responses=EvidenceSerializer)
    @action(detail=True, methods=["post"], url_path="unlink")
    def unlink(self, request, pk=None, **kwargs):
        evidence = self.get_object()
        data, _version = self.parsed(EvidenceLinkSerializer)
        services.evidence_unlink(actor=self.actor, evidence=evidence, **data)
        return self.answer(evidence)

    @extend_schema(responses={(200, "*/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="download")
    def download(self, request, pk=None, **kwargs):
        evidence = self.get_object()
        if evidence.current_revision is None:
            return Response({"detail": ["This evidence is a link."]}, status=404)
        return file_download(evidence.current_revision)


class ActionItemViewSet(ServiceViewSet):
    """Corrective and preventive actions. Owners may post progress on their own actions."""

    serializer_class = ActionItemSerializer
    filterset_class = ActionItemFilterSet
    queryset = ActionItem.objects.none()
    write_perm = Perm.RECORD

    def get_scoped_queryset(self):
        return selectors.action_item_list(membership=self.membership).order_by("due_date", "pk")

    @extend_schema(request=ActionItemCreateSerializer, responses={201: ActionItemSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(ActionItemCreateSerializer)
        item = services.action_item_create(actor=self.actor, **data)
        return self.answer(item, status.HTTP_201_CREATED)

    @extend_schema(request=ActionItemUpdateSerializer, responses=ActionItemSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        item = self.get_object()
        data, version = self.parsed(ActionItemUpdateSerializer, partial=True)
        services.action_item_update(
            actor=self.actor, action=item,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(item)

    def _step(self, serializer_class, service, **rename):
        item = self.get_object()
        data, version = self.parsed(serializer_class)
        service(
            actor=self.actor, action=item,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(item)

    @extend_schema(request=ActionProgressSerializer, responses=ActionItemSerializer)
    @action(detail=True, methods=["post"], url_path="progress")
    def progress(self, request, pk=None, **kwargs):
        return self._step(ActionProgressSerializer, services.action_item_progress)

    @extend_schema(request=ActionVerifySerializer, responses=ActionItemSerializer)
    @action(detail=True, methods=["post"], url_path="verify")
    def verify(self, request, pk=None, **kwargs):
        return self._step(ActionVerifySerializer, services.action_item_verify)

    @extend_schema(request=ActionCancelSerializer, responses=ActionItemSerializer)
    @action(detail=True, methods=["post"], url_path="cancel")
    def cancel(self, request, pk=None, **kwargs):
        return self._step(ActionCancelSerializer, services.action_item_cancel)


class InternalAuditViewSet(ServiceViewSet):
    serializer_class = InternalAuditSerializer
    filterset_class = InternalAuditFilterSet
    queryset = InternalAudit.objects.none()

    def get_scoped_queryset(self):
        return (
            selectors.internal_audit_list(membership=self.membership)
            .prefetch_related("scope_nodes", "sites")
            .order_by("-planned_date", "-pk")
        )

    @extend_schema(request=InternalAuditCreateSerializer, responses={201: InternalAuditSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(InternalAuditCreateSerializer)
        audit = services.internal_audit_create(actor=self.actor, **data)
        return self.answer(audit, status.HTTP_201_CREATED)

    @extend_schema(request=InternalAuditWriteSerializer, responses=InternalAuditSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        audit = self.get_object()
        data, version = self.parsed(InternalAuditWriteSerializer, partial=True)
        services.internal_audit_update(
            actor=self.actor, audit=audit,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(audit)


class AuditFindingViewSet(ServiceViewSet):
    """Findings of internal audits; `raise-action/` opens an action item from one."""

    serializer_class = AuditFindingSerializer
    filterset_class = AuditFindingFilterSet
    queryset = AuditFinding.objects.none()

    def get_scoped_queryset(self):
        return selectors.finding_list(membership=self.membership).order_by("audit_id", "number")

    @extend_schema(request=AuditFindingCreateSerializer, responses={201: AuditFindingSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(AuditFindingCreateSerializer)
        finding = services.finding_create(actor=self.actor, **data)
        return self.answer(finding, status.HTTP_201_CREATED)

    @extend_schema(request=AuditFindingWriteSerializer, responses=AuditFindingSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        finding = self.get_object()
        data, version = self.parsed(AuditFindingWriteSerializer, partial=True)
        data.pop("audit", None)
        services.finding_update(
            actor=self.actor, finding=finding,
            expected_version=version, **data,
        )  # fmt: skip
        return self.answer(finding)

    @extend_schema(request=ActionItemCreateSerializer, responses={201: ActionItemSerializer})
    @action(detail=True, methods=["post"], url_path="raise-action")
    def raise_action(self, request, pk=None, **kwargs):
        finding = self.get_object()
        data, _version = self.parsed(ActionItemCreateSerializer)
        data.update(finding=finding, source="finding")
        item = services.action_item_create(actor=self.actor, **data)
        return Response(ActionItemSerializer(item).data, status=status.HTTP_201_CREATED)
