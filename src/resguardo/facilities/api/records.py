"""API of keys, key audits, challenges, packages and guards."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from resguardo.core.actors import Actor
from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.permissions import Perm

from .. import selectors
from ..filtersets import ChallengeFilterSet, GuardFilterSet, KeyFilterSet, PackageFilterSet
from ..models import Challenge, Guard, Key, KeyAudit, Package
from ..services import access, keys
from . import serializers as s


def _actor(request) -> Actor:
    return Actor.from_request(request._request)


class KeyViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.KeySerializer
    filterset_class = KeyFilterSet
    write_perm = Perm.RECORD
    queryset = Key.objects.none()

    def get_scoped_queryset(self):
        return selectors.key_list(membership=self.membership).order_by("pk")

    @extend_schema(request=s.KeyRegisterSerializer, responses={201: s.KeySerializer})
    def create(self, request):
        serializer = s.KeyRegisterSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        key = keys.key_register(actor=_actor(request), **serializer.validated_data)
        return Response(s.KeySerializer(key).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.KeyIssueSerializer, responses=s.KeySerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        key = self.get_object()
        serializer = s.KeyIssueSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        key = keys.key_issue(actor=_actor(request), key=key, **serializer.validated_data)
        return Response(s.KeySerializer(key).data)

    @extend_schema(request=None, responses=s.KeySerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_key(self, request, pk=None):
        key = keys.key_return(actor=_actor(request), key=self.get_object())
        return Response(s.KeySerializer(key).data)

    @extend_schema(request=s.BadgeLostSerializer, responses=s.KeySerializer)
    @action(detail=True, methods=["post"])
    def lost(self, request, pk=None):
        key = self.get_object()
        serializer = s.BadgeLostSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key = keys.key_mark_lost(actor=_actor(request), key=key, **serializer.validated_data)
        return Response(s.KeySerializer(key).data)


class KeyAuditViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.KeyAuditSerializer
    write_perm = Perm.RECORD
    queryset = KeyAudit.objects.none()

    def get_scoped_queryset(self):
        return selectors.key_audit_list(membership=self.membership)

    @extend_schema(request=s.KeyAuditRunSerializer, responses={201: s.KeyAuditSerializer})
    def create(self, request):
        serializer = s.KeyAuditRunSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        audit = keys.key_audit_run(actor=_actor(request), **serializer.validated_data)
        return Response(s.KeyAuditSerializer(audit).data, status=status.HTTP_201_CREATED)


class ChallengeViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    """Challenges of unauthorized persons or vehicles; each one opens an incident."""

    serializer_class = s.ChallengeSerializer
    filterset_class = ChallengeFilterSet
    write_perm = Perm.RECORD
    queryset = Challenge.objects.none()

    def get_scoped_queryset(self):
        return selectors.challenge_list(membership=self.membership)

    def perform_create(self, serializer):
        serializer.instance = access.challenge_record(
            actor=_actor(self.request), **serializer.validated_data
        )


class PackageViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.PackageSerializer
    filterset_class = PackageFilterSet
    write_perm = Perm.RECORD
    queryset = Package.objects.none()

    def get_scoped_queryset(self):
        return selectors.package_list(membership=self.membership)

    def perform_create(self, serializer):
        serializer.instance = access.package_record(
            actor=_actor(self.request), **serializer.validated_data
        )


class GuardViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.GuardSerializer
    filterset_class = GuardFilterSet
    queryset = Guard.objects.none()

    def get_scoped_queryset(self):
        return selectors.guard_list(membership=self.membership).order_by("pk")

    def perform_create(self, serializer):
        serializer.instance = access.guard_create(
            actor=_actor(self.request), **serializer.validated_data
        )
