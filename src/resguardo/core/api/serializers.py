from rest_framework import serializers

from ..audit_text import entry_sentence, type_label
from ..models import Aduana, AuditEntry, Membership, Organization, Patente, Site


class AduanaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aduana
        fields = ["code", "name"]


class PatenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patente
        fields = ["id", "number", "holder_name"]


class OrganizationSerializer(serializers.ModelSerializer):
    patentes = PatenteSerializer(many=True, read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "legal_name",
            "short_name",
            "kind",
            "rfc",
            "require_mfa",
            "review_by_second_person",
            "patentes",
            "version",
        ]
        read_only_fields = ["id", "patentes", "version"]


class OrganizationUpdateSerializer(serializers.Serializer):
    legal_name = serializers.CharField(max_length=200, required=False)
    short_name = serializers.CharField(max_length=60, required=False, allow_blank=True)
    rfc = serializers.CharField(max_length=13, required=False)
    require_mfa = serializers.BooleanField(required=False)
    review_by_second_person = serializers.BooleanField(required=False)
    version = serializers.IntegerField(
        required=False, help_text="The version you read; a save over a newer version answers 409."
    )


class SiteSerializer(serializers.ModelSerializer):
    aduana = serializers.SlugRelatedField(slug_field="code", queryset=Aduana.objects.all())
    aduana_name = serializers.CharField(source="aduana.name", read_only=True)
    version = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="On updates: the version you read; a save over a newer version answers 409.",
    )

    class Meta:
        model = Site
        fields = ["id", "name", "kind", "aduana", "aduana_name", "address", "is_active", "version"]
        read_only_fields = ["id"]


class MembershipSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    name = serializers.CharField(source="user.get_full_name", read_only=True)
    sites = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "email",
            "name",
            "role",
            "sites",
            "all_sites",
            "expires_at",
            "is_active",
            "version",
        ]
        read_only_fields = fields


class MembershipUpdateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Membership._meta.get_field("role").choices)
    sites = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    all_sites = serializers.BooleanField(required=False, default=False)
    expires_at = serializers.DateField(required=False, allow_null=True, default=None)
    is_active = serializers.BooleanField(required=False, default=True)
    version = serializers.IntegerField(required=False)


class AuditEntrySerializer(serializers.ModelSerializer):
    """One entry: `sequence` counts within the organization's own chain; `sentence` is the
    entry in the request's language; `change_id` groups the entries of one service call."""

    sentence = serializers.SerializerMethodField()
    object_type_label = serializers.SerializerMethodField()

    class Meta:
        model = AuditEntry
        fields = [
            "sequence",
            "timestamp",
            "actor_label",
            "action",
            "verb",
            "change_id",
            "sentence",
            "object_type",
            "object_type_label",
            "object_id",
            "object_label",
            "data",
            "before",
            "after",
            "previous_hash",
            "entry_hash",
        ]
        read_only_fields = fields

    def get_sentence(self, entry) -> str:
        return entry_sentence(entry)

    def get_object_type_label(self, entry) -> str:
        return str(type_label(entry.object_type))
