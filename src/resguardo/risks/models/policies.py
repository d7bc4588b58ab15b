"""Security policies (standard 1.2): versions, approval, review date, acknowledgements."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel


class Policy(TenantModel):
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("threats it addresses"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    review_months = models.PositiveSmallIntegerField(_("review every (months)"), default=12)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    current_version = models.ForeignKey(
        "risks.PolicyVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version in force"),
    )
    document = models.ForeignKey(
        "compliance.Evidence",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed document (evidence)"),
    )
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("security policy")
        verbose_name_plural = _("security policies")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("risks:policy_detail", args=[self.pk])


class PolicyVersion(TenantModel):
    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    body = models.TextField(_("text"))
    change_summary = models.TextField(_("what changed"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"))

    class Meta:
        ordering = ["policy_id", "-number"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="risks_policy_version_uniq")
        ]

    def __str__(self):
        return f"{self.policy.title} v{self.number}"


class PolicyAcknowledgement(TenantModel):
    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(_("acknowledged at"))

    class Meta:
        ordering = ["acknowledged_at"]
        verbose_name = _("policy acknowledgement")
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="risks_ack_once")]

    def __str__(self):
        return str(self.version)
