"""The anonymous channel: a public link per site, and a counter of reports per address."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel


class ReportingLink(TenantModel):
    """A public, unguessable address for anonymous reports at one site (printed as a QR
    poster). The token is kept as is so the poster can be printed again; revoking the link
    makes every copy of the poster lead nowhere."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("anonymous reporting link")
        verbose_name_plural = _("anonymous reporting links")

    def __str__(self):
        return str(self.site)

    def public_path(self) -> str:
        return reverse("incidents_public:report", args=[self.token])
