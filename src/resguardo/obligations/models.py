"""The obligations calendar's own rows: the yearly internal cycle, the organization's reminder
policy, each user's e-mail preference and calendar feed, and the scheduler's job rows."""

import calendar
import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel, TimestampedModel

from .choices import CycleKind, EmailPreference, FeedScope

DEFAULT_OFFSETS = [30, 7, 1]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class RecurringObligation(TenantModel):
    """Something the organization does every so many months (the E4 yearly cycle): the next
    date is the last one done plus the frequency."""

    kind = models.CharField(_("kind"), max_length=30, choices=CycleKind)
    title = models.CharField(_("title"), max_length=200)
    standard = models.PositiveSmallIntegerField(
        _("standard"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(11)],
    )
    frequency_months = models.PositiveSmallIntegerField(
        _("every (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    last_done_on = models.DateField(_("last done on"), null=True, blank=True)
    first_due_on = models.DateField(
        _("first due on"),
        help_text=_("When it is due if it has never been done."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Leave empty for the whole organization."),
    )
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("recurring obligation")
        verbose_name_plural = _("recurring obligations")
        indexes = [models.Index(fields=["organization", "active"], name="obl_recurring_org_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency_months__gte=1) & Q(frequency_months__lte=60),
                name="obl_recurring_frequency_range",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("obligations:cycle_detail", args=[self.pk])

    @property
    def next_due_on(self) -> datetime.date:
        if self.last_done_on is None:
            return self.first_due_on
        return add_months(self.last_done_on, self.frequency_months)


class ReminderPolicy(TenantModel):
    """When the organization's people are reminded (one row per organization; absent: the
    defaults)."""

    organization = models.OneToOneField(
        "core.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organization"),
    )
    offsets = models.JSONField(
        _("days before the due date"),
        default=list,
        help_text=_("A reminder is sent this many days before each due date."),
    )
    remind_when_overdue = models.BooleanField(
        _("remind on the day it becomes overdue"), default=True
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("escalate to the compliance officers after (days overdue)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")

    def __str__(self):
        return str(self.organization)


class NotificationPreference(TimestampedModel):
    """How one person wants their notifications e-mailed (any organization)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email = models.CharField(
        _("e-mail"), max_length=10, choices=EmailPreference, default=EmailPreference.IMMEDIATE
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.get_email_display()}"


class CalendarFeed(TenantModel):
    """A private iCal address for one user in one organization. Only a SHA-256 of the token
    is kept: the address is shown once, and revoking it (or making a new one) ends it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    token_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(
        _("obligations"), max_length=10, choices=FeedScope, default=FeedScope.ALL
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(revoked_at__isnull=True),
                name="obl_feed_one_active_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.organization})"


class ScheduledJob(models.Model):
    """One periodic job of the scheduler (core.modules.Schedule). Whoever moves `next_run_at`
    forward with a conditional update enqueues the run, so two schedulers never both do."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    cron = models.CharField(_("schedule"), max_length=100)
    next_run_at = models.DateTimeField(_("next run"))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
