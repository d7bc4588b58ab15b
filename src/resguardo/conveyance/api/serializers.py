from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resguardo.core.selectors import member_user_list, recordable_sites

from ..choices import (
    ChecklistKey,
    Checkpoint,
    RemovalReason,
    ReplacementReason,
    SealClass,
    SupervisorDecision,
    VoidReason,
)
from ..models import (
    Inspection,
    InspectionPointResult,
    Seal,
    SealAudit,
    SealAuditFinding,
    SealDiscrepancy,
    SealEvent,
    SealLot,
)

VERSION_HELP = "The version you read; a save over a newer version answers 409."


@extend_schema_field(OpenApiTypes.INT)
class _ScopedSite(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = getattr(self.context.get("request"), "membership", None)
        if membership is None:
            from resguardo.core.models import Site

            return Site.objects.none()
        return recordable_sites(membership=membership)


@extend_schema_field(OpenApiTypes.INT)
class _Member(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = getattr(self.context.get("request"), "membership", None)
        if membership is None:
            return get_user_model().objects.none()
        return member_user_list(membership=membership, active_only=False)


class SealLotSerializer(serializers.ModelSerializer):
    received_by = serializers.StringRelatedField()
    first_label = serializers.CharField(read_only=True)
    last_label = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)

    class Meta:
        model = SealLot
        fields = [
            "id",
            "site",
            "manufacturer",
            "iso_class",
            "prefix",
            "first_number",
            "last_number",
            "digits",
            "first_label",
            "last_label",
            "size",
            "received_on",
            "received_by",
            "storage_place",
            "certificate",
            "purchase_order",
            "notes",
            "created_at",
        ]
        read_only_fields = fields


class SealLotReceiveSerializer(serializers.Serializer):
    site = _ScopedSite()
    manufacturer = serializers.CharField(max_length=120)
    iso_class = serializers.ChoiceField(choices=SealClass.choices)
    prefix = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    first_number = serializers.IntegerField(min_value=0)
    last_number = serializers.IntegerField(min_value=0)
    digits = serializers.IntegerField(min_value=1, max_value=20, required=False, allow_null=True)
    received_on = serializers.DateField()
    storage_place = serializers.CharField(max_length=200)
    certificate = serializers.CharField(
        max_length=120, required=False, allow_blank=True, default=""
    )
    purchase_order = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class SealSerializer(serializers.ModelSerializer):
    manufacturer = serializers.CharField(
        source="lot.manufacturer", read_only=True, allow_null=True, default=None
    )
    iso_class = serializers.CharField(
        source="lot.iso_class", read_only=True, allow_null=True, default=None
    )
    pedimento = serializers.CharField(source="shipment.pedimento", read_only=True, default=None)

    class Meta:
        model = Seal
        fields = [
            "id",
            "number",
            "manufacturer",
            "iso_class",
            "lot",
            "placed_by_customs",
            "site",
            "status",
            "holder",
            "holder_name",
            "shipment",
            "pedimento",
            "container",
            "unit_number",
            "applied_at",
            "last_event_at",
            "event_count",
            "version",
        ]
        read_only_fields = fields


class SealEventSerializer(serializers.ModelSerializer):
    seal_number = serializers.CharField(source="seal.number", read_only=True)
    recorded_by = serializers.StringRelatedField()
    has_photo = serializers.SerializerMethodField()
    photo_sha256 = serializers.CharField(source="sha256", read_only=True)

    class Meta:
        model = SealEvent
        fields = [
            "id",
            "seal",
            "seal_number",
            "sequence",
            "kind",
            "occurred_at",
            "site",
            "place",
            "checkpoint",
            "person",
            "person_name",
            "shipment",
            "container",
            "unit_number",
            "view_ok",
            "verify_ok",
            "tug_ok",
            "twist_ok",
            "number_read",
            "removal_reason",
            "void_reason",
            "replacement_reason",
            "related_seal",
            "document_number",
            "witness",
            "note",
            "has_photo",
            "photo_sha256",
            "recorded_by",
            "created_at",
        ]
        read_only_fields = fields

    def get_has_photo(self, obj) -> bool:
        return bool(obj.file)


class _EventIn(serializers.Serializer):
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class IssueSerializer(_EventIn):
    person = _Member(required=False, allow_null=True)
    person_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class ApplySerializer(_EventIn):
    shipment = serializers.IntegerField()
    container = serializers.IntegerField(required=False, allow_null=True)
    photo = serializers.FileField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    person_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class VerifySerializer(_EventIn):
    checkpoint = serializers.ChoiceField(choices=Checkpoint.choices)
    view_ok = serializers.BooleanField()
    verify_ok = serializers.BooleanField()
    tug_ok = serializers.BooleanField()
    twist_ok = serializers.BooleanField()
    number_read = serializers.CharField(max_length=30)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    photo = serializers.FileField(required=False)


class RemoveSerializer(_EventIn):
    reason = serializers.ChoiceField(choices=RemovalReason.choices)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    person_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    photo = serializers.FileField(required=False)


class VoidSerializer(_EventIn):
    reason = serializers.ChoiceField(choices=VoidReason.choices)


class DestroySerializer(_EventIn):
    witness = _Member(required=False, allow_null=True, help_text="The member who witnessed it.")


class ReplaceSerializer(_EventIn):
    new_seal = serializers.IntegerField(help_text="The id of the replacement seal (issued).")
    reason = serializers.ChoiceField(choices=ReplacementReason.choices)
    photo = serializers.FileField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class CustomsRecognitionSerializer(_EventIn):
    act_number = serializers.CharField(max_length=60)
    customs_seal_number = serializers.CharField(max_length=30)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    photo = serializers.FileField(required=False)


class IssueRangeSerializer(IssueSerializer):
    first = serializers.CharField(max_length=30)
    last = serializers.CharField(max_length=30)


class DiscrepancySerializer(serializers.ModelSerializer):
    recorded_by = serializers.StringRelatedField()
    closed_by = serializers.StringRelatedField()

    class Meta:
        model = SealDiscrepancy
        fields = [
            "id",
            "seal",
            "seal_number",
            "shipment",
            "event",
            "audit",
            "site",
            "kind",
            "description",
            "occurred_at",
            "recorded_by",
            "status",
            "closed_at",
            "closed_by",
            "resolution",
            "version",
        ]
        read_only_fields = fields


class CloseSerializer(serializers.Serializer):
    resolution = serializers.CharField()
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class SealAuditFindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = SealAuditFinding
        fields = ["kind", "seal", "seal_number", "shipment", "description", "discrepancy"]
        read_only_fields = fields


class SealAuditSerializer(serializers.ModelSerializer):
    performed_by = serializers.StringRelatedField()
    findings = SealAuditFindingSerializer(many=True, read_only=True)

    class Meta:
        model = SealAudit
        fields = [
            "id",
            "site",
            "performed_by",
            "performed_at",
            "period_start",
            "counted_numbers",
            "expected_in_stock",
            "counted",
            "missing_count",
            "duplicated_count",
            "unaccounted_count",
            "mismatch_count",
            "lost_count",
            "lost_numbers",
            "note",
            "findings",
        ]
        read_only_fields = fields


class SealAuditRunSerializer(serializers.Serializer):
    site = _ScopedSite()
    counted_numbers = serializers.ListField(
        child=serializers.CharField(max_length=30), allow_empty=True
    )
    period_start = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PointResultSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="point.title", read_only=True)
    has_photo = serializers.SerializerMethodField()
    photo_sha256 = serializers.CharField(source="sha256", read_only=True)

    class Meta:
        model = InspectionPointResult
        fields = ["id", "code", "title", "passed", "note", "has_photo", "photo_sha256"]
        read_only_fields = fields

    def get_has_photo(self, obj) -> bool:
        return bool(obj.file)


