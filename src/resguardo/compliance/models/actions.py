from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from resguardo.core.models import TenantModel

from ..choices import ActionKind, ActionSource, ActionStatus, AuditStatus, Severity


class InternalAudit(TenantModel):
    """An internal security audit (NEEC standard 1.3): plan, scope, findings."""

    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=AuditStatus, default=AuditStatus.PLANNED
    )
    planned_date = models.DateField(_("planned date"))
    performed_on = models.DateField(_("performed on"), null=True, blank=True)
    lead_auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead auditor"),
    )
    team = models.CharField(_("audit team"), max_length=300, blank=True)
    objective = models.TextField(_("objective and method"), blank=True)
    scope_nodes = models.ManyToManyField(
        "standards.RequirementNode",
        blank=True,
        related_name="+",
        verbose_name=_("standards in scope"),
    )
    sites = models.ManyToManyField(
        "core.Site", blank=True, related_name="+", verbose_name=_("sites in scope")
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-planned_date", "-pk"]
        verbose_name = _("internal audit")
        verbose_name_plural = _("internal audits")

    def get_absolute_url(self):
        return reverse("compliance:audit_detail", args=[self.pk])

    def __str__(self):
        return self.title


class AuditFinding(TenantModel):
    audit = models.ForeignKey(
        InternalAudit, on_delete=models.CASCADE, related_name="findings", verbose_name=_("audit")
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity)
    node = models.ForeignKey(
        "standards.RequirementNode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requirement"),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )

    class Meta:
        ordering = ["audit_id", "number"]
        verbose_name = _("audit finding")
        verbose_name_plural = _("audit findings")
        constraints = [
            models.UniqueConstraint(fields=["audit", "number"], name="cmp_finding_number_uniq")
        ]

    def get_absolute_url(self):
        return reverse("compliance:audit_detail", args=[self.audit_id])

    def __str__(self):
        return f"H-{self.number:02d} {self.title}"

    @property
    def reference(self) -> str:
        return f"H-{self.number:02d}"


class ActionItem(TenantModel):
    """A corrective or preventive action, raised from a gap, a finding, an incident, a risk."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ActionKind, default=ActionKind.CORRECTIVE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.OPEN
    )
    source = models.CharField(
        pgettext_lazy("action item", "source"),
        max_length=20,
        choices=ActionSource,
        default=ActionSource.MANUAL,
    )
    source_reference = models.CharField(
        _("source reference"),
        max_length=120,
        blank=True,
        help_text=_("Where it came from in another module, e.g. incident 42."),
    )
    result = models.ForeignKey(
        "compliance.RequirementResult",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("requirement result"),
    )
    finding = models.ForeignKey(
        AuditFinding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("audit finding"),
    )
    node = models.ForeignKey(
        "standards.RequirementNode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requirement"),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    implemented_at = models.DateTimeField(_("implemented"), null=True, blank=True)
    verified_at = models.DateTimeField(
        pgettext_lazy("action item", "verified"), null=True, blank=True
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verification_note = models.TextField(_("verification"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [
            models.Index(fields=["organization", "status", "due_date"], name="cmp_action_due"),
        ]

    def get_absolute_url(self):
        return reverse("compliance:action_detail", args=[self.pk])

    def __str__(self):
        return self.title
