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

    def parsed(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class CertificationViewSet(_Api, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                           ReadOnlyOrganizationViewSet):  # fmt: skip
    serializer_class = s.CertificationSerializer
    queryset = Certification.objects.none()
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.certification_list(membership=self.membership).prefetch_related("renewals")

    @extend_schema(
        request=s.CertificationWriteSerializer, responses={201: s.CertificationSerializer}
    )
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.CertificationWriteSerializer)
        data.pop("version", None)
        site = self.site_for(data.pop("site", None))
        certification = services.certification_create(actor=self.actor, site=site, **data)
        return Response(
            s.CertificationSerializer(certification).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.CertificationWriteSerializer, responses=s.CertificationSerializer)
    def partial_update(self, request, *args, **kwargs):
        certification = self.get_object()
        data = self.parsed(s.CertificationWriteSerializer)
        data.pop("site", None)
        version = data.pop("version", None)
        certification = services.certification_update(
            actor=self.actor, certification=certification, expected_version=version, **data
        )
        return Response(s.CertificationSerializer(certification).data)

    @extend_schema(request=s.RenewalFileSerializer, responses={201: s.RenewalSerializer})
    @action(detail=True, methods=["post"])
    def renewal(self, request, pk=None):
        certification = self.get_object()
        renewal = services.renewal_file(
            actor=self.actor, certification=certification, **self.parsed(s.RenewalFileSerializer)
        )
        return Response(s.RenewalSerializer(renewal).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.RenewalAcknowledgeSerializer, responses=s.RenewalSerializer)
    @action(detail=True, methods=["post"], url_path="renewal-acuse")
    def renewal_acuse(self, request, pk=None):
        certification = self.get_object()
        data = self.parsed(s.RenewalAcknowledgeSerializer)
        renewal = selectors.renewal_get(membership=self.membership, pk=data.pop("renewal"))
        if renewal.certification_id != certification.pk:
            from django.http import Http404

            raise Http404
        renewal = services.renewal_acknowledge(actor=self.actor, renewal=renewal, **data)
        return Response(s.RenewalSerializer(renewal).data)


class RepresentativeViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.RepresentativeSerializer
    queryset = Representative.objects.none()

    def get_scoped_queryset(self):
        return selectors.representative_list(membership=self.membership, include_removed=True)

    @extend_schema(
        request=s.RepresentativeWriteSerializer, responses={201: s.RepresentativeSerializer}
    )
    def create(self, request, *args, **kwargs):
        person = services.representative_add(
            actor=self.actor, **self.parsed(s.RepresentativeWriteSerializer)
        )
        return Response(s.RepresentativeSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.RemoveSerializer, responses=s.RepresentativeSerializer)
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        person = services.representative_remove(
            actor=self.actor, representative=self.get_object(), **self.parsed(s.RemoveSerializer)
        )
        return Response(s.RepresentativeSerializer(person).data)


class PrerequisitesView(_Api, APIView):
    """The prerequisites panel (GET) and recording one prerequisite (POST)."""

    permission_classes = [IsOrganizationMember]

    def get_parsers(self):
        return [CleanTextParser(parser) for parser in super().get_parsers()]

    @property
    def membership(self):
        return self.request.membership

    @extend_schema(responses=s.PrerequisiteRowSerializer(many=True))
    def get(self, request):
        rows = selectors.prerequisite_panel(membership=self.membership)
        return Response(s.PrerequisiteRowSerializer(rows, many=True).data)

    @extend_schema(
        request=s.PrerequisiteWriteSerializer, responses=s.PrerequisiteRowSerializer(many=True)
    )
    def post(self, request):
        require_perm(self.membership, Perm.MANAGE_COMPLIANCE)
        services.prerequisite_record(actor=self.actor, **self.parsed(s.PrerequisiteWriteSerializer))
        rows = selectors.prerequisite_panel(membership=self.membership)
        return Response(s.PrerequisiteRowSerializer(rows, many=True).data)


class FeeViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.FeeSerializer
    queryset = AnnualFee.objects.none()

    def get_scoped_queryset(self):
        return selectors.fee_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(request=s.FeeWriteSerializer, responses={201: s.FeeSerializer})
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.FeeWriteSerializer)
        data["certification"] = selectors.certification_get(
            membership=self.membership, pk=data["certification"]
        )
        fee = services.fee_record(actor=self.actor, **data)
        return Response(s.FeeSerializer(fee).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.FeePaySerializer, responses=s.FeeSerializer)
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        fee = services.fee_pay(
            actor=self.actor, fee=self.get_object(), **self.parsed(s.FeePaySerializer)
        )
        return Response(s.FeeSerializer(fee).data)


class AvisoViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.AvisoSerializer
    queryset = Aviso.objects.none()

    def get_scoped_queryset(self):
        return selectors.aviso_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(request=s.AvisoWriteSerializer, responses={201: s.AvisoSerializer})
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.AvisoWriteSerializer)
        data["site"] = self.site_for(data.get("site"))
        data["owner"] = self.user_for(data.get("owner"))
        aviso = services.aviso_create(actor=self.actor, **data)
        return Response(s.AvisoSerializer(aviso).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.AvisoFileSerializer, responses=s.AvisoSerializer)
    @action(detail=True, methods=["post"])
    def file(self, request, pk=None):
        data = self.parsed(s.AvisoFileSerializer)
        version = data.pop("version", None)
        aviso = services.aviso_file(
            actor=self.actor, aviso=self.get_object(), expected_version=version, **data
        )
        return Response(s.AvisoSerializer(aviso).data)

    @extend_schema(request=s.AcuseSerializer, responses=s.AvisoSerializer)
    @action(detail=True, methods=["post"])
    def acuse(self, request, pk=None):
        aviso = services.aviso_acknowledge(
            actor=self.actor, aviso=self.get_object(), **self.parsed(s.AcuseSerializer)
        )
        return Response(s.AvisoSerializer(aviso).data)


class RequirementViewSet(_Api, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.RequirementSerializer
    queryset = AuthorityRequirement.objects.none()

    def get_scoped_queryset(self):
        return selectors.requirement_list(membership=self.membership).prefetch_related("documents")

    @extend_schema(request=s.RequirementWriteSerializer, responses={201: s.RequirementSerializer})
    def create(self, request, *args, **kwargs):
        data = self.parsed(s.RequirementWriteSerializer)
        data["site"] = self.site_for(data.get("site"))
        data["owner"] = self.user_for(data.get("owner"))
        requirement = services.requirement_create(actor=self.actor, **data)
        return Response(s.RequirementSerializer(requirement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.RequirementAnswerSerializer, responses=s.RequirementSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        data = self.parsed(s.RequirementAnswerSerializer)
        version = data.pop("version", None)
        requirement = services.requirement_answer(
            actor=self.actor, requirement=self.get_object(), expected_version=version, **data
        )
        return Response(s.RequirementSerializer(requirement).data)
