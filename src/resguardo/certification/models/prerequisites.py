"""The prerequisites the authority checks, and the screening of the organization's own RFCs."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import ListingTrigger, PrerequisiteKind


class Prerequisite(TenantModel):
    """What the organization last recorded about one prerequisite (one row per kind)."""

    kind = models.CharField(_("prerequisite"), max_length=20, choices=PrerequisiteKind)
    is_positive = models.BooleanField(
        _("in order"),
        null=True,
        blank=True,
        help_text=_("Active, positive or enabled, as the prerequisite asks."),
    )
    issued_on = models.DateField(_("date"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind"], name="cert_prerequisite_one_per_kind"
            )
        ]

    def __str__(self):
        return self.get_kind_display()


class ListingCheck(TenantModel):
    """One screening of the organization's RFC and its representatives' RFCs against the SAT
    lists (CFF 69 and 69-B). `hits` holds every adverse entry found, as shown to people."""

    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    trigger = models.CharField(_("reason"), max_length=20, choices=ListingTrigger)
    rfcs = models.JSONField(_("RFCs checked"), default=list, blank=True)
    versions = models.JSONField(_("list versions"), default=dict, blank=True)
    hits = models.JSONField(_("hits"), default=list, blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("listing check")
        verbose_name_plural = _("listing checks")
        indexes = [models.Index(fields=["organization", "-checked_at"], name="cert_listing_org")]

    def __str__(self):
        return f"{self.checked_at:%Y-%m-%d %H:%M} ({len(self.hits)})"
