"""Evidence of an investigation with its chain of custody (who added it, who viewed it)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel

from .incidents import Incident


class Evidence(TenantModel, StoredFile):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="evidence")
    description = models.CharField(_("description"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    # True for photos sent with an anonymous report: nobody is named as the one who added it.
    from_anonymous_report = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("incident evidence")
        verbose_name_plural = _("incident evidence")

    def __str__(self):
        return self.original_name or self.description


class EvidenceView(TenantModel):
    """One opening of a piece of evidence: the viewing half of the chain of custody."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["viewed_at", "pk"]

    def __str__(self):
        return f"{self.viewer} {self.viewed_at:%Y-%m-%d %H:%M}"
