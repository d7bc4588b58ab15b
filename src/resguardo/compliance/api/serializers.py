"""API serializers: read shapes, and write shapes that only parse (services decide)."""

from django.urls import reverse
from rest_framework import serializers

from resguardo.standards.models import Library

from ..choices import (
    ActionKind,
    ActionSource,
    AssessmentStatus,
    AuditStatus,
    Classification,
    EvidenceKind,
    Result,
    Severity,
)
from ..models import ActionItem, Assessment, AuditFinding, Evidence, InternalAudit

VERSION_HELP = "The version you read; a save over a newer version answers 409."


def _version():
    return serializers.IntegerField(required=False, help_text=VERSION_HELP)


class AssessmentSerializer(serializers.ModelSerializer):
    library = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    library_name = serializers.CharField(source="library.__str__", read_only=True)
    framework = serializers.CharField(source="library.framework.key", read_only=True)
    frozen_by = serializers.StringRelatedField()
    readiness = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id", "name", "library", "library_name", "framework", "site", "flags", "status",
            "description", "due_date", "previous", "created_at", "frozen_at", "frozen_by",
            "snapshot_sha256", "marked_current_at", "readiness", "progress", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def _tally(self, obj):
        item = self.context.get("readiness", {}).get(obj.pk)
        return item.overall if item else None

    def get_readiness(self, obj) -> float | None:
        tally = self._tally(obj)
        return tally.readiness if tally else None

    def get_progress(self, obj) -> float | None:
        tally = self._tally(obj)
        return tally.progress if tally else None


class AssessmentCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    library = serializers.SlugRelatedField(slug_field="urn", queryset=Library.objects.all())
    site = serializers.IntegerField(required=False, allow_null=True)
    flags = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    previous = serializers.IntegerField(required=False, allow_null=True)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    due_date = serializers.DateField(required=False, allow_null=True)


class AssessmentUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(
        choices=[AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW], required=False
    )
    version = _version()


class AssessmentFreezeSerializer(serializers.Serializer):
    statement = serializers.CharField(required=False, allow_blank=True, default="")
    version = _version()


class ResultSerializer(serializers.Serializer):
    """One requirement result. The list endpoints build the same keys without this class
    (see views.result_dict) so a thousand rows stay fast; keep both in step."""

    id = serializers.IntegerField()
    assessment = serializers.IntegerField(source="assessment_id")
    urn = serializers.CharField(source="node.urn")
    ref_id = serializers.CharField(source="node.ref_id")
    title = serializers.CharField(source="node.title")
    section = serializers.IntegerField(source="section_id")
    weight = serializers.IntegerField()
    result = serializers.ChoiceField(choices=Result.choices)
    score = serializers.IntegerField(allow_null=True)
    answer = serializers.CharField()
    justification = serializers.CharField()
    comments = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id", allow_null=True)
    due_date = serializers.DateField(allow_null=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    reviewed_by = serializers.IntegerField(source="reviewed_by_id", allow_null=True)
    reviewed_at = serializers.DateTimeField(allow_null=True)
    version = serializers.IntegerField()


class IndicatorLineSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    status = serializers.ChoiceField(
        choices=["met", "not_met", "no_data", "unavailable"],
        help_text="`unavailable`: the module whose records measure it is not installed yet.",
    )
    status_label = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    unit = serializers.CharField()
    target = serializers.FloatField(allow_null=True)
    direction = serializers.CharField()
    detail = serializers.CharField()
    note = serializers.CharField(help_text="Why there is no reading, in words.")


class ResultDetailSerializer(ResultSerializer):
    indicators = IndicatorLineSerializer(many=True, read_only=True)


class ResultUpdateSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=Result.choices, required=False)
    score = serializers.IntegerField(min_value=0, max_value=100, required=False, allow_null=True)
    answer = serializers.CharField(required=False, allow_blank=True)
    justification = serializers.CharField(required=False, allow_blank=True)
    comments = serializers.CharField(required=False, allow_blank=True)
    version = _version()


class ResultAssignSerializer(serializers.Serializer):
    owner = serializers.IntegerField(allow_null=True, help_text="User id of a member.")
    due_date = serializers.DateField(required=False, allow_null=True)
    version = _version()


class ResultReviewSerializer(serializers.Serializer):
    undo = serializers.BooleanField(required=False, default=False)
    version = _version()


class EvidenceRevisionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    original_name = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    content_type = serializers.CharField()
    created_at = serializers.DateTimeField()