class InspectionSerializer(serializers.ModelSerializer):
    inspector = serializers.StringRelatedField()
    reviewed_by = serializers.StringRelatedField()
    results = PointResultSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "site",
            "checklist_key",
            "shipment",
            "container",
            "unit_number",
            "tractor_plates",
            "trailer_plates",
            "place",
            "inspector",
            "inspected_at",
            "signed_name",
            "signed_at",
            "status",
            "point_count",
            "failed_count",
            "note",
            "reviewed_by",
            "reviewed_at",
            "decision",
            "decision_note",
            "supervisor_signed_name",
            "results",
            "version",
        ]
        read_only_fields = fields


class PointIn(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    passed = serializers.BooleanField(allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class InspectionRecordSerializer(serializers.Serializer):
    checklist_key = serializers.ChoiceField(
        choices=ChecklistKey.choices,
        required=False,
        help_text="Default: the E4 form's list (operations in Mexico).",
    )
    site = _ScopedSite()
    shipment = serializers.IntegerField(required=False, allow_null=True)
    container = serializers.IntegerField(required=False, allow_null=True)
    unit_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    tractor_plates = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    trailer_plates = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required for the lists that cover a trailer or box.",
    )
    place = serializers.CharField(max_length=200)
    inspected_at = serializers.DateTimeField(required=False, allow_null=True)
    signed_name = serializers.CharField(max_length=200)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    results = PointIn(many=True)


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=SupervisorDecision.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    signed_name = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="The supervisor's name as signature (default: the user's name).",
    )
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class PointPhotoSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    photo = serializers.FileField()


class ExportFormatSerializer(serializers.Serializer):
    """The `file_format` query parameter of the exports (`format` is DRF's own)."""

    file_format = serializers.ChoiceField(choices=["csv", "xlsx"], default="csv")
