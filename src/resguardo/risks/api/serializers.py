"""API shapes: read serializers, and write serializers that only parse (services decide)."""

from rest_framework import serializers

from ..choices import RiskStatus, Scenario, Treatment
from ..models import (
    CommitteeMeeting,
    CommitteeMember,
    ContingencyPlan,
    Drill,
    Policy,
    PolicyVersion,
    RegisterReview,
    Risk,
    ThreatCategory,
)

VERSION_HELP = "The version you read; a save over a newer version answers 409."


def _version():
    return serializers.IntegerField(required=False, help_text=VERSION_HELP)


def _ref(**kwargs):
    return serializers.IntegerField(required=False, allow_null=True, **kwargs)


def _refs(**kwargs):
    return serializers.ListField(child=serializers.IntegerField(), required=False, **kwargs)


class RiskThreatSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    description_text = serializers.CharField(read_only=True)

    class Meta:
        model = ThreatCategory
        fields = [
            "id",
            "key",
            "name",
            "label",
            "description",
            "description_text",
            "is_active",
            "version",
        ]
        read_only_fields = fields


class RiskThreatWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False)
    version = _version()


class RiskSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)
    threat_label = serializers.CharField(source="threat.label", read_only=True)
    inherent_score = serializers.IntegerField(read_only=True)
    residual_score = serializers.IntegerField(read_only=True)
    requirements = serializers.SlugRelatedField(slug_field="urn", many=True, read_only=True)

    class Meta:
        model = Risk
        fields = [
            "id",
            "code",
            "title",
            "site",
            "process",
            "threat",
            "threat_label",
            "vulnerabilities",
            "inherent_likelihood",
            "inherent_impact",
            "inherent_score",
            "controls",
            "requirements",
            "evidence",
            "residual_likelihood",
            "residual_impact",
            "residual_score",
            "treatment",
            "owner",
            "status",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields


class RiskWriteSerializer(serializers.Serializer):
    """Ratings are checked against the organization's scale by the service (400 naming the
    field when outside it)."""

    title = serializers.CharField(max_length=200, required=False)
    site = _ref()
    process = serializers.CharField(max_length=200, required=False)
    threat = serializers.IntegerField(required=False)
    vulnerabilities = serializers.CharField(required=False, allow_blank=True)
    inherent_likelihood = serializers.IntegerField(required=False)
    inherent_impact = serializers.IntegerField(required=False)
    controls = serializers.CharField(required=False, allow_blank=True)
    requirements = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Requirement URNs."
    )
    evidence = _refs(help_text="Evidence ids (compliance evidence vault).")
    residual_likelihood = serializers.IntegerField(required=False)
    residual_impact = serializers.IntegerField(required=False)
    treatment = serializers.ChoiceField(choices=Treatment.choices, required=False)
    owner = _ref()
    status = serializers.ChoiceField(choices=RiskStatus.choices, required=False)
    version = _version()


class RiskCreateSerializer(RiskWriteSerializer):
    title = serializers.CharField(max_length=200)
    process = serializers.CharField(max_length=200)
    threat = serializers.IntegerField()
    inherent_likelihood = serializers.IntegerField()
    inherent_impact = serializers.IntegerField()
    residual_likelihood = serializers.IntegerField()
    residual_impact = serializers.IntegerField()
    status = None  # a new risk is active


class RiskActionSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    owner = _ref()
    due_date = serializers.DateField(required=False, allow_null=True)


class RiskActionOpenedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)


class RiskHeatCellSerializer(serializers.Serializer):
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    count = serializers.IntegerField()
    level = serializers.CharField()


class RiskHeatMapSerializer(serializers.Serializer):
    likelihood_levels = serializers.IntegerField()
    impact_levels = serializers.IntegerField()
    medium_from = serializers.IntegerField()
    high_from = serializers.IntegerField()
    residual = RiskHeatCellSerializer(many=True)
    inherent = RiskHeatCellSerializer(many=True)


class RiskScaleSerializer(serializers.Serializer):
    likelihood_levels = serializers.IntegerField()
    impact_levels = serializers.IntegerField()
    medium_from = serializers.IntegerField()
    high_from = serializers.IntegerField()
    version = _version()


class RegisterReviewSerializer(serializers.ModelSerializer):
    reviewed_by = serializers.StringRelatedField()

    class Meta:
        model = RegisterReview
        fields = [
            "id",
            "number",
            "reviewed_at",
            "reviewed_by",
            "signer_name",
            "statement",
            "meeting",
            "changes",
            "content_hash",
            "snapshot",
        ]
        read_only_fields = fields


