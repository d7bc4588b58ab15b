from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import AssessmentStatus, Result


class Assessment(TenantModel):
    """A self-assessment of the organization (or one site) against one library version."""

    name = models.CharField(_("name"), max_length=200)
    library = models.ForeignKey(
        "standards.Library",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("framework version"),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Leave empty to assess the whole organization."),
    )
    flags = models.JSONField(_("applicability flags"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus, default=AssessmentStatus.DRAFT
    )
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    snapshot_sha256 = models.CharField(_("snapshot SHA-256"), max_length=64, blank=True)
    # Readiness and its trend come from the organization's current assessment of a framework:
    # the one most recently frozen or marked current, whichever happened last. A new draft
    # never takes over silently; the first assessment of a framework is marked at creation.
    marked_current_at = models.DateTimeField(_("marked current"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["organization", "-created_at"], name="cmp_assess_org")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=AssessmentStatus.FROZEN) | ~Q(snapshot_sha256=""),
                name="cmp_assessment_frozen_has_hash",
            )
        ]

    def get_absolute_url(self):
        return reverse("compliance:assessment_detail", args=[self.pk])

    def __str__(self):
        return self.name

    @property
    def is_frozen(self) -> bool:
        return self.status == AssessmentStatus.FROZEN

    @property
    def current_since(self):
        """When this assessment last became the current one (frozen or marked), if ever."""
        moments = [m for m in (self.frozen_at, self.marked_current_at) if m is not None]
        return max(moments) if moments else None


class AssessmentSnapshot(TenantModel):
    """The immutable record of a frozen assessment: every answer, as JSON, and its hash."""

    assessment = models.OneToOneField(Assessment, on_delete=models.PROTECT, related_name="snapshot")
    content = models.JSONField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed"))
    statement = models.TextField(_("approver's statement"), blank=True)

    class Meta:
        verbose_name = _("assessment snapshot")
        verbose_name_plural = _("assessment snapshots")

    def __str__(self):
        return f"{self.assessment} {self.sha256[:12]}"


class RequirementResult(TenantModel):
    """The answer to one assessable requirement within one assessment.

    `section`, `order` and `weight` copy what the library node says (a library version never
    changes), so scoring and listing need no walk up the requirement tree.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="results", verbose_name=_("assessment")
    )
    node = models.ForeignKey(
        "standards.RequirementNode",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    section = models.ForeignKey(
        "standards.RequirementNode",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("standard"),
    )
    order = models.PositiveIntegerField(_("order"))
    weight = models.PositiveIntegerField(_("weight"), default=1)
    result = models.CharField(
        _("result"), max_length=20, choices=Result, default=Result.NOT_ASSESSED
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Your own 0–100 rating of how far this requirement is implemented."),
    )
    answer = models.TextField(
        _("answer"),
        blank=True,
        help_text=_("The written answer (Respuesta) the profile asks for."),
    )
    justification = models.TextField(
        _("justification"),
        blank=True,
        help_text=_("Why the requirement does not apply (required for not applicable)."),
    )
    comments = models.TextField(_("comments"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    evidence = models.ManyToManyField(
        "compliance.Evidence",
        through="compliance.ResultEvidence",
        related_name="results",
        blank=True,
    )

    class Meta:
        ordering = ["assessment_id", "order"]
        verbose_name = _("requirement result")
        verbose_name_plural = _("requirement results")
        indexes = [
            models.Index(fields=["assessment", "order"], name="cmp_result_order"),
            models.Index(fields=["organization", "owner"], name="cmp_result_owner"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "node"], name="cmp_result_node_uniq"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="cmp_result_score_0_100",
                violation_error_message=_("The score goes from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=~Q(result=Result.NOT_APPLICABLE) | ~Q(justification=""),
                name="cmp_result_na_justified",
                violation_error_message=_("Explain why this requirement does not apply."),
            ),
        ]

    def get_absolute_url(self):
        return reverse("compliance:result_detail", args=[self.pk])

    def __str__(self):
        return f"{self.assessment} · {self.node.ref_id}"

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None


class ReadinessSnapshot(TenantModel):
    """One assessment's scores on one day (the last save of the day wins), for trend charts."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="readiness_history"
    )
    day = models.DateField(_("day"))
    readiness = models.FloatField(_("readiness"), null=True)
    progress = models.FloatField(_("progress"), null=True)
    sections = models.JSONField(_("per standard"), default=dict)

    class Meta:
        ordering = ["assessment_id", "day"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "day"], name="cmp_readiness_day_uniq")
        ]
        verbose_name = _("readiness snapshot")
        verbose_name_plural = _("readiness history")

    def __str__(self):
        return f"{self.assessment} {self.day}: {self.readiness}"
