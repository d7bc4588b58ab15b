"""API of the site profiles, cameras, scheduled checks and rounds."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from resguardo.core.actors import Actor
from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.permissions import Perm

from .. import selectors
from ..filtersets import (
    CameraFilterSet,
    CheckRunFilterSet,
    CheckTypeFilterSet,
    SiteProfileFilterSet,
)
from ..models import Camera, CheckRun, CheckType, SiteProfile
from ..services import checks as check_services
from ..services.sites import camera_save, site_profile_save
from . import serializers as s


def _actor(request) -> Actor:
    return Actor.from_request(request._request)


class SiteProfileViewSet(ReadOnlyOrganizationViewSet):
    """Every version of every site profile; POST writes the next version of a site's."""

    serializer_class = s.SiteProfileSerializer
    filterset_class = SiteProfileFilterSet
    queryset = SiteProfile.objects.none()

    def get_scoped_queryset(self):
        from resguardo.core.permissions import restrict_to_sites

        return restrict_to_sites(
            SiteProfile.objects.filter(organization=self.membership.organization), self.membership
        ).order_by("site_id", "-number")

    @extend_schema(request=s.SiteProfileWriteSerializer, responses={201: s.SiteProfileSerializer})
    def create(self, request):
        serializer = s.SiteProfileWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        profile = site_profile_save(actor=_actor(request), **data)
        return Response(s.SiteProfileSerializer(profile).data, status=status.HTTP_201_CREATED)


class CameraViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.CameraSerializer
    filterset_class = CameraFilterSet
    queryset = Camera.objects.none()

    def get_scoped_queryset(self):
        return selectors.camera_list(membership=self.membership).order_by("pk")

    @extend_schema(request=s.CameraWriteSerializer, responses={201: s.CameraSerializer})
    def create(self, request):
        serializer = s.CameraWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        camera = camera_save(actor=_actor(request), **serializer.validated_data)
        return Response(s.CameraSerializer(camera).data, status=status.HTTP_201_CREATED)


class CheckTypeViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.CheckTypeSerializer
    filterset_class = CheckTypeFilterSet
    queryset = CheckType.objects.none()

    def get_scoped_queryset(self):
        return (
            selectors.check_type_list(membership=self.membership)
            .prefetch_related("checkpoints")
            .order_by("pk")
        )

    @extend_schema(request=s.CheckTypeCreateSerializer, responses={201: s.CheckTypeSerializer})
    def create(self, request):
        serializer = s.CheckTypeCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        check = check_services.check_type_create(actor=_actor(request), **serializer.validated_data)
        return Response(s.CheckTypeSerializer(check).data, status=status.HTTP_201_CREATED)


class CheckRunViewSet(ReadOnlyOrganizationViewSet):
    """Checks done and rounds walked. POST records a check; scan records a checkpoint."""

    serializer_class = s.CheckRunSerializer
    filterset_class = CheckRunFilterSet
    write_perm = Perm.RECORD
    queryset = CheckRun.objects.none()

    def get_scoped_queryset(self):
        return selectors.run_list(membership=self.membership).prefetch_related("scans", "cameras")

    @extend_schema(request=s.CheckRecordSerializer, responses={201: s.CheckRunSerializer})
    def create(self, request):
        serializer = s.CheckRecordSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        run = check_services.check_record(actor=_actor(request), **serializer.validated_data)
        return Response(s.CheckRunSerializer(run).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ScanSerializer, responses=s.ScanResultSerializer)
    @action(detail=False, methods=["post"])
    def scan(self, request):
        serializer = s.ScanSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        run = None
        if serializer.validated_data.get("run"):
            run = self.get_scoped_queryset().filter(pk=serializer.validated_data["run"]).first()
            if run is None:
                raise ValidationError({"run": _("No such round.")})
        scan, created = check_services.round_scan(
            actor=_actor(request), code=serializer.validated_data["code"], run=run
        )
        payload = {
            "run": scan.run_id,
            "checkpoint": scan.checkpoint_id,
            "scanned_at": scan.scanned_at,
            "created": created,
        }
        return Response(s.ScanResultSerializer(payload).data)

    @extend_schema(request=s.RoundFinishSerializer, responses=s.CheckRunSerializer)
    @action(detail=True, methods=["post"])
    def finish(self, request, pk=None):
        serializer = s.RoundFinishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        run = check_services.round_finish(
            actor=_actor(request), run=self.get_object(), **serializer.validated_data
        )
        return Response(s.CheckRunSerializer(run).data)
