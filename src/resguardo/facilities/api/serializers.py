from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from resguardo.core.models import Site

from ..choices import BadgeKind, CheckKind, IdMasking, IdType, VisitorKind
from ..models import (
    Badge,
    Camera,
    Challenge,
    Checkpoint,
    CheckRun,
    CheckType,
    DeniedPerson,
    GatePolicy,
    Guard,
    Key,
    KeyAudit,
    Package,
    SiteProfile,
    Visit,
)


class OrgScopedField(serializers.PrimaryKeyRelatedField):
    """A related id read from the request's organization only: another one's is 'not found'."""

    def __init__(self, *, scope, model, **kwargs):
        self.scope = scope
        # Only the schema reads this empty queryset (the model of the ids); requests use scope.
        super().__init__(queryset=model._default_manager.none(), **kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        membership = getattr(request, "membership", None)
        if membership is None:
            return self.scope(None)
        return self.scope(membership)


def _sites(membership):
    if membership is None:
        return Site.objects.none()
    return Site.objects.filter(organization=membership.organization)


def _members(membership):
    from resguardo.core.selectors import member_user_list

    if membership is None:
        return get_user_model().objects.none()
    return member_user_list(membership=membership)


class VisitSerializer(serializers.ModelSerializer):
    """Lean on purpose: the gate tablet may be on a slow link."""

    badge_number = serializers.CharField(source="badge.number", default=None, read_only=True)
    has_photo = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = [
            "id",
            "site",
            "kind",
            "full_name",
            "company",
            "id_type",
            "id_number",
            "host",
            "purpose",
            "plates",
            "badge",
            "badge_number",
            "escort_required",
            "escort_name",
            "checked_in_at",
            "checked_out_at",
            "badge_returned_at",
            "has_photo",
            "version",
        ]
        read_only_fields = fields

    def get_has_photo(self, visit) -> bool:
        return bool(visit.file)


class CheckInSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    kind = serializers.ChoiceField(choices=VisitorKind.choices, default=VisitorKind.VISITOR)
    full_name = serializers.CharField(max_length=200)
    company = serializers.CharField(max_length=200, required=False, allow_blank=True)
    id_type = serializers.ChoiceField(choices=IdType.choices)
    id_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    host = OrgScopedField(model=get_user_model(), scope=_members, required=False, allow_null=True)
    purpose = serializers.CharField(max_length=300)
    plates = serializers.CharField(max_length=20, required=False, allow_blank=True)
    badge_number = serializers.CharField(max_length=30, required=False, allow_blank=True)
    escort_required = serializers.BooleanField(required=False, default=False)
    escort_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    privacy_notice_shown = serializers.BooleanField(required=False, default=False)
    photo = serializers.FileField(required=False, allow_null=True)


class CheckOutSerializer(serializers.Serializer):
    badge_returned = serializers.BooleanField(default=True)


class CheckOutByBadgeSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    badge_number = serializers.CharField(max_length=30)


class BadgeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Badge
        fields = [
            "id",
            "site",
            "number",
            "kind",
            "status",
            "visit",
            "holder_user",
            "holder_name",
            "employee_number",
            "issued_at",
            "expires_on",
            "note",
            "version",
        ]
        read_only_fields = fields


class BadgeRegisterSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    number = serializers.CharField(max_length=30)
    kind = serializers.ChoiceField(choices=BadgeKind.choices)
    expires_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class BadgeIssueSerializer(serializers.Serializer):
    holder_user = OrgScopedField(
        model=get_user_model(), scope=_members, required=False, allow_null=True
    )
    holder_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    employee_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    expires_on = serializers.DateField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text=_("The version you read."))


class BadgeLostSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class DeniedPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeniedPerson
        fields = ["id", "full_name", "id_number", "company", "reason", "is_active", "version"]
        read_only_fields = ["id", "is_active", "version"]


class GatePolicySerializer(serializers.ModelSerializer):
    id_masking = serializers.ChoiceField(choices=IdMasking.choices)

    class Meta:
        model = GatePolicy
        fields = ["privacy_notice", "id_masking", "retention_days", "version"]
        extra_kwargs = {"version": {"read_only": False, "required": False}}


class SiteProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = SiteProfile
        fields = [
            "id",
            "site",
            "number",
            "is_current",
            "premises",
            "gates",
            "gate_count",
            "perimeter",
            "has_fence",
            "parking",
            "private_cars_apart",
            "locks_and_keys",
            "lighting",
            "backup_power",
            "alarms_and_cctv",
            "cctv_failure_notice",
            "change_note",
            "created_at",
        ]
        read_only_fields = ["id", "number", "is_current", "created_at"]


class SiteProfileWriteSerializer(SiteProfileSerializer):
    site = OrgScopedField(model=Site, scope=_sites)
    expected_number = serializers.IntegerField(required=False, allow_null=True)

    class Meta(SiteProfileSerializer.Meta):
        fields = [*SiteProfileSerializer.Meta.fields, "expected_number"]


class CameraSerializer(serializers.ModelSerializer):
    retention_short = serializers.BooleanField(read_only=True)

    class Meta:
        model = Camera
        fields = [
            "id",
            "site",
            "name",
            "location",
            "coverage",
            "covers_loaded_vehicles",
            "retention_days",
            "retention_short",
            "is_active",
            "access",
            "version",
        ]
        read_only_fields = fields


class CameraWriteSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    name = serializers.CharField(max_length=100)
    location = serializers.CharField(max_length=200)
    coverage = serializers.CharField(max_length=300, required=False, allow_blank=True)
    covers_loaded_vehicles = serializers.BooleanField(required=False, default=False)
    retention_days = serializers.IntegerField(min_value=0)
    is_active = serializers.BooleanField(required=False, default=True)
    access = OrgScopedField(model=get_user_model(), scope=_members, many=True, required=False)


class CheckpointSerializer(serializers.ModelSerializer):
    class Meta:
        model = Checkpoint
        fields = ["id", "name", "position", "code"]
        read_only_fields = fields


class CheckTypeSerializer(serializers.ModelSerializer):
    checkpoints = CheckpointSerializer(many=True, read_only=True)

    class Meta:
        model = CheckType
        fields = [
            "id",
            "site",
            "kind",
            "name",
            "frequency_days",
            "is_active",
            "last_done_at",
            "next_due_on",
            "checkpoints",
        ]
        read_only_fields = fields


class CheckTypeCreateSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    kind = serializers.ChoiceField(choices=CheckKind.choices)
    name = serializers.CharField(max_length=120)
    frequency_days = serializers.IntegerField(min_value=1)
    checkpoints = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, default=list
    )


class CheckRunSerializer(serializers.ModelSerializer):
    scanned = serializers.SerializerMethodField()

    class Meta:
        model = CheckRun
        fields = [
            "id",
            "check_type",
            "site",
            "status",
            "started_at",
            "finished_at",
            "performed_by",
            "finding",
            "is_security_event",
            "cameras",
            "review_from",
            "review_to",
            "scanned",
        ]
        read_only_fields = fields

    def get_scanned(self, run) -> list[int]:
        return [scan.checkpoint_id for scan in run.scans.all()]


def _cameras(membership):
    if membership is None:
        return Camera.objects.none()
    return Camera.objects.filter(organization=membership.organization)


class CheckRecordSerializer(serializers.Serializer):
    check_type = OrgScopedField(
        model=CheckType,
        scope=lambda m: (
            CheckType.objects.filter(organization=m.organization) if m else CheckType.objects.none()
        ),
    )
    passed = serializers.BooleanField()
    finding = serializers.CharField(required=False, allow_blank=True)
    is_security_event = serializers.BooleanField(required=False, default=False)
    cameras = OrgScopedField(model=Camera, scope=_cameras, many=True, required=False)
    review_from = serializers.DateTimeField(required=False, allow_null=True)
    review_to = serializers.DateTimeField(required=False, allow_null=True)


class ScanSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)
    run = serializers.IntegerField(required=False, allow_null=True)


class ScanResultSerializer(serializers.Serializer):
    run = serializers.IntegerField()
    checkpoint = serializers.IntegerField()
    scanned_at = serializers.DateTimeField()
    created = serializers.BooleanField()


class RoundFinishSerializer(serializers.Serializer):
    finding = serializers.CharField(required=False, allow_blank=True)
    is_security_event = serializers.BooleanField(required=False, default=False)


class KeySerializer(serializers.ModelSerializer):
    class Meta:
        model = Key
        fields = [
            "id",
            "site",
            "number",
            "opens",
            "status",
            "holder_user",
            "holder_name",
            "employee_number",
            "issued_at",
            "signed_name",
            "version",
        ]
        read_only_fields = fields


class KeyRegisterSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    number = serializers.CharField(max_length=30)
    opens = serializers.CharField(max_length=200)


class KeyIssueSerializer(serializers.Serializer):
    holder_user = OrgScopedField(
        model=get_user_model(), scope=_members, required=False, allow_null=True
    )
    holder_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    employee_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    signed_name = serializers.CharField(max_length=200)


class KeyAuditSerializer(serializers.ModelSerializer):
    class Meta:
        model = KeyAudit
        fields = [
            "id",
            "site",
            "performed_at",
            "performed_by",
            "expected",
            "missing",
            "unexpected",
            "note",
        ]
        read_only_fields = fields


class KeyAuditRunSerializer(serializers.Serializer):
    site = OrgScopedField(model=Site, scope=_sites)
    present_numbers = serializers.ListField(child=serializers.CharField(max_length=30))
    note = serializers.CharField(required=False, allow_blank=True)


class ChallengeSerializer(serializers.ModelSerializer):
    site = OrgScopedField(model=Site, scope=_sites)

    class Meta:
        model = Challenge
        fields = [
            "id",
            "site",
            "occurred_at",
            "subject",
            "description",
            "plates",
            "action_taken",
            "removed",
            "authorities_called",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {"occurred_at": {"required": False}}


class PackageSerializer(serializers.ModelSerializer):
    site = OrgScopedField(model=Site, scope=_sites)

    class Meta:
        model = Package
        fields = [
            "id",
            "site",
            "received_at",
            "sender",
            "carrier",
            "addressee",
            "screened",
            "suspicious",
            "signs",
            "procedure_followed",
        ]
        read_only_fields = ["id", "received_at"]


class GuardSerializer(serializers.ModelSerializer):
    sites = OrgScopedField(model=Site, scope=_sites, many=True)

    class Meta:
        model = Guard
        fields = ["id", "full_name", "employer", "company", "armed", "radio", "sites", "is_active"]
        read_only_fields = ["id", "is_active"]
