from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from resguardo.core.models import Site

from ..choices import BadgeKind, IdMasking, IdType, VisitorKind
from ..models import Badge, DeniedPerson, GatePolicy, Visit


class OrgScopedField(serializers.PrimaryKeyRelatedField):
    """A related id read from the request's organization only: another one's is 'not found'."""

    def __init__(self, *, scope, **kwargs):
        self.scope = scope
        super().__init__(**kwargs)

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
    site = OrgScopedField(scope=_sites)
    kind = serializers.ChoiceField(choices=VisitorKind.choices, default=VisitorKind.VISITOR)
    full_name = serializers.CharField(max_length=200)
    company = serializers.CharField(max_length=200, required=False, allow_blank=True)
    id_type = serializers.ChoiceField(choices=IdType.choices)
    id_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    host = OrgScopedField(scope=_members, required=False, allow_null=True)
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
    site = OrgScopedField(scope=_sites)
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
    site = OrgScopedField(scope=_sites)
    number = serializers.CharField(max_length=30)
    kind = serializers.ChoiceField(choices=BadgeKind.choices)
    expires_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class BadgeIssueSerializer(serializers.Serializer):
    holder_user = OrgScopedField(scope=_members, required=False, allow_null=True)
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
