"""Security questionnaires a partner answers through a private, expiring link."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import QuestionnaireLanguage, QuestionnaireStatus
from .registry import Partner

OPEN_STATUSES = (
    QuestionnaireStatus.SENT,
    QuestionnaireStatus.IN_PROGRESS,
    QuestionnaireStatus.CORRECTIONS,
)


class Questionnaire(TenantModel):
    """The questions are copied in when it is sent, so later catalog changes never alter
    what the partner answered. Only a hash of the link's token is stored."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="questionnaires",
        verbose_name=_("partner"),
    )
    recipient_name = models.CharField(_("recipient"), max_length=200, blank=True)
    recipient_email = models.EmailField(_("recipient e-mail"))
    language = models.CharField(
        _("language"), max_length=2, choices=QuestionnaireLanguage, default="es"
    )
    questions = models.JSONField(default=list)
    answers = models.JSONField(default=dict, blank=True)  # {code: {"value", "comment"}}
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionnaireStatus, default=QuestionnaireStatus.SENT
    )
    token_hash = models.CharField(max_length=64, unique=True)
    public_base_url = models.CharField(max_length=300)  # where links point (for reminders)
    valid_until = models.DateTimeField(_("link valid until"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    last_reminder_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    critical_gaps = models.JSONField(default=list, blank=True)  # codes answered "no"
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["organization", "status"], name="questionnaire_org_status")]
        verbose_name = _("security questionnaire")
        verbose_name_plural = _("security questionnaires")

    def __str__(self):
        return f"{self.partner} · {self.sent_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def link_expired(self) -> bool:
        return self.valid_until <= timezone.now()

    @property
    def accepts_answers(self) -> bool:
        return self.is_open and not self.link_expired
