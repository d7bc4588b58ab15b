"""API shapes: read serializers per record, and the inputs each service takes."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resguardo.compliance.choices import Classification
from resguardo.core.choices import Role
from resguardo.core.models import Site
from resguardo.core.selectors import member_user_list, site_list
from resguardo.core.tabular.api import StagedImportRequestSerializer

from .. import selectors
from ..choices import (
    AccountStatus,
    BackupFrequency,
    CredentialEventKind,
    CredentialKind,
    CyberEventKind,
    CyberEventStatus,
    Decision,
    DisposalMethod,
    MediaKind,
    RestoreResult,
    SystemKind,
)
from ..models import (
    AccessReview,
    AccessReviewItem,
    CredentialEvent,
    CyberEvent,
    DigitalCredential,
    DisposalRecord,
    DocumentType,
    RestoreTest,
    System,
    SystemAccount,
)

VERSION_HELP = "The version you read; a save over a newer version answers 409."


def _membership(field):
    return getattr(field.context.get("request"), "membership", None)


@extend_schema_field(OpenApiTypes.INT)
class _Member(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self)
        if membership is None:
            return get_user_model().objects.none()
        return member_user_list(membership=membership, active_only=False)


@extend_schema_field(OpenApiTypes.INT)
class _Site(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self)
        return Site.objects.none() if membership is None else site_list(membership=membership)


@extend_schema_field(OpenApiTypes.INT)
class _System(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self)
        if membership is None:
            return System.objects.none()
        return selectors.system_list(membership=membership)


@extend_schema_field(OpenApiTypes.INT)
class _DocumentType(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        membership = _membership(self)
        if membership is None:
            return DocumentType.objects.none()
        return selectors.document_type_list(membership=membership)


def _version():
    return serializers.IntegerField(required=False, help_text=VERSION_HELP)


# --- documents ---------------------------------------------------------------------------------


class DocumentTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentType
        fields = ["id", "name", "description", "classification", "retention_years",
                  "retention_basis", "storage_place", "readers", "owner", "version"]  # fmt: skip
        read_only_fields = fields


class DocumentTypeInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    classification = serializers.ChoiceField(choices=Classification.choices)
    retention_years = serializers.IntegerField(min_value=1, max_value=50)
    readers = serializers.ListField(
        child=serializers.ChoiceField(choices=Role.choices), required=False
    )
    description = serializers.CharField(required=False, allow_blank=True)
    retention_basis = serializers.CharField(max_length=160, required=False, allow_blank=True)
    storage_place = serializers.CharField(max_length=160, required=False, allow_blank=True)
    owner = _Member(required=False, allow_null=True)
    version = _version()


class DisposalSerializer(serializers.ModelSerializer):
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = DisposalRecord
        fields = ["id", "performed_on", "document_type", "description", "media", "quantity",
                  "method", "performed_by", "witness", "certificate_number", "notes",
                  "recorded_by", "has_evidence", "original_name", "sha256"]  # fmt: skip
        read_only_fields = fields

    def get_has_evidence(self, record) -> bool:
        return bool(record.file)


class DisposalInputSerializer(serializers.Serializer):
    performed_on = serializers.DateField()
    document_type = _DocumentType(required=False, allow_null=True)
    description = serializers.CharField(max_length=240)
    media = serializers.ChoiceField(choices=MediaKind.choices)
    quantity = serializers.IntegerField(min_value=1, default=1)
    method = serializers.ChoiceField(choices=DisposalMethod.choices)
    performed_by = serializers.CharField(max_length=160)
    witness = serializers.CharField(max_length=160)
    certificate_number = serializers.CharField(max_length=80, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.FileField(required=False)


# --- systems -----------------------------------------------------------------------------------


class SystemSerializer(serializers.ModelSerializer):
    last_review_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_restore_on = serializers.DateField(read_only=True, allow_null=True)
    account_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = System
        fields = ["id", "name", "kind", "vendor", "owner", "mfa_enforced", "backup_frequency",
                  "backup_arrangement", "review_interval_months", "is_active", "is_builtin",
                  "notes", "last_review_at", "last_restore_on", "account_count",
                  "version"]  # fmt: skip
        read_only_fields = fields


class SystemInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=SystemKind.choices)
    vendor = serializers.CharField(max_length=160, required=False, allow_blank=True)
    owner = _Member(required=False, allow_null=True)
    mfa_enforced = serializers.BooleanField(required=False)
    backup_frequency = serializers.ChoiceField(choices=BackupFrequency.choices, required=False)
    backup_arrangement = serializers.CharField(required=False, allow_blank=True)
    review_interval_months = serializers.IntegerField(min_value=1, max_value=12, required=False)
    is_active = serializers.BooleanField(required=False)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = _version()


class SystemAccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = SystemAccount
        fields = ["id", "system", "account_name", "person_name", "employee_number", "user",
                  "privileges", "mfa_enabled", "status", "version"]  # fmt: skip
        read_only_fields = fields


class SystemAccountInputSerializer(serializers.Serializer):
    system = _System()
    account_name = serializers.CharField(max_length=160)
    person_name = serializers.CharField(max_length=160, required=False, allow_blank=True)
    employee_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    user = _Member(required=False, allow_null=True)
    privileges = serializers.CharField(max_length=160, required=False, allow_blank=True)
    mfa_enabled = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=AccountStatus.choices, required=False)
    version = _version()


class AccountImportSerializer(StagedImportRequestSerializer):
    start_review = serializers.BooleanField(
        default=True, help_text="Open an access review of the imported list."
    )


class AccountImportProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class AccountImportReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    ok = serializers.BooleanField()
    rows = serializers.IntegerField()
    written = serializers.IntegerField()
    new = serializers.IntegerField()
    updated = serializers.IntegerField()
    gone = serializers.IntegerField()
    errors = AccountImportProblemSerializer(many=True)
    review = serializers.IntegerField(allow_null=True)
    staged_import = serializers.IntegerField(
        allow_null=True, help_text="After a clean dry run: send it back to import that file."
    )


class RestoreTestSerializer(serializers.ModelSerializer):
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = RestoreTest
        fields = ["id", "system", "tested_on", "result", "scope", "minutes_taken",
                  "performed_by", "notes", "recorded_by", "has_evidence", "original_name",
                  "sha256"]  # fmt: skip
        read_only_fields = fields

    def get_has_evidence(self, test) -> bool:
        return bool(test.file)


class RestoreTestInputSerializer(serializers.Serializer):
    system = _System()
    tested_on = serializers.DateField()
    result = serializers.ChoiceField(choices=RestoreResult.choices)
    scope = serializers.CharField(max_length=240)
    minutes_taken = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    performed_by = serializers.CharField(max_length=160)
    notes = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.FileField(required=False)


# --- reviews -----------------------------------------------------------------------------------


class AccessReviewSerializer(serializers.ModelSerializer):
    item_count = serializers.IntegerField(read_only=True)
    pending_count = serializers.IntegerField(read_only=True)
    revoked_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = AccessReview
        fields = ["id", "system", "status", "started_on", "started_by", "signed_by",
                  "signed_at", "notes", "item_count", "pending_count", "revoked_count",
                  "version"]  # fmt: skip
        read_only_fields = fields


class AccessReviewStartSerializer(serializers.Serializer):
    system = _System()
    notes = serializers.CharField(required=False, allow_blank=True)


class AccessReviewSignSerializer(serializers.Serializer):
    notes = serializers.CharField(required=False, allow_blank=True)
    version = _version()


class AccessReviewItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessReviewItem
        fields = ["id", "review", "membership", "account", "person", "access", "decision",
                  "note", "decided_by", "decided_at"]  # fmt: skip
        read_only_fields = fields


class AccessReviewDecideSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=Decision.choices, help_text="keep or revoke (pending is refused)."
    )
    note = serializers.CharField(max_length=240, required=False, allow_blank=True)


# --- credentials -------------------------------------------------------------------------------


class CredentialSerializer(serializers.ModelSerializer):
    class Meta:
        model = DigitalCredential
        fields = ["id", "kind", "holder", "holder_rfc", "serial_number", "custodian",
                  "location", "valid_from", "expires_on", "status", "notes",
                  "version"]  # fmt: skip
        read_only_fields = fields


class CredentialInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CredentialKind.choices)
    holder = serializers.CharField(max_length=200)
    holder_rfc = serializers.CharField(max_length=13, required=False, allow_blank=True)
    serial_number = serializers.CharField(max_length=40)
    custodian = _Member(required=False, allow_null=True)
    location = serializers.CharField(max_length=200)
    valid_from = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField()
    notes = serializers.CharField(required=False, allow_blank=True)


class CredentialUpdateSerializer(serializers.Serializer):
    holder = serializers.CharField(max_length=200, required=False)
    holder_rfc = serializers.CharField(max_length=13, required=False, allow_blank=True)
    serial_number = serializers.CharField(max_length=40, required=False)
    location = serializers.CharField(max_length=200, required=False)
    valid_from = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField(required=False)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = _version()


class CredentialEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CredentialEvent
        fields = ["id", "credential", "kind", "occurred_at", "purpose", "from_custodian",
                  "to_custodian", "recorded_by"]  # fmt: skip
        read_only_fields = fields


class CredentialLogSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CredentialEventKind.choices)
    purpose = serializers.CharField(max_length=240)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    to_custodian = _Member(required=False, allow_null=True)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    new_expires_on = serializers.DateField(required=False, allow_null=True)


# --- cyber events ------------------------------------------------------------------------------


class CyberEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CyberEvent
        fields = ["id", "kind", "occurred_at", "summary", "description", "system", "site",
                  "status", "actions_taken", "reported_by", "version"]  # fmt: skip
        read_only_fields = fields


class CyberEventInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CyberEventKind.choices)
    occurred_at = serializers.DateTimeField()
    summary = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    system = _System(required=False, allow_null=True)
    site = _Site(required=False, allow_null=True)
    actions_taken = serializers.CharField(required=False, allow_blank=True)


class CyberEventUpdateSerializer(CyberEventInputSerializer):
    kind = serializers.ChoiceField(choices=CyberEventKind.choices, required=False)
    occurred_at = serializers.DateTimeField(required=False)
    summary = serializers.CharField(max_length=200, required=False)
    status = serializers.ChoiceField(choices=CyberEventStatus.choices, required=False)
    version = _version()
