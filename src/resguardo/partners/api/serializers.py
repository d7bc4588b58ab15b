"""API serializers: they parse and present; the services decide."""

from rest_framework import serializers

from resguardo.core.tabular.api import StagedImportRequestSerializer

from ..choices import (
    CertificationProgram,
    CriterionResult,
    CtpatTier,
    DocumentKind,
    FindingSeverity,
    OeaModality,
    PartnerKind,
    PartnerStatus,
    QuestionnaireLanguage,
    ReviewKind,
    ReviewOutcome,
    RiskLevel,
    SelectionOutcome,
    Verdict,
)
from ..models import (
    Certification,
    ListEntry,
    ListVersion,
    Partner,
    PartnerAddress,
    PartnerContact,
    PartnerDocument,
    PartnerPolicy,
    PartnerReview,
    Questionnaire,
    ReviewFinding,
    ScreeningHit,
    ScreeningRun,
    SecurityAgreement,
    SelectionDecision,
)
from ..risk import describe_factor

VERSION_HELP = "The version you read; a save over a newer version answers 409."


class RiskFactorSerializer(serializers.Serializer):
    points = serializers.IntegerField()
    text = serializers.CharField()


class PartnerSerializer(serializers.ModelSerializer):
    risk = serializers.CharField(source="effective_risk", read_only=True)
    risk_explanation = serializers.SerializerMethodField()
    rfc_warning = serializers.SerializerMethodField()
    open_hits = serializers.IntegerField(read_only=True)
    has_valid_certification = serializers.BooleanField(read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id",
            "kind",
            "legal_name",
            "trade_name",
            "rfc",
            "rfc_warning",
            "tax_id",
            "country",
            "status",
            "since",
            "website",
            "notes",
            "risk",
            "risk_level",
            "risk_score",
            "risk_override",
            "risk_override_reason",
            "risk_explanation",
            "next_review_due",
            "last_screened_at",
            "blocked_at",
            "open_hits",
            "has_valid_certification",
            "version",
        ]
        read_only_fields = fields

    def get_risk_explanation(self, partner) -> list[dict]:
        return [{"points": f["points"], "text": describe_factor(f)} for f in partner.risk_factors]

    def get_rfc_warning(self, partner) -> str:
        return str(partner.rfc_warning)


class PartnerWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PartnerKind.choices)
    legal_name = serializers.CharField(max_length=250)
    trade_name = serializers.CharField(max_length=250, required=False, allow_blank=True)
    rfc = serializers.CharField(max_length=14, required=False, allow_blank=True)
    tax_id = serializers.CharField(max_length=40, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False)
    status = serializers.ChoiceField(choices=PartnerStatus.choices, required=False)
    since = serializers.DateField(required=False, allow_null=True)
    website = serializers.URLField(required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class RiskOverrideSerializer(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=[("", "computed")] + list(RiskLevel.choices), allow_blank=True
    )
    reason = serializers.CharField(required=False, allow_blank=True)


class ImportSerializer(StagedImportRequestSerializer):
    pass


class RowProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    problem = serializers.CharField()


class ImportReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    ok = serializers.BooleanField()
    total_rows = serializers.IntegerField()
    created = serializers.IntegerField()
    errors = RowProblemSerializer(many=True)
    warnings = RowProblemSerializer(many=True)
    staged_import = serializers.IntegerField(
        allow_null=True, help_text="After a clean dry run: send it back to import that file."
    )


class AddressSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id")

    class Meta:
        model = PartnerAddress
        fields = [
            "id",
            "partner",
            "kind",
            "street",
            "neighborhood",
            "city",
            "state",
            "postal_code",
            "country",
        ]
        read_only_fields = ["id"]


class ContactSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id")

    class Meta:
        model = PartnerContact
        fields = ["id", "partner", "name", "position", "email", "phone", "is_security_contact"]
        read_only_fields = ["id"]


class DocumentSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    uploaded_by = serializers.StringRelatedField()

    class Meta:
        model = PartnerDocument
        fields = [
            "id",
            "partner",
            "kind",
            "title",
            "original_name",
            "content_type",
            "size",
            "sha256",
            "signed_on",
            "valid_until",
            "uploaded_by",
            "questionnaire",
            "question_code",
            "created_at",
        ]
        read_only_fields = fields


class DocumentUploadSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    upload = serializers.FileField()
    signed_on = serializers.DateField(required=False, allow_null=True)
    valid_until = serializers.DateField(required=False, allow_null=True)


class CertificationSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    status = serializers.CharField(read_only=True)
    document = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Certification
        fields = [
            "id",
            "partner",
            "program",
            "modality",
            "ctpat_tier",
            "svi_number",
            "country",
            "certificate_number",
            "issued_on",
            "valid_until",
            "last_verified_on",
            "document",
            "notes",
            "status",
            "version",
        ]
        read_only_fields = fields


class CertificationWriteSerializer(serializers.Serializer):
    partner = serializers.IntegerField(required=False, help_text="Required to create.")
    program = serializers.ChoiceField(choices=CertificationProgram.choices, required=False)
    modality = serializers.ChoiceField(
        choices=OeaModality.choices, required=False, allow_blank=True
    )
    ctpat_tier = serializers.ChoiceField(
        choices=CtpatTier.choices, required=False, allow_blank=True
    )
    svi_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)
    certificate_number = serializers.CharField(max_length=80, required=False, allow_blank=True)
    issued_on = serializers.DateField(required=False, allow_null=True)
    valid_until = serializers.DateField(required=False, allow_null=True)
    last_verified_on = serializers.DateField(required=False, allow_null=True)
    document = serializers.IntegerField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class CriterionAnswerSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=CriterionResult.choices)
    note = serializers.CharField(required=False, allow_blank=True)


class SelectionDecisionSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    decided_by = serializers.StringRelatedField()

    class Meta:
        model = SelectionDecision
        fields = [
            "id",
            "partner",
            "outcome",
            "answers",
            "conditions",
            "rationale",
            "decided_by",
            "decided_on",
        ]
        read_only_fields = fields


class SelectionDecisionWriteSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=SelectionOutcome.choices)
    answers = serializers.DictField(
        child=CriterionAnswerSerializer(), help_text="{criterion code: {result, note}}"
    )
    conditions = serializers.CharField(required=False, allow_blank=True)
    rationale = serializers.CharField(required=False, allow_blank=True)
    decided_on = serializers.DateField(required=False, allow_null=True)


class AgreementSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    is_signed = serializers.BooleanField(read_only=True)
    document = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = SecurityAgreement
        fields = [
            "id",
            "partner",
            "title",
            "requirement_codes",
            "other_requirements",
            "signed_on",
            "valid_until",
            "document",
            "is_signed",
            "version",
        ]
        read_only_fields = fields


class AgreementWriteSerializer(serializers.Serializer):
    partner = serializers.IntegerField(required=False, help_text="Required to create.")
    title = serializers.CharField(max_length=200, required=False)
    requirement_codes = serializers.ListField(child=serializers.CharField(), required=False)
    other_requirements = serializers.CharField(required=False, allow_blank=True)
    signed_on = serializers.DateField(required=False, allow_null=True)
    valid_until = serializers.DateField(required=False, allow_null=True)
    document = serializers.IntegerField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class QuestionnaireSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    link_expired = serializers.BooleanField(read_only=True)

    class Meta:
        model = Questionnaire
        fields = [
            "id",
            "partner",
            "recipient_name",
            "recipient_email",
            "language",
            "status",
            "valid_until",
            "link_expired",
            "sent_at",
            "reminder_count",
            "last_reminder_at",
            "submitted_at",
            "score",
            "critical_gaps",
            "questions",
            "answers",
            "reviewed_at",
            "review_comment",
        ]
        read_only_fields = fields


class QuestionnaireSendSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    recipient_email = serializers.EmailField()
    recipient_name = serializers.CharField(required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=QuestionnaireLanguage.choices, default="es")


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True)


class FindingSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    review = serializers.IntegerField(source="review_id", read_only=True)
    owner = serializers.StringRelatedField()

    class Meta:
        model = ReviewFinding
        fields = [
            "id",
            "review",
            "partner",
            "description",
            "severity",
            "action",
            "owner",
            "due_on",
            "status",
            "closed_on",
            "closing_note",
        ]
        read_only_fields = fields


class FindingWriteSerializer(serializers.Serializer):
    description = serializers.CharField()
    severity = serializers.ChoiceField(
        choices=FindingSeverity.choices, default=FindingSeverity.MEDIUM
    )
    action = serializers.CharField()
    owner = serializers.IntegerField(
        required=False, allow_null=True, help_text="User id of a member."
    )
    due_on = serializers.DateField()


class FindingCloseSerializer(serializers.Serializer):
    closing_note = serializers.CharField()
    closed_on = serializers.DateField(required=False, allow_null=True)


class ReviewSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    reviewer = serializers.StringRelatedField()
    findings = FindingSerializer(many=True, read_only=True)
    report = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = PartnerReview
        fields = [
            "id",
            "partner",
            "kind",
            "performed_on",
            "reviewer",
            "outcome",
            "summary",
            "certification_checked",
            "next_due",
            "report",
            "findings",
        ]
        read_only_fields = fields


class ReviewWriteSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ReviewKind.choices, default=ReviewKind.PERIODIC)
    performed_on = serializers.DateField(required=False)
    outcome = serializers.ChoiceField(choices=ReviewOutcome.choices)
    summary = serializers.CharField()
    certification_checked = serializers.BooleanField(default=False)
    report = serializers.IntegerField(required=False, allow_null=True)
    findings = FindingWriteSerializer(many=True, required=False)


class HitSerializer(serializers.ModelSerializer):
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    partner_legal_name = serializers.CharField(source="partner.legal_name", read_only=True)
    status = serializers.CharField(read_only=True)
    entry_name = serializers.CharField(source="entry.name", read_only=True)
    entry_rfcs = serializers.CharField(source="entry.rfcs", read_only=True)
    entry_status = serializers.CharField(source="entry.status", read_only=True)
    decision_reason = serializers.CharField(source="decision.reason", read_only=True, default="")

    class Meta:
        model = ScreeningHit
        fields = [
            "id",
            "partner",
            "partner_legal_name",
            "source",
            "entry_key",
            "entry",
            "entry_name",
            "entry_rfcs",
            "entry_status",
            "list_version",
            "match_kind",
            "score",
            "matched_name",
            "partner_name",
            "first_seen_at",
            "last_seen_at",
            "is_current",
            "informative",
            "explanation",
            "status",
            "decision_reason",
        ]
        read_only_fields = fields


class HitDecisionSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    reason = serializers.CharField()


class ScreeningRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScreeningRun
        fields = [
            "id",
            "trigger",
            "started_at",
            "finished_at",
            "partner_count",
            "hit_count",
            "new_hit_count",
            "versions",
        ]
        read_only_fields = fields


class ListVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ListVersion
        fields = [
            "id",
            "source",
            "published_on",
            "imported_at",
            "sha256",
            "file_name",
            "origin",
            "entry_count",
            "alias_count",
            "is_current",
        ]
        read_only_fields = fields


class ListEntrySerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = ListEntry
        fields = [
            "id",
            "version",
            "source",
            "entry_key",
            "name",
            "rfcs",
            "entity_type",
            "status",
            "is_adverse",
            "details",
            "aliases",
        ]
        read_only_fields = fields

    def get_aliases(self, entry) -> list[str]:
        return [n.name for n in entry.names.all()]


class PolicySerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(
        required=False,
        help_text="The version you read; a save over a newer version answers 409.",
    )

    class Meta:
        model = PartnerPolicy
        fields = [
            "review_months_high",
            "review_months_medium",
            "review_months_low",
            "certification_required_kinds",
            "certification_warning_days",
            "questionnaire_valid_days",
            "reminder_interval_days",
            "max_reminders",
            "name_match_threshold",
            "version",
        ]
