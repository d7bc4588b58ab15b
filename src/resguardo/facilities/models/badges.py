"""Badges (standard 3.2): who holds which badge, until when, and which are lost."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import BadgeKind, BadgeStatus


class Badge(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    number = models.CharField(_("badge number"), max_length=30)
    kind = models.CharField(_("kind"), max_length=20, choices=BadgeKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=BadgeStatus.choices, default=BadgeStatus.AVAILABLE
    )
    # The holder while issued: a visit (visitor and provider badges at the gate) or a person
    # (employee badges), named by account or by employee number.
    visit = models.ForeignKey(
        "facilities.Visit",
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("visit"),
    )
    holder_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("holder (user)"),
    )
    holder_name = models.CharField(_("holder"), max_length=200, blank=True)
    employee_number = models.CharField(_("employee number"), max_length=40, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="facilities_badge_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status"], name="fac_badge_org_status"),
            models.Index(fields=["organization", "holder_user"], name="fac_badge_org_holder"),
        ]

    def __str__(self):
        return self.number

    @property
    def is_out(self) -> bool:
        return self.status == BadgeStatus.ISSUED
