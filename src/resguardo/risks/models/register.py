"""The risk register (standard 1.1): threats, the scale, risks and the signed yearly reviews."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..catalog import SHIPPED
from ..choices import RiskStatus, Treatment


class ThreatCategory(TenantModel):
    """One threat of the organization's copy of the supply-chain threat catalog."""

    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(
        _("name"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty to keep the shipped name, shown in each reader's language."),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("threat")
        verbose_name_plural = _("threats")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="risks_threat_key_uniq")
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        shipped = SHIPPED.get(self.key)
        return str(shipped.name) if shipped else self.key

    @property
    def description_text(self) -> str:
        if self.description:
            return self.description
        shipped = SHIPPED.get(self.key)
        return str(shipped.description) if shipped else ""


class RiskScale(TenantModel):
    """How likelihood and impact are rated, and where medium and high start (score = L × I)."""

    likelihood_levels = models.PositiveSmallIntegerField(_("likelihood levels"), default=5)
    impact_levels = models.PositiveSmallIntegerField(_("impact levels"), default=5)
    medium_from = models.PositiveSmallIntegerField(_("medium from score"), default=5)
    high_from = models.PositiveSmallIntegerField(_("high from score"), default=10)

    class Meta:
        verbose_name = _("risk scale")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="risks_scale_org_uniq"),
            models.CheckConstraint(
                condition=Q(likelihood_levels__gte=2, likelihood_levels__lte=10)
                & Q(impact_levels__gte=2, impact_levels__lte=10),
                name="risks_scale_levels_range",
            ),
            models.CheckConstraint(
                condition=Q(medium_from__lt=models.F("high_from")),
                name="risks_scale_thresholds_order",
            ),
        ]


class Risk(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Empty: the risk concerns the whole organization."),
    )
    process = models.CharField(
        _("process or place"),
        max_length=200,
        help_text=_("The step of the process map or the place where the threat could act."),
    )
    threat = models.ForeignKey(
        ThreatCategory, on_delete=models.PROTECT, related_name="risks", verbose_name=_("threat")
    )
    vulnerabilities = models.TextField(_("vulnerabilities"), blank=True)
    inherent_likelihood = models.PositiveSmallIntegerField(_("inherent likelihood"))
    inherent_impact = models.PositiveSmallIntegerField(_("inherent impact"))
    controls = models.TextField(_("controls in place"), blank=True)
    requirements = models.ManyToManyField(
        "standards.RequirementNode",
        blank=True,
        related_name="+",
        verbose_name=_("requirements the controls answer"),
    )
    evidence = models.ManyToManyField(
        "compliance.Evidence",
        blank=True,
        related_name="+",
        verbose_name=_("evidence of the controls"),
    )
    residual_likelihood = models.PositiveSmallIntegerField(_("residual likelihood"))
    residual_impact = models.PositiveSmallIntegerField(_("residual impact"))
    treatment = models.CharField(
        _("treatment"), max_length=20, choices=Treatment, default=Treatment.MITIGATE
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RiskStatus, default=RiskStatus.ACTIVE
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="risks_risk_number_uniq"
            ),
            models.CheckConstraint(
                condition=Q(inherent_likelihood__gte=1)
                & Q(inherent_impact__gte=1)
                & Q(residual_likelihood__gte=1)
                & Q(residual_impact__gte=1),
                name="risks_risk_ratings_positive",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "status", "residual_likelihood", "residual_impact"],
                name="risks_risk_heat",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("risks:risk_detail", args=[self.pk])

    @property
    def code(self) -> str:
        return f"R-{self.number:03d}"

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact


class RegisterReview(TenantModel):
    """A signed, frozen version of the register: what it held, who signed, what changed."""

    number = models.PositiveIntegerField(_("version"))
    reviewed_at = models.DateTimeField(_("signed at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signer_name = models.CharField(_("signer"), max_length=200)
    statement = models.TextField(_("statement"))
    meeting = models.ForeignKey(
        "risks.CommitteeMeeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee meeting"),
    )
    snapshot = models.JSONField(_("register"), default=dict, editable=False)
    changes = models.JSONField(_("changes since the previous version"), default=dict)
    content_hash = models.CharField(_("SHA-256"), max_length=64, editable=False)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("register review")
        verbose_name_plural = _("register reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="risks_review_number_uniq"
            )
        ]

    def __str__(self):
        return _("Register version %(n)s") % {"n": self.number}

    def get_absolute_url(self):
        return reverse("risks:review_detail", args=[self.pk])
