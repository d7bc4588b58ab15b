"""The incidents API: the same services as the pages, and one narrow anonymous endpoint."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.views import OrganizationViewSet, ReadOnlyOrganizationViewSet
from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm

from .. import selectors, services
from ..filtersets import (
    CategoryFilterSet,
    EvidenceFilterSet,
    IncidentFilterSet,
    NoticeFilterSet,
    ReportingLinkFilterSet,
)
from ..models import Category, Evidence, Incident, Notice, ReportingLink
from ..views.public import client_address
from . import serializers as s

PARSERS = [JSONParser, MultiPartParser, FormParser]


def _actor(request) -> Actor:
    """DRF's request: its user is the one the token or session authenticated."""
    return Actor.from_request(request)


def _parsed(serializer_class, request, **context):
    serializer = serializer_class(data=request.data, context={"request": request, **context})
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    version = data.pop("version", None)
    return data, version


def _photos(request) -> list:
    return request.FILES.getlist("photos") if hasattr(request, "FILES") else []


class IncidentViewSet(ReadOnlyOrganizationViewSet):
    """Incidents the member may read (confidential ones: officers and people on the case).
    POST reports one; the actions work on the investigation file."""

    serializer_class = s.IncidentSerializer
    filterset_class = IncidentFilterSet
    write_perm = Perm.RECORD
    parser_classes = PARSERS
    queryset = Incident.objects.none()

    def get_scoped_queryset(self):
        return selectors.incident_list(membership=self.membership)

    def _done(self, incident, code=status.HTTP_200_OK):
        incident.refresh_from_db()
        return Response(s.IncidentSerializer(incident).data, status=code)

    @extend_schema(request=s.IncidentReportSerializer, responses={201: s.IncidentSerializer})
    def create(self, request):
        data, _version = _parsed(s.IncidentReportSerializer, request)
        data["photos"] = data.get("photos") or _photos(request)
        services.categories_ensure(organization=self.membership.organization)
        incident = services.incident_report(actor=_actor(request), **data)
        return Response(s.IncidentSerializer(incident).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.IncidentUpdateSerializer, responses=s.IncidentSerializer)
    def partial_update(self, request, pk=None):
        incident = self.get_object()
        data, version = _parsed(s.IncidentUpdateSerializer, request)
        services.incident_update(
            actor=_actor(request), incident=incident, expected_version=version, **data
        )
        return self._done(incident)

    @extend_schema(request=s.IncidentChecklistSerializer, responses=s.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def checklist(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentChecklistSerializer, request)
        services.checklist_mark(actor=_actor(request), incident=incident, **data)
        return self._done(incident)

    @extend_schema(
        request=s.IncidentNoteSerializer, responses={201: s.IncidentTimelineEntrySerializer}
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentNoteSerializer, request)
        entry = services.note_add(actor=_actor(request), incident=incident, **data)
        body = {"at": entry.at, "kind": entry.kind, "text": entry.text, "author": str(entry.author)}
        return Response(
            s.IncidentTimelineEntrySerializer(body).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(responses=s.IncidentTimelineEntrySerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def timeline(self, request, pk=None):
        incident = self.get_object()
        rows = [
            {"at": t.at, "kind": t.kind, "text": t.text, "author": str(t.author or "")}
            for t in incident.timeline.select_related("author")
        ]
        return Response(s.IncidentTimelineEntrySerializer(rows, many=True).data)

    @extend_schema(request=s.IncidentPersonSerializer, responses={201: s.IncidentPersonSerializer})
    @action(detail=True, methods=["post"])
    def people(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentPersonSerializer, request)
        person = services.person_add(actor=_actor(request), incident=incident, **data)
        return Response(s.IncidentPersonSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.IncidentMemberSerializer, responses={201: s.IncidentSerializer})
    @action(detail=True, methods=["post"])
    def members(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentMemberSerializer, request)
        services.access_grant(actor=_actor(request), incident=incident, **data)
        return self._done(incident, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.IncidentActionSerializer, responses={201: s.IncidentActionLinkSerializer}
    )
    @action(detail=True, methods=["post"], url_path="actions")
    def raise_action(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentActionSerializer, request)
        link = services.action_add(actor=_actor(request), incident=incident, **data)
        return Response(s.IncidentActionLinkSerializer(link).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.IncidentNoticeAddSerializer, responses={201: s.IncidentNoticeSerializer}
    )
    @action(detail=True, methods=["post"], url_path="notices")
    def add_notice(self, request, pk=None):
        incident = self.get_object()
        data, _version = _parsed(s.IncidentNoticeAddSerializer, request)
        notice = services.notice_add(actor=_actor(request), incident=incident, **data)
        return Response(s.IncidentNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.IncidentCloseSerializer, responses=s.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        incident = self.get_object()
        data, version = _parsed(s.IncidentCloseSerializer, request)
        services.incident_close(
            actor=_actor(request), incident=incident, expected_version=version, **data
        )
        return self._done(incident)

    @extend_schema(request=s.IncidentReopenSerializer, responses=s.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        incident = self.get_object()
        data, version = _parsed(s.IncidentReopenSerializer, request)
        services.incident_reopen(
            actor=_actor(request), incident=incident, expected_version=version, **data
        )
        return self._done(incident)


class NoticeViewSet(ReadOnlyOrganizationViewSet):
    """Notices of the incidents the member may read, each with its due time."""

    serializer_class = s.IncidentNoticeSerializer
    filterset_class = NoticeFilterSet
    read_perm = Perm.MANAGE_COMPLIANCE
    write_perm = Perm.MANAGE_COMPLIANCE
    queryset = Notice.objects.none()

    def get_scoped_queryset(self):
        return selectors.notice_list(membership=self.membership)

    @extend_schema(request=s.IncidentNoticeFileSerializer, responses=s.IncidentNoticeSerializer)
    @action(detail=True, methods=["post"], url_path="file")
    def file_notice(self, request, pk=None):
        notice = self.get_object()
        data, version = _parsed(s.IncidentNoticeFileSerializer, request)
        notice = services.notice_file(
            actor=_actor(request), notice=notice, expected_version=version, **data
        )
        return Response(s.IncidentNoticeSerializer(notice).data)

    @extend_schema(request=s.IncidentNoticeWaiveSerializer, responses=s.IncidentNoticeSerializer)
    @action(detail=True, methods=["post"])
    def waive(self, request, pk=None):
        notice = self.get_object()
        data, version = _parsed(s.IncidentNoticeWaiveSerializer, request)
        notice = services.notice_waive(
            actor=_actor(request), notice=notice, expected_version=version, **data
        )
        return Response(s.IncidentNoticeSerializer(notice).data)


class EvidenceViewSet(ReadOnlyOrganizationViewSet):
    """Evidence of the incidents the member may read. Every download is recorded."""

    serializer_class = s.IncidentEvidenceSerializer
    filterset_class = EvidenceFilterSet
    write_perm = Perm.RECORD
    parser_classes = [MultiPartParser, FormParser]
    queryset = Evidence.objects.none()

    def get_scoped_queryset(self):
        return selectors.evidence_list(membership=self.membership)

    @extend_schema(
        request=s.IncidentEvidenceAddSerializer, responses={201: s.IncidentEvidenceSerializer}
    )
    def create(self, request):
        data, _version = _parsed(s.IncidentEvidenceAddSerializer, request)
        incident = (
            selectors.incident_list(membership=self.membership)
            .filter(pk=data.pop("incident"))
            .first()
        )
        if incident is None:
            raise Http404
        evidence = services.evidence_add(actor=_actor(request), incident=incident, **data)
        return Response(s.IncidentEvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "*/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        evidence = self.get_object()
        services.evidence_view_record(actor=_actor(request), evidence=evidence)
        return stored_file_response(
            evidence.file,
            content_type=evidence.content_type,
            filename=evidence.original_name or f"evidence-{evidence.pk}",
        )

    @extend_schema(responses=s.IncidentEvidenceViewSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def custody(self, request, pk=None):
        evidence = self.get_object()
        rows = [
            {"viewer": str(v.viewer), "viewed_at": v.viewed_at}
            for v in selectors.evidence_custody(evidence=evidence)
        ]
        return Response(s.IncidentEvidenceViewSerializer(rows, many=True).data)


class CategoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    serializer_class = s.IncidentCategorySerializer
    filterset_class = CategoryFilterSet
    queryset = Category.objects.none()

    def get_scoped_queryset(self):
        return selectors.category_list(membership=self.membership)

    @extend_schema(
        request=s.IncidentCategoryWriteSerializer, responses={201: s.IncidentCategorySerializer}
    )
    def create(self, request):
        data, _version = _parsed(s.IncidentCategoryWriteSerializer, request)
        category = services.category_create(
            actor=_actor(request),
            name=data.get("name", ""),
            default_severity=data.get("default_severity", ""),
        )
        return Response(s.IncidentCategorySerializer(category).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.IncidentCategoryWriteSerializer, responses=s.IncidentCategorySerializer
    )
    def partial_update(self, request, pk=None):
        category = self.get_object()
        data, version = _parsed(s.IncidentCategoryWriteSerializer, request)
        category = services.category_update(
            actor=_actor(request), category=category, expected_version=version, **data
        )
        return Response(s.IncidentCategorySerializer(category).data)


class ReportingLinkViewSet(ReadOnlyOrganizationViewSet):
    """Anonymous reporting links (officers only)."""

    serializer_class = s.ReportingLinkSerializer
    filterset_class = ReportingLinkFilterSet
    read_perm = Perm.MANAGE_COMPLIANCE
    queryset = ReportingLink.objects.none()

    def get_scoped_queryset(self):
        return selectors.reporting_link_list(membership=self.membership)

    @extend_schema(
        request=s.ReportingLinkCreateSerializer, responses={201: s.ReportingLinkSerializer}
    )
    def create(self, request):
        data, _version = _parsed(s.ReportingLinkCreateSerializer, request)
        link = services.reporting_link_create(actor=_actor(request), **data)
        body = s.ReportingLinkSerializer(link, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.ReportingLinkSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        link = services.reporting_link_revoke(actor=_actor(request), link=self.get_object())
        return Response(s.ReportingLinkSerializer(link, context={"request": request}).data)


class AnonymousReportView(APIView):
    """Anonymous intake through a site's public link: no account, no session, rate-limited
    per client address. Answers only the receipt code; an unknown or revoked link is 404."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = PARSERS

    @extend_schema(
        request=s.AnonymousReportSerializer,
        responses={201: s.AnonymousReceiptSerializer},
        auth=[],
    )
    def post(self, request, token):
        link = services.reporting_link_for_token(token)
        if link is None:
            raise Http404
        if not services.anonymous_request_allowed(address=client_address(request._request)):
            raise Throttled(
                detail=_("Too many reports from this connection: try again in an hour.")
            )
        data, _version = _parsed(s.AnonymousReportSerializer, request)
        data["photos"] = data.get("photos") or _photos(request)
        try:
            _incident, code = services.anonymous_report(link=link, **data)
        except DjangoPermissionDenied:  # pragma: no cover - the service asks no permission
            raise Http404 from None
        return Response({"receipt_code": code}, status=status.HTTP_201_CREATED)
