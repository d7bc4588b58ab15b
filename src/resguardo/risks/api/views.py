"""REST endpoints of the risks module: every list from a selector, every write a service."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from resguardo.core.actors import Actor
from resguardo.core.api.views import OrganizationViewSet, service_kwargs
from resguardo.core.permissions import Perm

from .. import selectors, services
from ..filtersets import (
    DrillFilterSet,
    MeetingFilterSet,
    PlanFilterSet,
    PolicyFilterSet,
    ReviewFilterSet,
    RiskFilterSet,
)
from ..models import (
    CommitteeMeeting,
    CommitteeMember,
    ContingencyPlan,
    Drill,
    Policy,
    RegisterReview,
    Risk,
    ThreatCategory,
)
from ..scale import level_of, scale_for
from ..services import Contact
from . import serializers as s
from .refs import resolve_refs


class ServiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """List and retrieve from a selector; create and update through services."""

    http_method_names = ["get", "post", "patch", "head", "options"]

    @property
    def actor(self) -> Actor:
        return Actor.from_request(self.request._request)

    def parsed(self, serializer_class, *, partial=False):
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        return resolve_refs(data, self.membership), version

    def answer(self, obj, code=status.HTTP_200_OK):
        found = self.get_scoped_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(found).data, code)


class ThreatViewSet(ServiceViewSet):
    """The organization's threat catalog (seeded from the shipped catalog on first use)."""

    serializer_class = s.RiskThreatSerializer
    queryset = ThreatCategory.objects.none()

    def get_scoped_queryset(self):
        services.threats_seed(organization=self.membership.organization)
        return selectors.threat_list(membership=self.membership).order_by("pk")

    @extend_schema(request=s.RiskThreatWriteSerializer, responses={201: s.RiskThreatSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.RiskThreatWriteSerializer)
        threat = services.threat_create(
            actor=self.actor, name=data.get("name", ""), description=data.get("description", "")
        )
        return self.answer(threat, status.HTTP_201_CREATED)

    @extend_schema(request=s.RiskThreatWriteSerializer, responses=s.RiskThreatSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        threat = self.get_object()
        data, version = self.parsed(s.RiskThreatWriteSerializer, partial=True)
        services.threat_update(actor=self.actor, threat=threat, expected_version=version, **data)
        return self.answer(threat)


class RiskViewSet(ServiceViewSet):
    """The risk register. Ratings outside the organization's scale answer 400 naming the
    field; treatment actions are opened in the compliance action plan."""

    serializer_class = s.RiskSerializer
    filterset_class = RiskFilterSet
    queryset = Risk.objects.none()

    def get_scoped_queryset(self):
        return selectors.risk_list(membership=self.membership).prefetch_related(
            "requirements", "evidence"
        )

    @extend_schema(request=s.RiskCreateSerializer, responses={201: s.RiskSerializer})
    def create(self, request, *args, **kwargs):
        services.threats_seed(organization=self.membership.organization)
        data, _version = self.parsed(s.RiskCreateSerializer)
        risk = services.risk_create(actor=self.actor, **data)
        return self.answer(risk, status.HTTP_201_CREATED)

    @extend_schema(request=s.RiskWriteSerializer, responses=s.RiskSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        risk = self.get_object()
        data, version = self.parsed(s.RiskWriteSerializer, partial=True)
        services.risk_update(actor=self.actor, risk=risk, expected_version=version, **data)
        return self.answer(risk)

    @extend_schema(request=s.RiskActionSerializer, responses={201: s.RiskActionOpenedSerializer})
    @action(detail=True, methods=["post"], url_path="actions")
    def open_action(self, request, pk=None, **kwargs):
        risk = self.get_object()
        data, _version = self.parsed(s.RiskActionSerializer)
        opened = services.risk_action_open(actor=self.actor, risk=risk, **data)
        return Response(s.RiskActionOpenedSerializer(opened).data, status.HTTP_201_CREATED)

    @extend_schema(responses=s.RiskHeatMapSerializer, filters=True)
    @action(detail=False, methods=["get"], url_path="heat-map")
    def heat_map(self, request, **kwargs):
        risks = self.filter_queryset(self.get_queryset())
        scale = scale_for(self.membership.organization)

        def cells(counts):
            return [
                {"likelihood": li, "impact": im, "count": n, "level": level_of(li * im, scale)}
                for (li, im), n in sorted(counts.items())
            ]

        return Response(
            {
                "likelihood_levels": scale.likelihood_levels,
                "impact_levels": scale.impact_levels,
                "medium_from": scale.medium_from,
                "high_from": scale.high_from,
                "residual": cells(selectors.heat_counts(risks)),
                "inherent": cells(selectors.heat_counts(risks, residual=False)),
            }
        )

    @extend_schema(responses=s.RiskScaleSerializer, methods=["GET"])
    @extend_schema(
        request=s.RiskScaleSerializer, responses=s.RiskScaleSerializer, methods=["PATCH"]
    )
    @action(detail=False, methods=["get", "patch"], url_path="scale")
    def scale(self, request, **kwargs):
        if request.method == "PATCH":
            serializer = s.RiskScaleSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data, version = service_kwargs(serializer)
            services.scale_update(actor=self.actor, expected_version=version, **data)
        found = scale_for(self.membership.organization)
        return Response(
            s.RiskScaleSerializer(
                {
                    "likelihood_levels": found.likelihood_levels,
                    "impact_levels": found.impact_levels,
                    "medium_from": found.medium_from,
                    "high_from": found.high_from,
                    "version": found.version,
                }
            ).data
        )


class ReviewViewSet(ServiceViewSet):
    """Signed versions of the register. POST signs the register as it is now."""

    serializer_class = s.RegisterReviewSerializer
    filterset_class = ReviewFilterSet
    queryset = RegisterReview.objects.none()
    http_method_names = ["get", "post", "head", "options"]
    write_perm = Perm.APPROVE

    def get_scoped_queryset(self):
        return selectors.review_list(membership=self.membership)

    def retrieve(self, request, *args, **kwargs):
        review = self.get_object()
        data = s.RegisterReviewSerializer(review).data
        data["snapshot"] = {
            **review.snapshot,
            "risks": selectors.visible_rows(self.membership, review.snapshot.get("risks", [])),
        }
        return Response(data)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        rows = []
        for review in page:
            data = s.RegisterReviewSerializer(review).data
            data["snapshot"] = {
                **review.snapshot,
                "risks": selectors.visible_rows(self.membership, review.snapshot.get("risks", [])),
            }
            rows.append(data)
        return self.get_paginated_response(rows)

    @extend_schema(
        request=s.RegisterReviewCreateSerializer, responses={201: s.RegisterReviewSerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.RegisterReviewCreateSerializer)
        review = services.register_review_sign(actor=self.actor, **data)
        return Response(s.RegisterReviewSerializer(review).data, status.HTTP_201_CREATED)


class CommitteeMemberViewSet(ServiceViewSet):
    serializer_class = s.CommitteeMemberSerializer
    queryset = CommitteeMember.objects.none()

    def get_scoped_queryset(self):
        return selectors.committee_member_list(membership=self.membership).order_by("pk")

    @extend_schema(
        request=s.CommitteeMemberWriteSerializer, responses={201: s.CommitteeMemberSerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.CommitteeMemberWriteSerializer)
        data.pop("is_active", None)
        member = services.committee_member_add(
            actor=self.actor,
            name=data.pop("name", ""),
            department=data.pop("department", ""),
            committee_role=data.pop("committee_role", ""),
            **data,
        )
        return self.answer(member, status.HTTP_201_CREATED)

    @extend_schema(request=s.CommitteeMemberWriteSerializer, responses=s.CommitteeMemberSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        member = self.get_object()
        data, version = self.parsed(s.CommitteeMemberWriteSerializer, partial=True)
        services.committee_member_update(
            actor=self.actor, member=member, expected_version=version, **data
        )
        return self.answer(member)


class MeetingViewSet(ServiceViewSet):
    serializer_class = s.CommitteeMeetingSerializer
    filterset_class = MeetingFilterSet
    queryset = CommitteeMeeting.objects.none()
    http_method_names = ["get", "post", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.meeting_list(membership=self.membership)

    @extend_schema(
        request=s.CommitteeMeetingCreateSerializer, responses={201: s.CommitteeMeetingSerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.CommitteeMeetingCreateSerializer)
        meeting = services.meeting_record(actor=self.actor, **data)
        return self.answer(meeting, status.HTTP_201_CREATED)


class PolicyViewSet(ServiceViewSet):
    """Security policies. `acknowledge` is for every member who must read it; new versions
    and reviews need the approval permission."""

    serializer_class = s.SecurityPolicySerializer
    filterset_class = PolicyFilterSet
    queryset = Policy.objects.none()

    @property
    def write_perm(self):
        return Perm.VIEW if self.action == "acknowledge" else Perm.MANAGE_COMPLIANCE

    def get_scoped_queryset(self):
        return selectors.policy_list(membership=self.membership).order_by("title", "pk")

    @extend_schema(
        request=s.SecurityPolicyCreateSerializer, responses={201: s.SecurityPolicySerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.SecurityPolicyCreateSerializer)
        policy = services.policy_create(actor=self.actor, **data)
        return self.answer(policy, status.HTTP_201_CREATED)

    @extend_schema(request=s.SecurityPolicyUpdateSerializer, responses=s.SecurityPolicySerializer)
    def partial_update(self, request, pk=None, **kwargs):
        policy = self.get_object()
        data, version = self.parsed(s.SecurityPolicyUpdateSerializer, partial=True)
        services.policy_update(actor=self.actor, policy=policy, expected_version=version, **data)
        return self.answer(policy)

    @extend_schema(
        request=s.SecurityPolicyVersionCreateSerializer, responses={201: s.SecurityPolicySerializer}
    )
    @action(detail=True, methods=["post"], url_path="versions")
    def publish(self, request, pk=None, **kwargs):
        policy = self.get_object()
        data, _version = self.parsed(s.SecurityPolicyVersionCreateSerializer)
        services.policy_version_publish(actor=self.actor, policy=policy, **data)
        return self.answer(policy, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.SecurityPolicySerializer)
    @action(detail=True, methods=["post"], url_path="acknowledge")
    def acknowledge(self, request, pk=None, **kwargs):
        policy = self.get_object()
        services.policy_acknowledge(actor=self.actor, policy=policy)
        return self.answer(policy)

    @extend_schema(request=None, responses=s.SecurityPolicySerializer)
    @action(detail=True, methods=["post"], url_path="reviewed")
    def reviewed(self, request, pk=None, **kwargs):
        policy = self.get_object()
        services.policy_mark_reviewed(actor=self.actor, policy=policy)
        return self.answer(policy)


def _contacts(data):
    if data.get("contacts") is not None:
        data["contacts"] = [Contact(**contact) for contact in data["contacts"]]
    return data


class PlanViewSet(ServiceViewSet):
    serializer_class = s.ContingencyPlanSerializer
    filterset_class = PlanFilterSet
    queryset = ContingencyPlan.objects.none()

    def get_scoped_queryset(self):
        return (
            selectors.plan_list(membership=self.membership)
            .prefetch_related("contacts")
            .order_by("title", "pk")
        )

    @extend_schema(
        request=s.ContingencyPlanWriteSerializer, responses={201: s.ContingencyPlanSerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.ContingencyPlanWriteSerializer)
        data.pop("is_active", None)
        data.setdefault("contacts", [])
        plan = services.plan_create(
            actor=self.actor,
            title=data.pop("title", ""),
            scenario=data.pop("scenario", ""),
            procedure=data.pop("procedure", ""),
            **_contacts(data),
        )
        return self.answer(plan, status.HTTP_201_CREATED)

    @extend_schema(request=s.ContingencyPlanWriteSerializer, responses=s.ContingencyPlanSerializer)
    def partial_update(self, request, pk=None, **kwargs):
        plan = self.get_object()
        data, version = self.parsed(s.ContingencyPlanWriteSerializer, partial=True)
        services.plan_update(
            actor=self.actor, plan=plan, expected_version=version, **_contacts(data)
        )
        return self.answer(plan)


class DrillViewSet(ServiceViewSet):
    serializer_class = s.ContingencyDrillSerializer
    filterset_class = DrillFilterSet
    queryset = Drill.objects.none()
    http_method_names = ["get", "post", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.drill_list(membership=self.membership).order_by("-held_on", "-pk")

    @extend_schema(
        request=s.ContingencyDrillCreateSerializer, responses={201: s.ContingencyDrillSerializer}
    )
    def create(self, request, *args, **kwargs):
        data, _version = self.parsed(s.ContingencyDrillCreateSerializer)
        drill = services.drill_record(actor=self.actor, **data)
        return self.answer(drill, status.HTTP_201_CREATED)
