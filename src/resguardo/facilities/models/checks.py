"""Scheduled checks and guard rounds (standards 2.1-2.7): what is checked how often, each run,
the checkpoints of a round and every scan."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import CheckKind, RunStatus


def new_checkpoint_code() -> str:
    return secrets.token_urlsafe(12)


class CheckType(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CheckKind.choices)
    name = models.CharField(_("name"), max_length=120)
    frequency_days = models.PositiveIntegerField(_("every (days)"), default=1)
    is_active = models.BooleanField(_("active"), default=True)
    last_done_at = models.DateTimeField(_("last done"), null=True, blank=True, editable=False)
    next_due_on = models.DateField(_("next due"))

    class Meta:
        verbose_name = _("scheduled check")
        verbose_name_plural = _("scheduled checks")
        ordering = ["site__name", "name"]
        indexes = [models.Index(fields=["organization", "next_due_on"], name="fac_check_org_due")]

    def __str__(self):
        return self.name


class Checkpoint(TenantModel):
    """A place on a guard round, with a printed QR code the guard's phone scans."""

    check_type = models.ForeignKey(
        CheckType, on_delete=models.CASCADE, related_name="checkpoints", verbose_name=_("round")
    )
    name = models.CharField(_("checkpoint"), max_length=120)
    code = models.CharField(max_length=40, unique=True, default=new_checkpoint_code, editable=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name


class CheckRun(TenantModel):
    check_type = models.ForeignKey(
        CheckType, on_delete=models.PROTECT, related_name="runs", verbose_name=_("check")
    )
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.OPEN
    )
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    finding = models.TextField(_("what was found"), blank=True)
    is_security_event = models.BooleanField(_("this is a security event"), default=False)
    # CCTV recording review: which cameras, which time range
    cameras = models.ManyToManyField(
        "facilities.Camera", related_name="+", blank=True, verbose_name=_("cameras reviewed")
    )
    review_from = models.DateTimeField(_("footage from"), null=True, blank=True)
    review_to = models.DateTimeField(_("footage to"), null=True, blank=True)
    action_reference = models.CharField(max_length=60, blank=True, editable=False)

    class Meta:
        verbose_name = _("check run")
        verbose_name_plural = _("check runs")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "-started_at"], name="fac_run_org_time"),
        ]

    def __str__(self):
        return f"{self.check_type} {self.started_at:%Y-%m-%d %H:%M}"


class RoundScan(TenantModel):
    run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="scans")
    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT, related_name="+")
    scanned_at = models.DateTimeField(_("scanned"))
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("checkpoint scan")
        verbose_name_plural = _("checkpoint scans")
        ordering = ["scanned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "checkpoint"], name="facilities_roundscan_once_per_run"
            )
        ]
