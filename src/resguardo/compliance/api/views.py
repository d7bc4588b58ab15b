"""REST endpoints for assessments and requirement results. Every write calls a service."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from resguardo.core.api.views import OrganizationViewSet, service_kwargs
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.permissions import Perm
from resguardo.standards.i18n import pick

from .. import selectors, services
from ..filtersets import AssessmentFilterSet, ResultFilterSet
from ..models import Assessment, RequirementResult
from ..requirement_indicators import indicator_lines
from .refs import resolve_refs
from .serializers import (
    AssessmentCreateSerializer,
    AssessmentFreezeSerializer,
    AssessmentSerializer,
    AssessmentTreeNodeSerializer,
    AssessmentUpdateSerializer,
    ResultAssignSerializer,
    ResultDetailSerializer,
    ResultReviewSerializer,
    ResultSerializer,
    ResultUpdateSerializer,
)

RESULT_VALUES = (
    "id", "assessment_id", "node__urn", "node__ref_id", "node__title_es", "node__title_en",
    "section_id", "weight", "result", "score", "answer", "justification", "comments",
    "owner_id", "due_date", "answered_at", "reviewed_by_id", "reviewed_at", "version",
)  # fmt: skip


def result_dict(row: dict) -> dict:
    """The ResultSerializer shape, built straight from a values() row."""
    return {
        "id": row["id"],
        "assessment": row["assessment_id"],
        "urn": row["node__urn"],
        "ref_id": row["node__ref_id"],
        "title": pick(row["node__title_es"], row["node__title_en"]),
        "section": row["section_id"],
        "weight": row["weight"],
        "result": row["result"],
        "score": row["score"],
        "answer": row["answer"],
        "justification": row["justification"],
        "comments": row["comments"],
        "owner": row["owner_id"],
        "due_date": row["due_date"].isoformat() if row["due_date"] else None,
        "answered_at": row["answered_at"].isoformat() if row["answered_at"] else None,
        "reviewed_by": row["reviewed_by_id"],
        "reviewed_at": row["reviewed_at"].isoformat() if row["reviewed_at"] else None,
        "version": row["version"],
    }


def _tree_dict(node) -> dict:
    return {
        "id": node.id,
        "ref_id": node.ref_id,
        "title": node.title,
        "result_id": node.result_id,
        "result": node.result,
        "owner": node.owner_id,
        "readiness": node.readiness,
        "progress": node.progress,
        "counts": node.tally.counts,
        "children": [_tree_dict(child) for child in node.children],
    }


class AssessmentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, OrganizationViewSet
):
    """Self-assessments. `results/` returns every requirement result of one assessment (not
    paginated); `tree/` the library tree with progress; `freeze/` signs it off."""

    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilterSet
    queryset = Assessment.objects.none()
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.assessment_list(membership=self.membership)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["readiness"] = getattr(self, "_readiness", {})
        return context

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        self._readiness = selectors.assessment_readiness(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        assessment = self.get_object()
        self._readiness = selectors.assessment_readiness([assessment])
        return Response(self.get_serializer(assessment).data)

    @extend_schema(request=AssessmentCreateSerializer, responses={201: AssessmentSerializer})
    def create(self, request, *args, **kwargs):
        serializer = AssessmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = resolve_refs(dict(serializer.validated_data), self.membership)
        assessment = services.assessment_create(actor=self.actor, **data)
        self._readiness = selectors.assessment_readiness([assessment])
        return Response(self.get_serializer(assessment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AssessmentUpdateSerializer, responses=AssessmentSerializer)
    def partial_update(self, request, *args, **kwargs):
        assessment = self.get_object()
        serializer = AssessmentUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes, version = service_kwargs(serializer)
        updated = services.assessment_update(
            actor=self.actor, assessment=assessment,
            expected_version=version, **changes,
        )  # fmt: skip
        return Response(self.get_serializer(updated).data)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(responses=ResultSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="results", pagination_class=None)
    def results(self, request, pk=None, **kwargs):
        assessment = self.get_object()
        rows = (
            RequirementResult.objects.filter(
                organization=self.membership.organization, assessment=assessment
            )
            .order_by("order")
            .values(*RESULT_VALUES)
        )
        return Response([result_dict(row) for row in rows])

    @extend_schema(responses=AssessmentTreeNodeSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="tree", pagination_class=None)
    def tree(self, request, pk=None, **kwargs):
        assessment = self.get_object()
        roots = selectors.assessment_tree(membership=self.membership, assessment=assessment)
        return Response([_tree_dict(root) for root in roots])

    @extend_schema(request=AssessmentFreezeSerializer, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="freeze")
    def freeze(self, request, pk=None, **kwargs):
        assessment = self.get_object()
        serializer = AssessmentFreezeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        frozen = services.assessment_freeze(
            actor=self.actor, assessment=assessment,
            expected_version=version, **data,
        )  # fmt: skip
        return Response(self.get_serializer(frozen).data)

    @extend_schema(request=None, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="mark-current")
    def mark_current(self, request, pk=None, **kwargs):
        """Make this assessment the one readiness and the trend are read from."""
        assessment = services.assessment_mark_current(
            actor=self.actor, assessment=self.get_object()
        )
        self._readiness = selectors.assessment_readiness([assessment])
        return Response(self.get_serializer(assessment).data)


class ResultViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """Requirement results. PATCH answers one (compliance team, or its assignee); a save over
    a newer version answers 409 with `current`, the version saved in between."""

    serializer_class = ResultSerializer
    filterset_class = ResultFilterSet
    queryset = RequirementResult.objects.none()
    write_perm = Perm.RECORD  # assignees answer theirs; the services check the rest
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        from ..access import site_q

        return (
            RequirementResult.objects.filter(organization=self.membership.organization)
            .filter(site_q(self.membership, "assessment__site"))
            .select_related("node")
            .order_by("assessment_id", "order")
        )

    @extend_schema(responses=ResultDetailSerializer)
    def retrieve(self, request, *args, **kwargs):
        """One result, with the live readings of the indicators its requirement names."""
        result = self.get_object()
        result.indicators = indicator_lines(
            result.node.indicators,
            organization=self.membership.organization,
            site=result.assessment.site,
        )
        return Response(ResultDetailSerializer(result).data)

    def _saved(self, result, call):
        try:
            call(result)
        except ConcurrentEditError as error:
            current = self.get_scoped_queryset().get(pk=result.pk)
            return Response(
                {"detail": [str(m) for m in error.messages],
                 "current": ResultSerializer(current).data},
                status=status.HTTP_409_CONFLICT,
            )  # fmt: skip
        return Response(ResultSerializer(self.get_scoped_queryset().get(pk=result.pk)).data)

    @extend_schema(request=ResultUpdateSerializer, responses=ResultSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        target = self.get_object()
        serializer = ResultUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes, version = service_kwargs(serializer)
        return self._saved(
            target,
            lambda result: services.result_update(
                actor=self.actor, target=result,
                expected_version=version, **changes,
            )
        )  # fmt: skip

    @extend_schema(request=ResultAssignSerializer, responses=ResultSerializer)
    @action(detail=True, methods=["post"], url_path="assign")
    def assign(self, request, pk=None, **kwargs):
        target = self.get_object()
        serializer = ResultAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        data = resolve_refs(data, self.membership)
        return self._saved(
            target,
            lambda result: services.result_assign(
                actor=self.actor, target=result,
                expected_version=version, **data,
            )
        )  # fmt: skip

    @extend_schema(request=ResultReviewSerializer, responses=ResultSerializer)
    @action(detail=True, methods=["post"], url_path="review")
    def review(self, request, pk=None, **kwargs):
        target = self.get_object()
        serializer = ResultReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        service = services.result_unreview if data["undo"] else services.result_review
        return self._saved(
            target,
            lambda result: service(
                actor=self.actor, target=result,
                expected_version=version,
            )
        )  # fmt: skip
