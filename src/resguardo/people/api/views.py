"""The people API. Personnel data (people, checks, departures, acknowledgements,
training records, the matrix) answers administrators and compliance officers only; posts,
check items and courses are readable by every member."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.schema import report_or_field_errors
from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.permissions import Perm
from resguardo.core.tabular.api import run_staged_import

from .. import selectors, services
from ..choices import PersonStatus
from ..filtersets import (
    AcknowledgementFilterSet,
    AttendanceFilterSet,
    CheckFilterSet,
    DepartureFilterSet,
    MatrixFilterSet,
    PersonFilterSet,
    SessionFilterSet,
)
from ..models import (
    Acknowledgement,
    Attendance,
    BackgroundCheck,
    CheckItem,
    CheckItemType,
    Course,
    Departure,
    DepartureItem,
    Person,
    Post,
    TrainingSession,
)
from . import serializers as s

PERSONNEL = Perm.MANAGE_COMPLIANCE
PARSERS = [JSONParser, MultiPartParser, FormParser]


def _actor(request) -> Actor:
    return Actor.from_request(request)


class _Personnel:
    read_perm = PERSONNEL
    write_perm = PERSONNEL


class PersonViewSet(_Personnel, ReadOnlyOrganizationViewSet):
    """The personnel register. Reading one file writes an audit entry."""

    serializer_class = s.PersonSerializer
    filterset_class = PersonFilterSet
    queryset = Person.objects.none()

    def get_scoped_queryset(self):
        return selectors.person_list(membership=self.membership)

    def retrieve(self, request, pk=None):
        person = self.get_object()
        services.person_file_read(actor=_actor(request), person=person)
        return Response(s.PersonSerializer(person).data)

    @extend_schema(request=s.PersonWriteSerializer, responses={201: s.PersonSerializer})
    def create(self, request):
        serializer = s.PersonWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("version", None)
        person = services.person_create(actor=_actor(request), **data)
        return Response(s.PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.PersonWriteSerializer, responses={200: s.PersonSerializer})
    def partial_update(self, request, pk=None):
        person = self.get_object()
        serializer = s.PersonWriteSerializer(
            data=request.data, partial=True, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        person = services.person_update(
            actor=_actor(request), person=person, expected_version=version, **data
        )
        return Response(s.PersonSerializer(person).data)

    @extend_schema(request=s.DepartureInSerializer, responses={201: s.DepartureSerializer})
    @action(detail=True, methods=["post"])
    def departure(self, request, pk=None):
        """Record the departure: Resguardo access is revoked at once, the checklist opens."""
        person = self.get_object()
        serializer = s.DepartureInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        departure = services.departure_record(
            actor=_actor(request), person=person, **serializer.validated_data
        )
        return Response(s.DepartureSerializer(departure).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CheckStartSerializer, responses={201: s.BackgroundCheckSerializer})
    @action(detail=True, methods=["post"], url_path="background-check")
    def background_check(self, request, pk=None):
        """Start a background check with the items the person's post requires."""
        person = self.get_object()
        serializer = s.CheckStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check = services.check_start(
            actor=_actor(request), person=person, **serializer.validated_data
        )
        return Response(s.BackgroundCheckSerializer(check).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"multipart/form-data": s.PeopleImportSerializer},
        responses={
            200: s.PeopleImportReportSerializer,
            400: report_or_field_errors("PeopleImportReport"),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
    )
    def bulk_import(self, request):
        """HR file (CSV or XLSX). `dry_run=true` (default) only checks; then send back
        `staged_import` with `dry_run=false`: every row is created, or none."""
        serializer = s.PeopleImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run(*, data, file_name, options, dry_run):
            return services.people_import(
                actor=_actor(request), file_name=file_name, content=data, dry_run=dry_run
            )

        report, staged = run_staged_import(
            request=request, kind="people", data=serializer.validated_data, run=run
        )
        body = {
            "dry_run": report.dry_run,
            "ok": report.ok,
            "rows": report.rows,
            "written": report.written,
            "errors": report.problems_as_dicts(),
            "staged_import": staged.pk if staged else None,
        }
        return Response(
            body, status=status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        )


class PostViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.PostSerializer
    queryset = Post.objects.none()
    write_perm = PERSONNEL
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.post_list(membership=self.membership)

    @extend_schema(request=s.PostWriteSerializer, responses={201: s.PostSerializer})
    def create(self, request):
        serializer = s.PostWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        post = services.post_create(actor=_actor(request), **serializer.service_data())
        return Response(s.PostSerializer(self._fresh(post)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.PostWriteSerializer, responses={200: s.PostSerializer})
    def update(self, request, pk=None):
        post = self.get_object()
        serializer = s.PostWriteSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        post = services.post_update(
            actor=_actor(request),
            post=post,
            expected_version=serializer.validated_data.get("version"),
            **serializer.service_data(),
        )
        return Response(s.PostSerializer(self._fresh(post)).data)

    def _fresh(self, post):
        return selectors.post_get(membership=self.membership, pk=post.pk)


class CheckItemTypeViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.CheckItemTypeSerializer
    queryset = CheckItemType.objects.none()
    write_perm = PERSONNEL

    def get_scoped_queryset(self):
        return selectors.check_item_type_list(membership=self.membership)

    def perform_create(self, serializer):
        serializer.instance = services.check_item_type_create(
            actor=_actor(self.request), **serializer.validated_data
        )


class CourseViewSet(mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.CourseSerializer
    queryset = Course.objects.none()
    write_perm = PERSONNEL

    def get_scoped_queryset(self):
        return selectors.course_list(membership=self.membership)

    def perform_create(self, serializer):
        serializer.instance = services.course_create(
            actor=_actor(self.request), **serializer.validated_data
        )


class BackgroundCheckViewSet(_Personnel, ReadOnlyOrganizationViewSet):
    serializer_class = s.BackgroundCheckSerializer
    filterset_class = CheckFilterSet
    queryset = BackgroundCheck.objects.none()
    parser_classes = PARSERS

    def get_scoped_queryset(self):
        return selectors.check_list(membership=self.membership).prefetch_related("items__item_type")

    @extend_schema(
        request={"multipart/form-data": s.CheckItemRecordSerializer},
        responses={200: s.BackgroundCheckSerializer},
    )
    @action(detail=True, methods=["post"], url_path="record-item")
    def record_item(self, request, pk=None):
        """Record one item's result, date and evidence (multipart when sending the file)."""
        check = self.get_object()
        serializer = s.CheckItemRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = get_object_or_404(CheckItem.objects.filter(check_record=check), pk=data.pop("item"))
        services.check_item_record(
            actor=_actor(request), item=item, expected_version=data.pop("version", None), **data
        )
        return Response(s.BackgroundCheckSerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: s.BackgroundCheckSerializer})
    @action(detail=True, methods=["post"])
    def clear(self, request, pk=None):
        """Clear the person: refused while an item lacks its result or required evidence."""
        check = services.check_clear(actor=_actor(request), check=self.get_object())
        return Response(s.BackgroundCheckSerializer(check).data)

    @extend_schema(request=s.CheckRejectSerializer, responses={200: s.BackgroundCheckSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        check = self.get_object()
        serializer = s.CheckRejectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check = services.check_reject(
            actor=_actor(request), check=check, **serializer.validated_data
        )
        return Response(s.BackgroundCheckSerializer(check).data)


class DepartureViewSet(_Personnel, ReadOnlyOrganizationViewSet):
    serializer_class = s.DepartureSerializer
    filterset_class = DepartureFilterSet
    queryset = Departure.objects.none()

    def get_scoped_queryset(self):
        return selectors.departure_list(membership=self.membership).prefetch_related("items")

    @extend_schema(request=s.ItemResolveSerializer, responses={200: s.DepartureSerializer})
    @action(detail=True, methods=["post"], url_path="resolve-item")
    def resolve_item(self, request, pk=None):
        """Record that one item was returned, revoked or is missing."""
        departure = self.get_object()
        serializer = s.ItemResolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = get_object_or_404(
            DepartureItem.objects.filter(departure=departure), pk=data.pop("item")
        )
        services.departure_item_resolve(
            actor=_actor(request), item=item, expected_version=data.pop("version", None), **data
        )
        return Response(s.DepartureSerializer(self.get_object()).data)


class AcknowledgementViewSet(_Personnel, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.AcknowledgementSerializer
    filterset_class = AcknowledgementFilterSet
    queryset = Acknowledgement.objects.none()

    def get_scoped_queryset(self):
        return selectors.acknowledgement_list(membership=self.membership)

    def perform_create(self, serializer):
        serializer.instance = services.acknowledgement_record(
            actor=_actor(self.request), **serializer.validated_data
        )


class TrainingSessionViewSet(_Personnel, mixins.CreateModelMixin, ReadOnlyOrganizationViewSet):
    serializer_class = s.TrainingSessionSerializer
    filterset_class = SessionFilterSet
    queryset = TrainingSession.objects.none()
    parser_classes = PARSERS

    def get_scoped_queryset(self):
        return selectors.session_list(membership=self.membership)

    def perform_create(self, serializer):
        session = services.session_create(actor=_actor(self.request), **serializer.validated_data)
        serializer.instance = selectors.session_get(membership=self.membership, pk=session.pk)

    @extend_schema(
        request={"multipart/form-data": s.AttendanceInSerializer},
        responses={201: s.AttendanceSerializer},
    )
    @action(detail=True, methods=["post"])
    def attend(self, request, pk=None):
        """Sign one attendee in, by employee number (someone not in the register is refused)."""
        session = self.get_object()
        serializer = s.AttendanceInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attendance = services.attendance_add(
            actor=_actor(request), session=session, **serializer.validated_data
        )
        return Response(s.AttendanceSerializer(attendance).data, status=status.HTTP_201_CREATED)


class AttendanceViewSet(_Personnel, ReadOnlyOrganizationViewSet):
    serializer_class = s.AttendanceSerializer
    filterset_class = AttendanceFilterSet
    queryset = Attendance.objects.none()

    def get_scoped_queryset(self):
        return selectors.attendance_list(membership=self.membership)


class TrainingMatrixView(APIView):
    """People × courses: current, expiring, expired or missing (empty: not required).
    Filter the rows with the register's q, post and site."""

    read_perm = PERSONNEL

    @extend_schema(responses=s.MatrixSerializer)
    def get(self, request):
        membership = request.membership
        people = selectors.person_list(membership=membership).filter(status=PersonStatus.ACTIVE)
        filterset = MatrixFilterSet(request.query_params or None, queryset=people, request=request)
        if filterset.is_bound and not filterset.is_valid():
            return Response(filterset.errors, status=status.HTTP_400_BAD_REQUEST)
        matrix = selectors.training_matrix(membership=membership, people=filterset.qs)
        return Response(
            {
                "courses": s.CourseSerializer(matrix.courses, many=True).data,
                "counts": matrix.counts,
                "coverage": matrix.coverage,
                "rows": [
                    {
                        "person": row.person.pk,
                        "employee_number": row.person.employee_number,
                        "full_name": row.person.full_name,
                        "cells": [
                            {
                                "course": course.pk,
                                "state": cell.state,
                                "expires_on": cell.expires_on,
                                "last_on": cell.last_on,
                            }
                            for course, cell in zip(matrix.courses, row.cells, strict=True)
                        ],
                    }
                    for row in matrix.rows
                ],
            }
        )
