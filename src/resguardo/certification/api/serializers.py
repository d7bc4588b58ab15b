"""API shapes: read serializers list the records; write serializers only parse."""

from rest_framework import serializers

from ..choices import (
    AvisoKind,
    CertificationStatus,
    Modality,
    PrerequisiteKind,
    Program,
    RepresentativeRole,
    RequirementKind,
)
from ..models import (
    AnnualFee,
    AuthorityRequirement,
    Aviso,
    Certification,
    CertificationDocument,
    Renewal,
    Representative,
)


class OwnDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = CertificationDocument
        fields = ["id", "kind", "title", "original_name", "content_type", "size", "sha256"]
        read_only_fields = fields


class OwnRenewalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Renewal
        fields = ["id", "filed_on", "folio", "previous_expires_on", "acknowledged_on",
                  "new_expires_on", "resolution_number", "status"]  # fmt: skip
        read_only_fields = fields


class OwnCertificationSerializer(serializers.ModelSerializer):
    days_left = serializers.SerializerMethodField()
    renewals = OwnRenewalSerializer(many=True, read_only=True)

    class Meta:
        model = Certification
        fields = ["id", "site", "program", "modality", "resolution_number", "granted_on",
                  "expires_on", "status", "notes", "days_left", "renewals", "version"]  # fmt: skip
        read_only_fields = fields

    def get_days_left(self, obj) -> int | None:
        from ..selectors import days_left

        return days_left(obj)


class OwnCertificationWriteSerializer(serializers.Serializer):
    site = serializers.IntegerField(required=False, allow_null=True, help_text="Only to create.")
    program = serializers.ChoiceField(choices=Program.choices, required=False)
    modality = serializers.ChoiceField(choices=Modality.choices, required=False)
    resolution_number = serializers.CharField(max_length=80, required=False, allow_blank=True)
    granted_on = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=CertificationStatus.choices, required=False)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False)


class OwnRenewalFileSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    folio = serializers.CharField(max_length=80)


class OwnRenewalAcknowledgeSerializer(serializers.Serializer):
    renewal = serializers.IntegerField()
    acknowledged_on = serializers.DateField()
    new_expires_on = serializers.DateField()
    resolution_number = serializers.CharField(max_length=80, required=False, allow_blank=True)
    upload = serializers.FileField()


class OwnRepresentativeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Representative
        fields = ["id", "full_name", "rfc", "role", "appointed_on", "removed_on", "version"]
        read_only_fields = fields


class OwnRepresentativeWriteSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=200)
    rfc = serializers.CharField(max_length=13)
    role = serializers.ChoiceField(choices=RepresentativeRole.choices)
    appointed_on = serializers.DateField(required=False, allow_null=True)


class OwnRemoveSerializer(serializers.Serializer):
    removed_on = serializers.DateField()


class OwnPrerequisiteRowSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    state = serializers.CharField()
    met = serializers.BooleanField()
    blocking = serializers.BooleanField()
    detail = serializers.CharField()
    issued_on = serializers.DateField(allow_null=True)
    valid_until = serializers.DateField(allow_null=True)
    hits = serializers.ListField(child=serializers.DictField())


class OwnPrerequisiteWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PrerequisiteKind.choices)
    is_positive = serializers.BooleanField(allow_null=True)
    issued_on = serializers.DateField(required=False, allow_null=True)
    valid_until = serializers.DateField(required=False, allow_null=True)
    reference = serializers.CharField(max_length=120, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)


class OwnFeeSerializer(serializers.ModelSerializer):
    overdue = serializers.SerializerMethodField()
    documents = OwnDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = AnnualFee
        fields = ["id", "certification", "year", "due_on", "amount", "paid_on",
                  "payment_reference", "overdue", "documents", "version"]  # fmt: skip
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        from ..selectors import fee_is_overdue

        return fee_is_overdue(obj)


class OwnFeeWriteSerializer(serializers.Serializer):
    certification = serializers.IntegerField()
    year = serializers.IntegerField()
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True
    )
    due_on = serializers.DateField(required=False, allow_null=True)


class OwnFeeEditSerializer(serializers.Serializer):
    """A correction of the fee (as on its edit page); only the fields sent change."""

    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True
    )
    due_on = serializers.DateField(required=False)
    payment_reference = serializers.CharField(max_length=80, required=False, allow_blank=True)
    version = serializers.IntegerField(required=False)


class OwnFeePaySerializer(serializers.Serializer):
    paid_on = serializers.DateField()
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True
    )
    payment_reference = serializers.CharField(max_length=80, required=False, allow_blank=True)
    upload = serializers.FileField()


class OwnAvisoSerializer(serializers.ModelSerializer):
    documents = OwnDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = Aviso
        fields = ["id", "site", "kind", "trigger", "description", "source_key", "due_on",
                  "status", "filed_on", "folio", "acknowledged_on", "owner", "documents",
                  "version"]  # fmt: skip
        read_only_fields = fields


class OwnAvisoWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AvisoKind.choices)
    description = serializers.CharField()
    site = serializers.IntegerField(required=False, allow_null=True)
    due_on = serializers.DateField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)


class OwnAvisoFileSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    folio = serializers.CharField(max_length=80)
    version = serializers.IntegerField(required=False)


class OwnAcuseSerializer(serializers.Serializer):
    acknowledged_on = serializers.DateField()
    upload = serializers.FileField()


class OwnRequirementSerializer(serializers.ModelSerializer):
    documents = OwnDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = AuthorityRequirement
        fields = ["id", "kind", "reference", "authority", "site", "received_on", "deadline",
                  "owner", "description", "answer", "answered_on", "status", "documents",
                  "version"]  # fmt: skip
        read_only_fields = fields


class OwnRequirementWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RequirementKind.choices, required=False)
    reference = serializers.CharField(max_length=120)
    authority = serializers.CharField(max_length=120, required=False, allow_blank=True)
    site = serializers.IntegerField(required=False, allow_null=True)
    received_on = serializers.DateField()
    deadline = serializers.DateField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    description = serializers.CharField()


class OwnRequirementEditSerializer(serializers.Serializer):
    """A correction of the requirement (as on its edit page); only the fields sent change."""

    kind = serializers.ChoiceField(choices=RequirementKind.choices, required=False)
    reference = serializers.CharField(max_length=120, required=False)
    authority = serializers.CharField(max_length=120, required=False, allow_blank=True)
    site = serializers.IntegerField(required=False, allow_null=True)
    received_on = serializers.DateField(required=False)
    deadline = serializers.DateField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    description = serializers.CharField(required=False)
    version = serializers.IntegerField(required=False)


class OwnRequirementAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()
    answered_on = serializers.DateField()
    close = serializers.BooleanField(required=False, default=False)
    upload = serializers.FileField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False)
