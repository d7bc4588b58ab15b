"""Notices an incident calls for (the OEA aviso, the carrier, the police...), on a clock."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import NoticeRecipient, NoticeStatus
from .incidents import Incident


class Notice(TenantModel):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notices")
    recipient = models.CharField(_("to whom"), max_length=12, choices=NoticeRecipient)
    recipient_detail = models.CharField(_("recipient"), max_length=200, blank=True)
    due_at = models.DateTimeField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=NoticeStatus, default=NoticeStatus.PENDING
    )
    filed_at = models.DateTimeField(_("filed"), null=True, blank=True)
    folio = models.CharField(_("folio"), max_length=80, blank=True)
    acuse = models.CharField(
        _("acknowledgment (acuse)"),
        max_length=200,
        blank=True,
        help_text=_("The acuse de recibo number or where the receipt is kept."),
    )
    note = models.TextField(_("note"), blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("incident notice")
        verbose_name_plural = _("incident notices")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="filed") | models.Q(filed_at__isnull=False),
                name="incidents_notice_filed_has_date",
            )
        ]
        indexes = [
            models.Index(
                fields=["organization", "status", "due_at"], name="incidents_notice_due_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_recipient_display()} ({self.incident.reference})"

    @property
    def is_overdue(self) -> bool:
        return self.status == NoticeStatus.PENDING and self.due_at < timezone.now()

    @property
    def filed_on_time(self) -> bool | None:
        if self.status != NoticeStatus.FILED:
            return None
        return self.filed_at <= self.due_at
