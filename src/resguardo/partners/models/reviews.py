"""Periodic partner reviews (4.3) and the findings that become action items."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import FindingSeverity, FindingStatus, ReviewKind, ReviewOutcome
from .registry import Partner, PartnerDocument


class PartnerReview(TenantModel):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("partner")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ReviewKind, default=ReviewKind.PERIODIC
    )
    performed_on = models.DateField(_("performed on"), default=timezone.localdate)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=ReviewOutcome)
    summary = models.TextField(_("summary"))
    certification_checked = models.BooleanField(
        _("certification status checked with the authority"), default=False
    )
    next_due = models.DateField(_("next review due"))
    report = models.ForeignKey(
        PartnerDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report"),
    )

    class Meta:
        ordering = ["-performed_on", "-pk"]
        verbose_name = _("partner review")
        verbose_name_plural = _("partner reviews")

    def __str__(self):
        return f"{self.partner} · {self.get_kind_display()} · {self.performed_on}"


class ReviewFinding(TenantModel):
    review = models.ForeignKey(
        PartnerReview, on_delete=models.CASCADE, related_name="findings", verbose_name=_("review")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="findings", verbose_name=_("partner")
    )
    description = models.TextField(_("finding"))
    severity = models.CharField(
        _("severity"), max_length=10, choices=FindingSeverity, default=FindingSeverity.MEDIUM
    )
    action = models.TextField(_("action required"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=FindingStatus, default=FindingStatus.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("how it was resolved"), blank=True)

    class Meta:
        ordering = ["status", "due_on"]
        indexes = [models.Index(fields=["organization", "status"], name="finding_org_status")]
        verbose_name = _("review finding")
        verbose_name_plural = _("review findings")

    def __str__(self):
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        return self.status == FindingStatus.OPEN and self.due_on < timezone.localdate()
