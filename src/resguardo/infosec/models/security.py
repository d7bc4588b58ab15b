"""Cyber events: each one opens an incident through a domain event (once per record)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import CyberEventKind, CyberEventStatus
from .systems import System


class CyberEvent(TenantModel):
    kind = models.CharField(_("kind"), max_length=24, choices=CyberEventKind.choices)
    occurred_at = models.DateTimeField(_("when it happened"))
    summary = models.CharField(_("summary"), max_length=200)
    description = models.TextField(_("what happened"), blank=True)
    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cyber_events",
        verbose_name=_("system"),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=CyberEventStatus.choices, default=CyberEventStatus.OPEN
    )
    actions_taken = models.TextField(_("actions taken"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("reported by"),
    )

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("cyber event")
        verbose_name_plural = _("cyber events")

    def __str__(self):
        return self.summary
