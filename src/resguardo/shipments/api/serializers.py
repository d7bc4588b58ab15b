from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resguardo.core.models import Aduana
from resguardo.core.selectors import member_user_list, recordable_sites
from resguardo.core.tabular.api import StagedImportRequestSerializer

from ..choices import (
    BadgeHolderKind,
    BadgeStatus,
    CheckResult,
    ContainerKind,
    DocumentCheckItem,
    DocumentKind,
    Operation,
    TransportMode,
)
from ..models import (
    CustomsBadge,
    DocumentCheck,
    Shipment,
    ShipmentContainer,
    ShipmentDocument,
    ShipmentImport,
)

VERSION_HELP = "The version you read; a save over a newer version answers 409."


class ContainerSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShipmentContainer
        fields = ["id", "number", "kind"]
        read_only_fields = fields


class ShipmentSerializer(serializers.ModelSerializer):
    aduana = serializers.CharField(source="aduana.code", read_only=True)
    aduana_name = serializers.CharField(source="aduana.name", read_only=True)
    patente = serializers.CharField(source="patente.number", read_only=True)
    site_name = serializers.CharField(source="site.name", read_only=True)
    containers = ContainerSerializer(many=True, read_only=True)
    documents_verified_by = serializers.StringRelatedField(read_only=True)

    class Meta:
        model = Shipment
        fields = [
            "id",
            "pedimento",
            "pedimento_display",
            "aduana",
            "aduana_name",
            "patente",
            "site",
            "site_name",
            "reference",
            "operation",
            "mode",
            "status",
            "client_name",
            "client_rfc",
            "carrier_name",
            "driver_name",
            "driver_license",
            "tractor_plates",
            "trailer_number",
            "trailer_plates",
            "document_seal_numbers",
            "containers",
            "operation_date",
            "transmitted_at",
            "cleared_at",
            "cancelled_reason",
            "documents_verified_at",
            "documents_verified_by",
            "notes",
            "import_batch",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.INT)
class _MembershipSiteField(serializers.PrimaryKeyRelatedField):
    """Only the sites the acting member may record for."""

    def get_queryset(self):
        request = self.context.get("request")
        membership = getattr(request, "membership", None)
        if membership is None:
            from resguardo.core.models import Site

            return Site.objects.none()
        return recordable_sites(membership=membership)


class ContainerInSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=20)
    kind = serializers.ChoiceField(choices=ContainerKind.choices, default=ContainerKind.DRY)


class ShipmentWriteSerializer(serializers.Serializer):
    site = _MembershipSiteField()
    pedimento = serializers.CharField(max_length=24)
    operation = serializers.ChoiceField(choices=Operation.choices)
    mode = serializers.ChoiceField(choices=TransportMode.choices)
    operation_date = serializers.DateField()
    client_name = serializers.CharField(max_length=200)
    client_rfc = serializers.CharField(max_length=20, required=False, allow_blank=True)
    reference = serializers.CharField(max_length=40, required=False, allow_blank=True)
    carrier_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    driver_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    driver_license = serializers.CharField(max_length=40, required=False, allow_blank=True)
    tractor_plates = serializers.CharField(max_length=20, required=False, allow_blank=True)
    trailer_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    trailer_plates = serializers.CharField(max_length=20, required=False, allow_blank=True)
    document_seal_numbers = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False
    )
    containers = ContainerInSerializer(many=True, required=False)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    def service_data(self) -> tuple[dict, int | None]:
        data = dict(self.validated_data)
        version = data.pop("version", None)
        if "containers" in data:
            # A partial update (PATCH) skips the field defaults, the container kind's too.
            data["containers"] = [
                (c["number"], c.get("kind", ContainerKind.DRY)) for c in data["containers"]
            ]
        return data, version


class WhenSerializer(serializers.Serializer):
    when = serializers.DateTimeField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class DocumentCheckSerializer(serializers.ModelSerializer):
    checked_by = serializers.StringRelatedField()

    class Meta:
        model = DocumentCheck
        fields = ["item", "result", "note", "checked_by", "checked_at"]
        read_only_fields = fields


class CheckAnswerSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=DocumentCheckItem.choices)
    result = serializers.ChoiceField(choices=CheckResult.choices)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class VerificationSerializer(serializers.Serializer):
    answers = CheckAnswerSerializer(many=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    def answers_by_item(self) -> dict:
        return {
            a["item"]: {"result": a["result"], "note": a["note"]}
            for a in self.validated_data["answers"]
        }


class ShipmentDocumentSerializer(serializers.ModelSerializer):
    uploaded_by = serializers.StringRelatedField()
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = ShipmentDocument
        fields = [
            "id",
            "shipment",
            "kind",
            "number",
            "has_file",
            "original_name",
            "content_type",
            "size",
            "sha256",
            "notes",
            "uploaded_by",
            "created_at",
        ]
        read_only_fields = fields

    def get_has_file(self, obj) -> bool:
        return bool(obj.file)


class ShipmentDocumentWriteSerializer(serializers.Serializer):
    shipment = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    number = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    file = serializers.FileField(required=False)
    notes = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ShipmentImportSerializer(serializers.ModelSerializer):
    imported_by = serializers.StringRelatedField()

    class Meta:
        model = ShipmentImport
        fields = [
            "id",
            "file_name",
            "file_format",
            "sha256",
            "row_count",
            "site",
            "imported_by",
            "created_at",
        ]
        read_only_fields = fields


class ImportRequestSerializer(StagedImportRequestSerializer):
    site = _MembershipSiteField(required=False, allow_null=True)


class ShipmentImportRowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class ShipmentImportReportSerializer(serializers.Serializer):
    file_name = serializers.CharField()
    format = serializers.CharField()
    sha256 = serializers.CharField()
    dry_run = serializers.BooleanField()
    rows = serializers.IntegerField()
    containers = serializers.IntegerField()
    imported = serializers.IntegerField()
    import_id = serializers.IntegerField(allow_null=True)
    unknown_columns = serializers.ListField(child=serializers.CharField())
    errors = ShipmentImportRowErrorSerializer(many=True)
    staged_import = serializers.IntegerField(
        allow_null=True, help_text="After a clean dry run: send it back to import that file."
    )


@extend_schema_field(OpenApiTypes.INT)
class _MemberUserField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        request = self.context.get("request")
        membership = getattr(request, "membership", None)
        if membership is None:
            return get_user_model().objects.none()
        return member_user_list(membership=membership, active_only=False)


class CustomsBadgeSerializer(serializers.ModelSerializer):
    aduana = serializers.SlugRelatedField(
        slug_field="code", queryset=Aduana.objects.filter(is_active=True)
    )
    user = _MemberUserField(required=False, allow_null=True)
    holder_kind = serializers.ChoiceField(choices=BadgeHolderKind.choices)
    status = serializers.ChoiceField(choices=BadgeStatus.choices, default=BadgeStatus.ACTIVE)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    class Meta:
        model = CustomsBadge
        fields = [
            "id",
            "holder_name",
            "holder_kind",
            "user",
            "aduana",
            "badge_number",
            "issued_on",
            "expires_on",
            "status",
            "status_changed_on",
            "notes",
            "version",
        ]
        read_only_fields = ["id", "status_changed_on"]
        validators = []  # the service checks duplicates and says so in words
