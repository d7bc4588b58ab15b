"""REST endpoints of the certification. Every write goes through the same services as the UI."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.parsers import CleanTextParser
from resguardo.core.api.permissions import IsOrganizationMember
from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.selectors import member_user_list, site_get

from .. import selectors, services
from ..filtersets import AvisoFilterSet, FeeFilterSet, RequirementFilterSet
from ..models import AnnualFee, AuthorityRequirement, Aviso, Certification, Representative
from . import serializers as s

PARSERS = [JSONParser, MultiPartParser, FormParser]


class _Api:
    parser_classes = PARSERS

    @property
    def actor(self):
        return Actor.from_request(self.request)

    def site_for(self, pk):
        return None if pk is None else site_get(membership=self.membership, pk=pk)

    def user_for(self, pk):
        from django.shortcuts import get_object_or_404

        if pk is None:
            return None
        return get_object_or_404(member_user_list(membership=self.membership), pk=pk)

    def parsed(self, serializer_class, *, partial=False):
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class OwnCertificationViewSet(_Api, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                           ReadOnlyOrganizationViewSet):  # fmt: skip
    serializer_class = s.OwnCertificationSerializer
    queryset = Certification.objects.none()
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.certification_list(membership=self.membership).prefetch_related("renewals")

    @extend_schema(
        request=s.OwnCertificationWriteSerializer, responses={201: s.OwnCertificationSerializer}
    )
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.OwnCertificationWriteSerializer)
        data.pop("version", None)
        site = self.site_for(data.pop("site", None))
        certification = services.certification_create(actor=self.actor, site=site, **data)
        return Response(
            s.OwnCertificationSerializer(certification).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=s.OwnCertificationWriteSerializer, responses=s.OwnCertificationSerializer
    )
    def partial_update(self, request, *args, **kwargs):
        certification = self.get_object()
        data = self.parsed(s.OwnCertificationWriteSerializer)
        data.pop("site", None)
        version = data.pop("version", None)
        certification = services.certification_update(
            actor=self.actor, certification=certification, expected_version=version, **data
        )
        return Response(s.OwnCertificationSerializer(certification).data)

    @extend_schema(request=s.OwnRenewalFileSerializer, responses={201: s.OwnRenewalSerializer})
    @action(detail=True, methods=["post"])
    def renewal(self, request, pk=None):
        certification = self.get_object()
        renewal = services.renewal_file(
            actor=self.actor, certification=certification, **self.parsed(s.OwnRenewalFileSerializer)
        )
        return Response(s.OwnRenewalSerializer(renewal).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.OwnRenewalAcknowledgeSerializer, responses=s.OwnRenewalSerializer)
    @action(detail=True, methods=["post"], url_path="renewal-acuse")
    def renewal_acuse(self, request, pk=None):
        certification = self.get_object()
        data = self.parsed(s.OwnRenewalAcknowledgeSerializer)
        renewal = selectors.renewal_get(membership=self.membership, pk=data.pop("renewal"))
        if renewal.certification_id != certification.pk:
            from django.http import Http404

            raise Http404
        renewal = services.renewal_acknowledge(actor=self.actor, renewal=renewal, **data)
        return Response(s.OwnRenewalSerializer(renewal).data)


class OwnRepresentativeViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.OwnRepresentativeSerializer
    queryset = Representative.objects.none()

    def get_scoped_queryset(self):
        return selectors.representative_list(membership=self.membership, include_removed=True)

    @extend_schema(
        request=s.OwnRepresentativeWriteSerializer, responses={201: s.OwnRepresentativeSerializer}
    )
    def create(self, request, *args, **kwargs):
        person = services.representative_add(
            actor=self.actor, **self.parsed(s.OwnRepresentativeWriteSerializer)
        )
        return Response(s.OwnRepresentativeSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.OwnRemoveSerializer, responses=s.OwnRepresentativeSerializer)
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        representative = self.get_object()
        person = services.representative_remove(
            actor=self.actor, representative=representative, **self.parsed(s.OwnRemoveSerializer)
        )
        return Response(s.OwnRepresentativeSerializer(person).data)


class OwnPrerequisitesView(_Api, APIView):
    """The prerequisites panel (GET) and recording one prerequisite (POST)."""

    permission_classes = [IsOrganizationMember]

    def get_parsers(self):
        return [CleanTextParser(parser) for parser in super().get_parsers()]

    @property
    def membership(self):
        return self.request.membership

    @extend_schema(responses=s.OwnPrerequisiteRowSerializer(many=True))
    def get(self, request):
        rows = selectors.prerequisite_panel(membership=self.membership)
        return Response(s.OwnPrerequisiteRowSerializer(rows, many=True).data)

    @extend_schema(
        request=s.OwnPrerequisiteWriteSerializer,
        responses=s.OwnPrerequisiteRowSerializer(many=True),
    )
    def post(self, request):
        require_perm(self.membership, Perm.MANAGE_COMPLIANCE)
        services.prerequisite_record(
            actor=self.actor, **self.parsed(s.OwnPrerequisiteWriteSerializer)
        )
        rows = selectors.prerequisite_panel(membership=self.membership)
        return Response(s.OwnPrerequisiteRowSerializer(rows, many=True).data)


class OwnFeeViewSet(_Api, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                    ReadOnlyOrganizationViewSet):  # fmt: skip
    serializer_class = s.OwnFeeSerializer
    queryset = AnnualFee.objects.none()
    filterset_class = FeeFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.fee_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(request=s.OwnFeeWriteSerializer, responses={201: s.OwnFeeSerializer})
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.OwnFeeWriteSerializer)
        data["certification"] = selectors.certification_get(
            membership=self.membership, pk=data["certification"]
        )
        fee = services.fee_record(actor=self.actor, **data)
        return Response(s.OwnFeeSerializer(fee).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.OwnFeeEditSerializer, responses=s.OwnFeeSerializer)
    def partial_update(self, request, *args, **kwargs):
        fee = self.get_object()
        data = self.parsed(s.OwnFeeEditSerializer, partial=True)
        version = data.pop("version", None)
        fee = services.fee_update(actor=self.actor, fee=fee, expected_version=version, **data)
        return Response(s.OwnFeeSerializer(fee).data)

    @extend_schema(request=s.OwnFeePaySerializer, responses=s.OwnFeeSerializer)
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        fee = self.get_object()
        fee = services.fee_pay(actor=self.actor, fee=fee, **self.parsed(s.OwnFeePaySerializer))
        return Response(s.OwnFeeSerializer(fee).data)


class OwnAvisoViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.OwnAvisoSerializer
    queryset = Aviso.objects.none()
    filterset_class = AvisoFilterSet

    def get_scoped_queryset(self):
        return selectors.aviso_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(request=s.OwnAvisoWriteSerializer, responses={201: s.OwnAvisoSerializer})
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.OwnAvisoWriteSerializer)
        data["site"] = self.site_for(data.get("site"))
        data["owner"] = self.user_for(data.get("owner"))
        aviso = services.aviso_create(actor=self.actor, **data)
        return Response(s.OwnAvisoSerializer(aviso).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.OwnAvisoFileSerializer, responses=s.OwnAvisoSerializer)
    @action(detail=True, methods=["post"])
    def file(self, request, pk=None):
        aviso = self.get_object()
        data = self.parsed(s.OwnAvisoFileSerializer)
        version = data.pop("version", None)
        aviso = services.aviso_file(actor=self.actor, aviso=aviso, expected_version=version, **data)
        return Response(s.OwnAvisoSerializer(aviso).data)

    @extend_schema(request=s.OwnAcuseSerializer, responses=s.OwnAvisoSerializer)
    @action(detail=True, methods=["post"])
    def acuse(self, request, pk=None):
        aviso = self.get_object()
        aviso = services.aviso_acknowledge(
            actor=self.actor, aviso=aviso, **self.parsed(s.OwnAcuseSerializer)
        )
        return Response(s.OwnAvisoSerializer(aviso).data)


class OwnRequirementViewSet(_Api, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                            ReadOnlyOrganizationViewSet):  # fmt: skip
    serializer_class = s.OwnRequirementSerializer
    queryset = AuthorityRequirement.objects.none()
    filterset_class = RequirementFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.requirement_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(
        request=s.OwnRequirementWriteSerializer, responses={201: s.OwnRequirementSerializer}
    )
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.OwnRequirementWriteSerializer)
        data["site"] = self.site_for(data.get("site"))
        data["owner"] = self.user_for(data.get("owner"))
        requirement = services.requirement_create(actor=self.actor, **data)
        return Response(
            s.OwnRequirementSerializer(requirement).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.OwnRequirementEditSerializer, responses=s.OwnRequirementSerializer)
    def partial_update(self, request, *args, **kwargs):
        requirement = self.get_object()
        data = self.parsed(s.OwnRequirementEditSerializer, partial=True)
        version = data.pop("version", None)
        if "site" in data:
            data["site"] = self.site_for(data["site"])
        if "owner" in data:
            data["owner"] = self.user_for(data["owner"])
        requirement = services.requirement_update(
            actor=self.actor, requirement=requirement, expected_version=version, **data
        )
        return Response(s.OwnRequirementSerializer(requirement).data)

    @extend_schema(request=s.OwnRequirementAnswerSerializer, responses=s.OwnRequirementSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        requirement = self.get_object()
        data = self.parsed(s.OwnRequirementAnswerSerializer)
        version = data.pop("version", None)
        requirement = services.requirement_answer(
            actor=self.actor, requirement=requirement, expected_version=version, **data
        )
        return Response(s.OwnRequirementSerializer(requirement).data)
