"""Screening results for one organization's partners: hits, decisions and runs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import HitStatus, MatchKind, ScreeningTrigger, Verdict, WatchlistSource
from .registry import Partner
from .watchlists import ListEntry, ListVersion


class ScreeningDecision(TenantModel):
    """A reviewer's verdict on one list entry for one partner. Keyed by the entry's stable
    key, so a re-screen against a newer version of the list finds the same decision."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="screening_decisions",
        verbose_name=_("partner"),
    )
    source = models.CharField(_("list"), max_length=30, choices=WatchlistSource)
    entry_key = models.CharField(_("entry"), max_length=200)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict)
    reason = models.TextField(_("reason"))
    match_kind = models.CharField(_("match"), max_length=10, choices=MatchKind)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("screening decision")
        verbose_name_plural = _("screening decisions")

    def __str__(self):
        return f"{self.partner} · {self.entry_key} · {self.get_verdict_display()}"


class ScreeningHit(TenantModel):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="hits", verbose_name=_("partner")
    )
    source = models.CharField(_("list"), max_length=30, choices=WatchlistSource)
    entry_key = models.CharField(_("entry"), max_length=200)
    entry = models.ForeignKey(
        ListEntry, on_delete=models.PROTECT, related_name="+", verbose_name=_("list entry")
    )
    list_version = models.ForeignKey(
        ListVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("list version")
    )
    match_kind = models.CharField(_("match"), max_length=10, choices=MatchKind)
    score = models.PositiveSmallIntegerField(_("score"))
    matched_name = models.CharField(_("name on the list"), max_length=500)
    partner_name = models.CharField(_("partner name compared"), max_length=250)
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now)
    is_current = models.BooleanField(_("still on the current list"), default=True)
    informative = models.BooleanField(
        _("informative only"),
        default=False,
        help_text=_(
            "The SAT cleared the taxpayer (69-B Desvirtuado or Sentencia favorable): shown "
            "for information, it neither blocks the partner nor raises its risk."
        ),
    )
    explanation = models.JSONField(
        _("why the names match"),
        default=dict,
        blank=True,
        help_text=_("Words the same, words one typo apart, words only one of the names has."),
    )
    decision = models.ForeignKey(
        ScreeningDecision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )

    class Meta:
        ordering = ["-last_seen_at", "-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "source", "entry_key"], name="screening_hit_unique_entry"
            )
        ]
        indexes = [models.Index(fields=["organization", "is_current"], name="hit_org_current")]
        verbose_name = _("screening hit")
        verbose_name_plural = _("screening hits")

    def __str__(self):
        return f"{self.partner} ↔ {self.matched_name} ({self.score})"

    @property
    def status(self) -> str:
        if self.decision_id is None:
            return HitStatus.INFORMATIVE if self.informative else HitStatus.OPEN
        return self.decision.verdict

    @property
    def blocks(self) -> bool:
        """A confirmed match on an adverse entry: the partner stays blocked."""
        return not self.informative and self.status == HitStatus.TRUE_MATCH

    def get_status_display(self) -> str:
        return str(HitStatus(self.status).label)


class ScreeningRun(TenantModel):
    """One screening of some or all partners, kept as evidence (4.1: list checks)."""

    trigger = models.CharField(_("trigger"), max_length=20, choices=ScreeningTrigger)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    partner_count = models.PositiveIntegerField(_("partners screened"), default=0)
    hit_count = models.PositiveIntegerField(_("hits"), default=0)
    new_hit_count = models.PositiveIntegerField(_("new hits"), default=0)
    versions = models.ManyToManyField(ListVersion, related_name="+", verbose_name=_("lists"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("screening run")
        verbose_name_plural = _("screening runs")

    def __str__(self):
        return f"{self.get_trigger_display()} · {self.started_at:%Y-%m-%d %H:%M}"
