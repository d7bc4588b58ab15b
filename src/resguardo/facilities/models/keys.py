"""Key control (standard 2.5): the key and lock register, who holds which key, audits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from resguardo.core.models.base import TenantModel

from ..choices import KeyStatus


class Key(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    number = models.CharField(_("key tag"), max_length=30)
    opens = models.CharField(_("lock it opens"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=KeyStatus.choices, default=KeyStatus.IN_BOX
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
    # The receipt: the holder's name typed on screen when they took the key.
    signed_name = models.CharField(_("signed by"), max_length=200, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("lock key", "key")
        verbose_name_plural = pgettext_lazy("lock key", "keys")
        ordering = ["site__name", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "site", "number"], name="facilities_key_tag_unique"
            )
        ]

    def __str__(self):
        return f"{self.number} ({self.opens})"


class KeyAudit(TenantModel):
    """A count of the key box against the register."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    performed_at = models.DateTimeField(_("performed"))
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    expected = models.PositiveIntegerField(_("keys expected in the box"))
    missing = models.JSONField(_("missing keys"), default=list, blank=True)
    unexpected = models.JSONField(_("keys found that should be out"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("key audit")
        verbose_name_plural = _("key audits")
        ordering = ["-performed_at", "-pk"]

    @property
    def reconciled(self) -> bool:
        return not self.missing and not self.unexpected
