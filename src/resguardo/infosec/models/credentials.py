"""e.firma and sellos digitales: who holds them, where they are kept, when they expire, and
every use or hand-over."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import CredentialEventKind, CredentialKind, CredentialStatus


class DigitalCredential(TenantModel):
    kind = models.CharField(_("kind"), max_length=10, choices=CredentialKind.choices)
    holder = models.CharField(
        _("whose credential"),
        max_length=200,
        help_text=_("The customs agent or the company the certificate was issued to."),
    )
    holder_rfc = models.CharField(_("RFC"), max_length=13, blank=True)
    serial_number = models.CharField(_("certificate number"), max_length=40)
    custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("custodian"),
    )
    location = models.CharField(
        _("where it is kept"),
        max_length=200,
        help_text=_("For example: the safe in the manager's office, an encrypted USB token."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    expires_on = models.DateField(_("expires"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CredentialStatus.choices,
        default=CredentialStatus.ACTIVE,
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["expires_on", "pk"]
        verbose_name = _("digital credential")
        verbose_name_plural = _("digital credentials")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "serial_number"],
                name="infosec_credential_serial_uniq",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.holder} ({self.serial_number})"


class CredentialEvent(TenantModel):
    """One use, hand-over, custody check, renewal or revocation, in the order they happened."""

    credential = models.ForeignKey(
        DigitalCredential,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("credential"),
    )
    kind = models.CharField(_("what happened"), max_length=12, choices=CredentialEventKind.choices)
    occurred_at = models.DateTimeField(_("when"))
    purpose = models.CharField(_("purpose or detail"), max_length=240)
    from_custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
    )
    to_custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("credential log entry")
        verbose_name_plural = _("credential log entries")

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_at:%Y-%m-%d %H:%M}"
