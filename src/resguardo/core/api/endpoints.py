from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors, services
from ..actors import Actor
from ..filtersets import AuditEntryFilterSet, MemberFilterSet, SiteFilterSet
from ..models import Aduana, AuditEntry, Membership, Site
from ..permissions import Perm
from .serializers import (
    AduanaSerializer,
    AuditEntrySerializer,
    MembershipSerializer,
    MembershipUpdateSerializer,
    OrganizationSerializer,
    OrganizationUpdateSerializer,
    SiteSerializer,
)
from .views import OrganizationViewSet, ReadOnlyOrganizationViewSet, service_kwargs


class AduanaViewSet(ReadOnlyOrganizationViewSet):
    """The official catalog of Mexican customs offices (paginated like every other list)."""

    serializer_class = AduanaSerializer
    lookup_field = "code"

    queryset = Aduana.objects.none()

    def get_scoped_queryset(self):
        return selectors.aduana_list()


class CurrentOrganizationView(APIView):
    """The organization the request acts for."""

    write_perm = Perm.MANAGE_ORGANIZATION

    @extend_schema(responses=OrganizationSerializer)
    def get(self, request):
        organization = request.membership.organization
        return Response(OrganizationSerializer(organization).data)

    @extend_schema(request=OrganizationUpdateSerializer, responses=OrganizationSerializer)
    def patch(self, request):
        serializer = OrganizationUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes, version = service_kwargs(serializer)
        organization = services.organization_update(
            actor=Actor.from_request(request), expected_version=version, **changes
        )
        return Response(OrganizationSerializer(organization).data)


class SiteViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    OrganizationViewSet,
):
    serializer_class = SiteSerializer
    filterset_class = SiteFilterSet
    write_perm = Perm.MANAGE_ORGANIZATION

    queryset = Site.objects.none()

    def get_scoped_queryset(self):
        return selectors.site_list(membership=self.membership)

    def perform_create(self, serializer):
        data, _version = service_kwargs(serializer, drop=("version", "is_active"))
        serializer.instance = services.site_create(actor=self.actor, **data)

    def perform_update(self, serializer):
        changes, version = service_kwargs(serializer)
        serializer.instance = services.site_update(
            actor=self.actor,
            site=serializer.instance,
            expected_version=version,
            **changes,
        )


class MemberViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = MembershipSerializer
    filterset_class = MemberFilterSet
    read_perm = Perm.MANAGE_ORGANIZATION  # as the UI's member list: administrators only
    write_perm = Perm.MANAGE_ORGANIZATION

    queryset = Membership.objects.none()

    def get_scoped_queryset(self):
        return selectors.member_list(membership=self.membership)

    @extend_schema(request=MembershipUpdateSerializer, responses=MembershipSerializer)
    @action(detail=True, methods=["post"], url_path="role")
    def change_role(self, request, pk=None, **kwargs):
        target = self.get_object()
        serializer = MembershipUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        sites = list(selectors.site_list(membership=self.membership).filter(pk__in=data["sites"]))
        if len(sites) != len(set(data["sites"])):
            return Response({"sites": [_("Unknown site.")]}, status=status.HTTP_400_BAD_REQUEST)
        data["sites"] = sites
        updated = services.membership_update(
            actor=self.actor,
            target=target,
            expected_version=version,
            **data,
        )
        return Response(MembershipSerializer(updated).data)


class AuditEntryViewSet(ReadOnlyOrganizationViewSet):
    """The organization's audit log (administrators and auditors)."""

    serializer_class = AuditEntrySerializer
    filterset_class = AuditEntryFilterSet
    read_perm = Perm.VIEW_AUDIT_LOG
    lookup_field = "sequence"

    queryset = AuditEntry.objects.none()

    def get_scoped_queryset(self):
        return selectors.audit_entry_list(membership=self.membership)
