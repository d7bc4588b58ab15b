"""Contingency and emergency plans (standard 1.4), their contacts and drills."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import Scenario


class ContingencyPlan(TenantModel):
    title = models.CharField(_("title"), max_length=200)
    scenario = models.CharField(_("scenario"), max_length=30, choices=Scenario)
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Empty: the plan covers the whole organization."),
    )
    procedure = models.TextField(_("what to do"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    drill_every_months = models.PositiveSmallIntegerField(_("drill every (months)"), default=12)
    next_drill_on = models.DateField(_("next drill due"))
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("contingency plan")
        verbose_name_plural = _("contingency plans")
        indexes = [
            models.Index(fields=["organization", "next_drill_on"], name="risks_plan_drill_due")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("risks:plan_detail", args=[self.pk])


class PlanContact(TenantModel):
    """Who does what when the plan is run, and how to reach them."""

    plan = models.ForeignKey(ContingencyPlan, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(_("order"))
    role = models.CharField(_("role"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["plan_id", "order"]
        verbose_name = _("plan contact")
        verbose_name_plural = _("plan contacts")


class Drill(TenantModel):
    """A simulacro of one plan: when, who, how long, what went wrong."""

    plan = models.ForeignKey(ContingencyPlan, on_delete=models.PROTECT, related_name="drills")
    held_on = models.DateField(_("held on"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("participants")
    )
    other_participants = models.TextField(
        _("other participants"), blank=True, help_text=_("People without a Resguardo account.")
    )
    went_wrong = models.TextField(_("what went wrong"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("drill")
        verbose_name_plural = _("drills")

    def __str__(self):
        return _("Drill of %(date)s") % {"date": self.held_on.isoformat()}

    def get_absolute_url(self):
        return reverse("risks:plan_detail", args=[self.plan_id])