class RegisterReviewCreateSerializer(serializers.Serializer):
    statement = serializers.CharField()
    meeting = _ref()


class CommitteeMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = CommitteeMember
        fields = [
            "id",
            "name",
            "user",
            "department",
            "committee_role",
            "email",
            "phone",
            "is_active",
            "version",
        ]
        read_only_fields = fields


class CommitteeMemberWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    user = _ref()
    department = serializers.CharField(max_length=120, required=False)
    committee_role = serializers.CharField(max_length=120, required=False)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False)
    version = _version()


class CommitteeMeetingSerializer(serializers.ModelSerializer):
    decisions = serializers.SlugRelatedField(slug_field="text", many=True, read_only=True)

    class Meta:
        model = CommitteeMeeting
        fields = ["id", "held_on", "place", "attendees", "minutes", "decisions", "created_at"]
        read_only_fields = fields


class CommitteeMeetingCreateSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    minutes = serializers.CharField()
    attendees = _refs(help_text="Committee member ids.")
    decisions = serializers.ListField(child=serializers.CharField(), required=False, default=list)


class SecurityPolicyVersionSerializer(serializers.ModelSerializer):
    approved_by = serializers.StringRelatedField()

    class Meta:
        model = PolicyVersion
        fields = ["id", "number", "body", "change_summary", "approved_by", "approved_at"]
        read_only_fields = fields


class SecurityPolicySerializer(serializers.ModelSerializer):
    current_version = SecurityPolicyVersionSerializer(read_only=True)
    acknowledged_by_me = serializers.BooleanField(read_only=True)
    acknowledgements = serializers.IntegerField(source="ack_count", read_only=True)

    class Meta:
        model = Policy
        fields = [
            "id",
            "title",
            "purpose",
            "owner",
            "review_months",
            "next_review_on",
            "current_version",
            "document",
            "is_active",
            "acknowledged_by_me",
            "acknowledgements",
            "version",
        ]
        read_only_fields = fields


class SecurityPolicyCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    body = serializers.CharField()
    purpose = serializers.CharField(required=False, allow_blank=True, default="")
    owner = _ref()
    review_months = serializers.IntegerField(required=False, default=12)
    document = _ref(help_text="Evidence id of the signed document.")


class SecurityPolicyUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    purpose = serializers.CharField(required=False, allow_blank=True)
    owner = _ref()
    review_months = serializers.IntegerField(required=False)
    document = _ref()
    is_active = serializers.BooleanField(required=False)
    version = _version()


class SecurityPolicyVersionCreateSerializer(serializers.Serializer):
    body = serializers.CharField()
    change_summary = serializers.CharField()


class ContingencyPlanContactSerializer(serializers.Serializer):
    role = serializers.CharField(max_length=120)
    name = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class ContingencyPlanSerializer(serializers.ModelSerializer):
    contacts = ContingencyPlanContactSerializer(many=True, read_only=True)
    last_drill_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = ContingencyPlan
        fields = [
            "id",
            "title",
            "scenario",
            "site",
            "procedure",
            "owner",
            "drill_every_months",
            "next_drill_on",
            "last_drill_on",
            "is_active",
            "contacts",
            "version",
        ]
        read_only_fields = fields


class ContingencyPlanWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    scenario = serializers.ChoiceField(choices=Scenario.choices, required=False)
    site = _ref()
    procedure = serializers.CharField(required=False)
    owner = _ref()
    drill_every_months = serializers.IntegerField(required=False)
    next_drill_on = serializers.DateField(required=False)
    is_active = serializers.BooleanField(required=False)
    contacts = ContingencyPlanContactSerializer(many=True, required=False)
    version = _version()


class ContingencyDrillSerializer(serializers.ModelSerializer):
    class Meta:
        model = Drill
        fields = [
            "id",
            "plan",
            "held_on",
            "duration_minutes",
            "participants",
            "other_participants",
            "went_wrong",
            "lessons",
            "created_at",
        ]
        read_only_fields = fields


class ContingencyDrillCreateSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    held_on = serializers.DateField()
    duration_minutes = serializers.IntegerField(min_value=1)
    participants = _refs(help_text="User ids of the members who took part.")
    other_participants = serializers.CharField(required=False, allow_blank=True, default="")
    went_wrong = serializers.CharField(required=False, allow_blank=True, default="")
    lessons = serializers.CharField(required=False, allow_blank=True, default="")
    actions = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )
