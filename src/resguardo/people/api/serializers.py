"""API serializers: they only parse and present; the services decide."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resguardo.core.models import Site
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.tabular.api import StagedImportRequestSerializer

from .. import selectors
from ..choices import (
    AcknowledgedDocument,
    CheckKind,
    CheckResult,
    DepartureReason,
    ItemOutcome,
    PersonKind,
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
    PostCourse,
    TrainingSession,
)

VERSION_HELP = "The version you read; a save over a newer version answers 409."


def _membership(field):
    return getattr(field.context.get("request"), "membership", None)


@extend_schema_field(OpenApiTypes.INT)
class _Scoped(serializers.PrimaryKeyRelatedField):
    """A related record of the request's organization (another one's id is "not found")."""

    model = None
    selector = None

    def get_queryset(self):
        membership = _membership(self)
        if membership is None:
            return self.model.objects.none()
        return type(self).selector(membership=membership)


class _Post(_Scoped):
    model = Post
    selector = staticmethod(selectors.post_list)


class _Site(_Scoped):
    model = Site
    selector = staticmethod(site_list)


class _CheckItemType(_Scoped):
    model = CheckItemType
    selector = staticmethod(selectors.check_item_type_list)


class _Course(_Scoped):
    model = Course
    selector = staticmethod(selectors.course_list)


class _Person(_Scoped):
    model = Person
    selector = staticmethod(selectors.person_list)


@extend_schema_field(OpenApiTypes.INT)
class _Member(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self)
        if membership is None:
            return get_user_model().objects.none()
        return member_user_list(membership=membership, active_only=False)


# Posts, check items and courses ------------------------------------------------------------


class PostCourseSerializer(serializers.ModelSerializer):
    class Meta:
        model = PostCourse
        fields = ["course", "refresh_months"]


class PostSerializer(serializers.ModelSerializer):
    course_rules = PostCourseSerializer(many=True, read_only=True)
    headcount = serializers.IntegerField(read_only=True)

    class Meta:
        model = Post
        fields = [
            "id",
            "name",
            "sensitive",
            "description",
            "required_checks",
            "course_rules",
            "headcount",
            "version",
        ]


class _CourseRuleIn(serializers.Serializer):
    course = _Course()
    refresh_months = serializers.IntegerField(min_value=1, required=False, allow_null=True)


class PostWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    sensitive = serializers.BooleanField(default=False)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    required_checks = _CheckItemType(many=True, required=False)
    course_rules = _CourseRuleIn(many=True, required=False)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    def service_data(self):
        data = dict(self.validated_data)
        data.pop("version", None)
        data["required_checks"] = data.get("required_checks", [])
        data["course_rules"] = [
            (r["course"], r.get("refresh_months")) for r in data.get("course_rules", [])
        ]
        return data


class CheckItemTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CheckItemType
        fields = ["id", "name", "evidence_required", "validity_months"]


class CourseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["id", "name", "description", "default_refresh_months"]


# People ----------------------------------------------------------------------------------------


class PersonSerializer(serializers.ModelSerializer):
    post_name = serializers.CharField(source="post.name", read_only=True)
    sensitive_post = serializers.BooleanField(source="post.sensitive", read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "kind",
            "employee_number",
            "full_name",
            "post",
            "post_name",
            "sensitive_post",
            "site",
            "provider",
            "hire_date",
            "status",
            "departed_on",
            "email",
            "phone",
            "emergency_contact_name",
            "emergency_contact_phone",
            "user",
            "photo_taken_on",
            "cleared_on",
            "version",
        ]
        read_only_fields = fields


class PersonWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PersonKind.choices)
    employee_number = serializers.CharField(max_length=30)
    full_name = serializers.CharField(max_length=200)
    post = _Post()
    site = _Site(required=False, allow_null=True)
    provider = serializers.CharField(max_length=200, required=False, allow_blank=True)
    hire_date = serializers.DateField()
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    emergency_contact_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    emergency_contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    user = _Member(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class DepartureInSerializer(serializers.Serializer):
    left_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(choices=DepartureReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CheckStartSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CheckKind.choices, default=CheckKind.HIRING)


class PeopleImportSerializer(StagedImportRequestSerializer):
    pass


class PeopleImportProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class PeopleImportReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    ok = serializers.BooleanField()
    rows = serializers.IntegerField()
    written = serializers.IntegerField()
    errors = PeopleImportProblemSerializer(many=True)
    staged_import = serializers.IntegerField(allow_null=True)


# Background checks ---------------------------------------------------------------------------


class CheckItemSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="item_type.name", read_only=True)
    evidence_required = serializers.BooleanField(
        source="item_type.evidence_required", read_only=True
    )
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = CheckItem
        fields = [
            "id",
            "name",
            "evidence_required",
            "result",
            "done_on",
            "expires_on",
            "note",
            "has_evidence",
            "version",
        ]

    def get_has_evidence(self, item) -> bool:
        return bool(item.file)


class BackgroundCheckSerializer(serializers.ModelSerializer):
    items = CheckItemSerializer(many=True, read_only=True)

    class Meta:
        model = BackgroundCheck
        fields = [
            "id",
            "person",
            "kind",
            "status",
            "started_on",
            "closed_on",
            "note",
            "items",
            "version",
        ]


class CheckItemRecordSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    result = serializers.ChoiceField(choices=CheckResult.choices)
    done_on = serializers.DateField()
    evidence = serializers.FileField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class CheckRejectSerializer(serializers.Serializer):
    note = serializers.CharField()


# Departures ---------------------------------------------------------------------------------


class DepartureItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = DepartureItem
        fields = [
            "id",
            "key",
            "module",
            "kind",
            "label",
            "url",
            "outcome",
            "resolved_at",
            "note",
            "version",
        ]


class DepartureSerializer(serializers.ModelSerializer):
    items = DepartureItemSerializer(many=True, read_only=True)
    on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Departure
        fields = [
            "id",
            "person",
            "left_at",
            "reason",
            "note",
            "deadline",
            "completed_at",
            "on_time",
            "items",
        ]


class ItemResolveSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    outcome = serializers.ChoiceField(
        choices=[o for o in ItemOutcome.choices if o[0] != ItemOutcome.PENDING]
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


# Acknowledgements -------------------------------------------------------------------


class AcknowledgementSerializer(serializers.ModelSerializer):
    person = _Person()
    document = serializers.ChoiceField(choices=AcknowledgedDocument.choices)

    class Meta:
        model = Acknowledgement
        fields = ["id", "person", "document", "version", "acknowledged_on", "signed_name"]
        extra_kwargs = {"acknowledged_on": {"required": False}}


# Training ----------------------------------------------------------------------------------------


class TrainingSessionSerializer(serializers.ModelSerializer):
    course = _Course()
    site = _Site(required=False, allow_null=True)
    attendee_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = TrainingSession
        fields = ["id", "course", "held_on", "instructor", "place", "site", "attendee_count"]


class AttendanceSerializer(serializers.ModelSerializer):
    employee_number = serializers.CharField(source="person.employee_number", read_only=True)
    has_certificate = serializers.SerializerMethodField()

    class Meta:
        model = Attendance
        fields = [
            "id",
            "session",
            "person",
            "employee_number",
            "course",
            "held_on",
            "signed_name",
            "score",
            "passed",
            "has_certificate",
        ]
        read_only_fields = fields

    def get_has_certificate(self, attendance) -> bool:
        return bool(attendance.file)


class AttendanceInSerializer(serializers.Serializer):
    employee_number = serializers.CharField(max_length=30)
    signed_name = serializers.CharField(max_length=200)
    score = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True
    )
    passed = serializers.BooleanField(default=True)
    certificate = serializers.FileField(required=False)


class MatrixCellSerializer(serializers.Serializer):
    course = serializers.IntegerField()
    state = serializers.CharField(
        help_text="current, expiring, expired, missing; empty: not required"
    )
    expires_on = serializers.DateField(allow_null=True)
    last_on = serializers.DateField(allow_null=True)


class MatrixRowSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    employee_number = serializers.CharField()
    full_name = serializers.CharField()
    cells = MatrixCellSerializer(many=True)


class MatrixSerializer(serializers.Serializer):
    courses = CourseSerializer(many=True)
    counts = serializers.DictField(child=serializers.IntegerField())
    coverage = serializers.FloatField(allow_null=True)
    rows = MatrixRowSerializer(many=True)
