"""Selection (4.1) and security requirements (4.2): decisions with their checklist, and
signed security agreements."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import SelectionOutcome
from .registry import Partner, PartnerDocument


class SelectionDecision(TenantModel):
    """A recorded decision to accept (or not) a partner, with the criteria checklist as it
    was answered. Decisions are never edited: a new decision supersedes the previous one."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="selection_decisions",
        verbose_name=_("partner"),
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=SelectionOutcome)
    answers = models.JSONField(_("criteria"), default=dict, blank=True)  # {code: {result, note}}
    conditions = models.TextField(_("conditions"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), default=timezone.localdate)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("selection decision")
        verbose_name_plural = _("selection decisions")

    def __str__(self):
        return f"{self.partner} · {self.get_outcome_display()} · {self.decided_on}"


class SecurityAgreement(TenantModel):
    """The security requirements a partner accepted, with the signed document."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    title = models.CharField(_("title"), max_length=200)
    requirement_codes = models.JSONField(
        _("requirements from the catalog"), default=list, blank=True
    )
    other_requirements = models.TextField(_("other requirements"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document = models.ForeignKey(
        PartnerDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed document"),
    )

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("security agreement")
        verbose_name_plural = _("security agreements")

    def __str__(self):
        return self.title

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None and self.document_id is not None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()