class EvidenceSerializer(serializers.ModelSerializer):
    current_revision = EvidenceRevisionSerializer(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = [
            "id", "title", "description", "kind", "url", "classification", "valid_until",
            "site", "owner", "current_revision", "download_url", "created_at", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def get_download_url(self, obj) -> str | None:
        if obj.current_revision_id is None:
            return None
        return reverse("api:evidence-download", args=[obj.pk])


class EvidenceCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=EvidenceKind.choices)
    file = serializers.FileField(required=False, allow_null=True)
    url = serializers.URLField(required=False, allow_blank=True, default="")
    classification = serializers.ChoiceField(
        choices=Classification.choices, default=Classification.INTERNAL
    )
    valid_until = serializers.DateField(required=False, allow_null=True)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    site = serializers.IntegerField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    result = serializers.IntegerField(
        required=False, allow_null=True, help_text="Link to this requirement result at once."
    )


class EvidenceUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    url = serializers.URLField(required=False, allow_blank=True)
    classification = serializers.ChoiceField(choices=Classification.choices, required=False)
    valid_until = serializers.DateField(required=False, allow_null=True)
    site = serializers.IntegerField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    version = _version()


class RevisionCreateSerializer(serializers.Serializer):
    file = serializers.FileField()
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    version = _version()


class EvidenceLinkSerializer(serializers.Serializer):
    result = serializers.IntegerField(help_text="Requirement result id.")


class ActionItemSerializer(serializers.ModelSerializer):
    node = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = ActionItem
        fields = [
            "id", "title", "description", "kind", "status", "source", "source_reference",
            "result", "finding", "node", "site", "owner", "due_date", "overdue",
            "implemented_at", "verified_at", "verified_by", "verification_note", "created_at",
            "version",
        ]  # fmt: skip
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        from django.utils import timezone

        from ..choices import LATE_ACTION_STATUSES

        return bool(
            obj.due_date
            and obj.status in LATE_ACTION_STATUSES
            and obj.due_date < timezone.localdate()
        )


class ActionItemCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=ActionKind.choices, default=ActionKind.CORRECTIVE)
    source = serializers.ChoiceField(choices=ActionSource.choices, default=ActionSource.MANUAL)
    source_reference = serializers.CharField(
        max_length=120, required=False, allow_blank=True, default=""
    )
    result = serializers.IntegerField(required=False, allow_null=True)
    finding = serializers.IntegerField(required=False, allow_null=True)
    site = serializers.IntegerField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    due_date = serializers.DateField(required=False, allow_null=True)


class ActionItemUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=ActionKind.choices, required=False)
    site = serializers.IntegerField(required=False, allow_null=True)
    owner = serializers.IntegerField(required=False, allow_null=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    version = _version()


class ActionProgressSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["open", "in_progress", "implemented"])
    version = _version()


class ActionVerifySerializer(serializers.Serializer):
    effective = serializers.BooleanField()
    note = serializers.CharField()
    version = _version()


class ActionCancelSerializer(serializers.Serializer):
    reason = serializers.CharField()
    version = _version()


class InternalAuditSerializer(serializers.ModelSerializer):
    scope_nodes = serializers.SlugRelatedField(slug_field="urn", many=True, read_only=True)

    class Meta:
        model = InternalAudit
        fields = [
            "id", "title", "status", "planned_date", "performed_on", "lead_auditor", "team",
            "objective", "scope_nodes", "sites", "conclusion", "created_at", "version",
        ]  # fmt: skip
        read_only_fields = fields


class InternalAuditWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    status = serializers.ChoiceField(choices=AuditStatus.choices, required=False)
    planned_date = serializers.DateField(required=False)
    performed_on = serializers.DateField(required=False, allow_null=True)
    lead_auditor = serializers.IntegerField(required=False, allow_null=True)
    team = serializers.CharField(max_length=300, required=False, allow_blank=True)
    objective = serializers.CharField(required=False, allow_blank=True)
    conclusion = serializers.CharField(required=False, allow_blank=True)
    scope_nodes = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Requirement URNs."
    )
    sites = serializers.ListField(child=serializers.IntegerField(), required=False)
    version = _version()


class InternalAuditCreateSerializer(InternalAuditWriteSerializer):
    title = serializers.CharField(max_length=200)
    planned_date = serializers.DateField()
    status = None
    performed_on = None
    conclusion = None
    version = None


class AuditFindingSerializer(serializers.ModelSerializer):
    node = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = AuditFinding
        fields = [
            "id", "audit", "number", "reference", "title", "description", "severity", "node",
            "site", "created_at", "version",
        ]  # fmt: skip
        read_only_fields = fields


class AuditFindingWriteSerializer(serializers.Serializer):
    audit = serializers.IntegerField(required=False)
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    node = serializers.CharField(required=False, allow_null=True, help_text="Requirement URN.")
    site = serializers.IntegerField(required=False, allow_null=True)
    version = _version()


class AuditFindingCreateSerializer(AuditFindingWriteSerializer):
    audit = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    severity = serializers.ChoiceField(choices=Severity.choices)
    version = None


class AssessmentTreeNodeSerializer(serializers.Serializer):
    """One node of `assessments/{id}/tree/` (documentation only: the view builds the dicts)."""

    id = serializers.IntegerField()
    ref_id = serializers.CharField()
    title = serializers.CharField()
    result_id = serializers.IntegerField(allow_null=True)
    result = serializers.ChoiceField(choices=Result.choices, allow_null=True)
    owner = serializers.IntegerField(allow_null=True)
    readiness = serializers.FloatField(allow_null=True)
    progress = serializers.FloatField(allow_null=True)
    counts = serializers.DictField(child=serializers.IntegerField())
    children = serializers.ListField(
        child=serializers.DictField(), help_text="Nodes below, in the same shape."
    )
