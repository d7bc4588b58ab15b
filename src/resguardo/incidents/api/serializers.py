"""API shapes of the incidents module. They only parse; the services decide."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resguardo.core.selectors import member_user_list, recordable_sites

from ..choices import ChecklistItem, NoticeRecipient, PersonRole, Severity
from ..compliance_link import ACTION_KINDS
from ..models import Category, Evidence, Incident, Notice, ReportingLink

VERSION_HELP = "The version you read; a save over a newer version answers 409."


def _membership(context):
    return getattr(context.get("request"), "membership", None)


@extend_schema_field(OpenApiTypes.INT)
class _ScopedSite(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self.context)
        if membership is None:
            from resguardo.core.models import Site

            return Site.objects.none()
        return recordable_sites(membership=membership)


@extend_schema_field(OpenApiTypes.INT)
class _Member(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self.context)
        if membership is None:
            return get_user_model().objects.none()
        return member_user_list(membership=membership)


@extend_schema_field(OpenApiTypes.INT)
class _OwnCategory(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self.context)
        if membership is None:
            return Category.objects.none()
        return Category.objects.filter(organization=membership.organization)


class IncidentCategorySerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)

    class Meta:
        model = Category
        fields = ["id", "key", "name", "label", "default_severity", "is_active", "version"]
        read_only_fields = ["id", "key", "label", "version"]


class IncidentCategoryWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    default_severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    is_active = serializers.BooleanField(required=False)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IncidentNoticeSerializer(serializers.ModelSerializer):
    incident_reference = serializers.CharField(source="incident.reference", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Notice
        fields = [
            "id",
            "incident",
            "incident_reference",
            "recipient",
            "recipient_detail",
            "due_at",
            "status",
            "is_overdue",
            "filed_at",
            "folio",
            "acuse",
            "note",
            "escalated_at",
            "version",
        ]
        read_only_fields = fields


class IncidentEvidenceSerializer(serializers.ModelSerializer):
    added_by = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = [
            "id",
            "incident",
            "original_name",
            "description",
            "content_type",
            "size",
            "sha256",
            "added_by",
            "from_anonymous_report",
            "created_at",
        ]
        read_only_fields = fields

    def get_added_by(self, evidence) -> str:
        return str(evidence.added_by) if evidence.added_by_id else ""


class IncidentEvidenceViewSerializer(serializers.Serializer):
    viewer = serializers.CharField()
    viewed_at = serializers.DateTimeField()


class IncidentEvidenceAddSerializer(serializers.Serializer):
    incident = serializers.IntegerField()
    file = serializers.FileField()
    description = serializers.CharField(max_length=300, required=False, allow_blank=True)


class IncidentSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    category_label = serializers.CharField(source="category.label", read_only=True)
    site_name = serializers.CharField(source="site.name", read_only=True, default="")

    class Meta:
        model = Incident
        fields = [
            "id",
            "reference",
            "title",
            "description",
            "category",
            "category_label",
            "severity",
            "status",
            "site",
            "site_name",
            "location",
            "occurred_at",
            "reported_at",
            "people_text",
            "references",
            "source",
            "source_key",
            "confidential",
            "checklist",
            "root_cause",
            "lessons_learned",
            "no_action_reason",
            "closed_at",
            "reopen_count",
            "version",
        ]
        read_only_fields = fields


class IncidentReportSerializer(serializers.Serializer):
    site = _ScopedSite()
    category = _OwnCategory()
    description = serializers.CharField(max_length=10_000)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    people_text = serializers.CharField(required=False, allow_blank=True)
    references = serializers.CharField(required=False, allow_blank=True)
    photos = serializers.ListField(child=serializers.FileField(), required=False)


class IncidentUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False)
    category = _OwnCategory(required=False)
    severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    people_text = serializers.CharField(required=False, allow_blank=True)
    references = serializers.CharField(required=False, allow_blank=True)
    confidential = serializers.BooleanField(required=False)
    root_cause = serializers.CharField(required=False, allow_blank=True)
    lessons_learned = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IncidentChecklistSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=ChecklistItem.choices)
    done = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class PlausibleDateTimeField(serializers.DateTimeField):
    """A moment an incident file can speak of: years 2000-2099 (a year 410 would print with
    its local mean time offset, which is no valid date-time)."""

    def to_internal_value(self, value):
        moment = super().to_internal_value(value)
        if not 2000 <= moment.year <= 2099:
            raise serializers.ValidationError(_("Give a date between 2000 and 2099."))
        return moment


class IncidentNoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    at = PlausibleDateTimeField(required=False, allow_null=True)


class IncidentTimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    text = serializers.CharField()
    author = serializers.CharField()


class IncidentPersonSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=160)
    role = serializers.ChoiceField(choices=PersonRole.choices)
    company = serializers.CharField(max_length=160, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)


class IncidentMemberSerializer(serializers.Serializer):
    user = _Member()


class IncidentActionSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=ACTION_KINDS.choices, required=False)
    owner = _Member(required=False, allow_null=True)
    due_date = serializers.DateField(required=False, allow_null=True)


class IncidentActionLinkSerializer(serializers.Serializer):
    action = serializers.IntegerField(source="action_id")
    title = serializers.CharField(source="action.title")


class IncidentCloseSerializer(serializers.Serializer):
    root_cause = serializers.CharField(required=False, allow_blank=True)
    lessons_learned = serializers.CharField(required=False, allow_blank=True)
    no_action_reason = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IncidentReopenSerializer(serializers.Serializer):
    reason = serializers.CharField()
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IncidentNoticeAddSerializer(serializers.Serializer):
    recipient = serializers.ChoiceField(choices=NoticeRecipient.choices)
    recipient_detail = serializers.CharField(max_length=200, required=False, allow_blank=True)
    due_at = PlausibleDateTimeField()
    note = serializers.CharField(required=False, allow_blank=True)


class IncidentNoticeFileSerializer(serializers.Serializer):
    filed_at = PlausibleDateTimeField(required=False, allow_null=True)
    folio = serializers.CharField(max_length=80, required=False, allow_blank=True)
    acuse = serializers.CharField(max_length=200, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IncidentNoticeWaiveSerializer(serializers.Serializer):
    reason = serializers.CharField()
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class ReportingLinkSerializer(serializers.ModelSerializer):
    public_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportingLink
        fields = ["id", "site", "is_active", "revoked_at", "public_url", "created_at", "version"]
        read_only_fields = fields

    def get_public_url(self, link) -> str:
        request = self.context.get("request")
        path = link.public_path()
        return request.build_absolute_uri(path) if request is not None else path


class ReportingLinkCreateSerializer(serializers.Serializer):
    site = _ScopedSite()


class AnonymousReportSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=10_000, allow_blank=True)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    photos = serializers.ListField(child=serializers.FileField(), required=False)


class AnonymousReceiptSerializer(serializers.Serializer):
    receipt_code = serializers.CharField(
        help_text="Shown once: with it the reporter can check the report's status later."
    )
