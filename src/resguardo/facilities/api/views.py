from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.permissions import Perm

from .. import selectors, services
from ..filtersets import BadgeFilterSet, DeniedPersonFilterSet, VisitFilterSet
from ..models import Badge, DeniedPerson, Visit
from . import serializers as s


def _actor(request) -> Actor:
    return Actor.from_request(request._request)


class VisitViewSet(ReadOnlyOrganizationViewSet):
    """The gate log. POST checks a person in; check_out and check_out_by_badge let them out."""

    serializer_class = s.VisitSerializer
    filterset_class = VisitFilterSet
    write_perm = Perm.RECORD
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    queryset = Visit.objects.none()

    def get_scoped_queryset(self):
        return selectors.visit_list(membership=self.membership)

    @extend_schema(request=s.CheckInSerializer, responses={201: s.VisitSerializer})
    def create(self, request):
        serializer = s.CheckInSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        visit = services.visit_check_in(actor=_actor(request), **serializer.validated_data)
        return Response(s.VisitSerializer(visit).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CheckOutSerializer, responses=s.VisitSerializer)
    @action(detail=True, methods=["post"], url_path="check-out")
    def check_out(self, request, pk=None):
        visit = self.get_object()
        serializer = s.CheckOutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        visit = services.visit_check_out(
            actor=_actor(request), visit=visit, **serializer.validated_data
        )
        return Response(s.VisitSerializer(visit).data)

    @extend_schema(request=s.CheckOutByBadgeSerializer, responses=s.VisitSerializer)
    @action(detail=False, methods=["post"], url_path="check-out-by-badge")
    def check_out_by_badge(self, request):
        serializer = s.CheckOutByBadgeSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        visit = services.visit_check_out_by_badge(
            actor=_actor(request), **serializer.validated_data
        )
        return Response(s.VisitSerializer(visit).data)

    @extend_schema(responses=s.VisitSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="on-site", pagination_class=None)
    def on_site(self, request):
        """Who is inside now (the evacuation list), every site the member may see."""
        visits = selectors.on_site(membership=self.membership)
        visits = self.filter_queryset(visits)
        return Response(s.VisitSerializer(visits, many=True).data)


class BadgeViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.BadgeSerializer
    filterset_class = BadgeFilterSet
    write_perm = Perm.RECORD
    queryset = Badge.objects.none()

    def get_scoped_queryset(self):
        return selectors.badge_list(membership=self.membership)

    @extend_schema(request=s.BadgeRegisterSerializer, responses={201: s.BadgeSerializer})
    def create(self, request):
        serializer = s.BadgeRegisterSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        badge = services.badge_register(actor=_actor(request), **serializer.validated_data)
        return Response(s.BadgeSerializer(badge).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.BadgeIssueSerializer, responses=s.BadgeSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        badge = self.get_object()
        serializer = s.BadgeIssueSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        badge = services.badge_issue(
            actor=_actor(request), badge=badge, expected_version=data.pop("version", None), **data
        )
        return Response(s.BadgeSerializer(badge).data)

    @extend_schema(request=None, responses=s.BadgeSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_badge(self, request, pk=None):
        badge = services.badge_return(actor=_actor(request), badge=self.get_object())
        return Response(s.BadgeSerializer(badge).data)

    @extend_schema(request=s.BadgeLostSerializer, responses=s.BadgeSerializer)
    @action(detail=True, methods=["post"])
    def lost(self, request, pk=None):
        badge = self.get_object()
        serializer = s.BadgeLostSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        badge = services.badge_mark_lost(
            actor=_actor(request), badge=badge, **serializer.validated_data
        )
        return Response(s.BadgeSerializer(badge).data)


class DeniedPersonViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.DeniedPersonSerializer
    filterset_class = DeniedPersonFilterSet
    write_perm = Perm.MANAGE_COMPLIANCE
    queryset = DeniedPerson.objects.none()

    def get_scoped_queryset(self):
        return selectors.denied_list(membership=self.membership)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.denied_person_add(actor=_actor(self.request), **data)

    @extend_schema(request=None, responses=s.DeniedPersonSerializer)
    @action(detail=True, methods=["post"])
    def lift(self, request, pk=None):
        person = services.denied_person_lift(actor=_actor(request), person=self.get_object())
        return Response(s.DeniedPersonSerializer(person).data)


class GatePolicyView(APIView):
    """The organization's gate privacy notice, ID masking and retention."""

    write_perm = Perm.MANAGE_COMPLIANCE

    @extend_schema(responses=s.GatePolicySerializer)
    def get(self, request):
        policy = selectors.gate_policy(membership=request.membership)
        return Response(s.GatePolicySerializer(policy).data)

    @extend_schema(request=s.GatePolicySerializer, responses=s.GatePolicySerializer)
    def put(self, request):
        serializer = s.GatePolicySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        policy = services.gate_policy_save(
            actor=_actor(request), expected_version=data.pop("version", None), **data
        )
        return Response(s.GatePolicySerializer(policy).data)


from .checks import CameraViewSet, CheckRunViewSet, CheckTypeViewSet, SiteProfileViewSet  # noqa: E402
from .records import (  # noqa: E402
    ChallengeViewSet,
    GuardViewSet,
    KeyAuditViewSet,
    KeyViewSet,
    PackageViewSet,
)

__all__ = [
    "BadgeViewSet",
    "CameraViewSet",
    "ChallengeViewSet",
    "CheckRunViewSet",
    "CheckTypeViewSet",
    "DeniedPersonViewSet",
    "GatePolicyView",
    "GuardViewSet",
    "KeyAuditViewSet",
    "KeyViewSet",
    "PackageViewSet",
    "SiteProfileViewSet",
    "VisitViewSet",
]
