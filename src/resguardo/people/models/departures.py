"""Departures (8.2): the date and reason, and the checklist on a clock."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import DepartureReason, ItemOutcome
from .register import Person


class Departure(TenantModel):
    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="departure")
    left_at = models.DateTimeField(_("left at"))
    reason = models.CharField(_("reason"), max_length=20, choices=DepartureReason)
    note = models.TextField(_("note"), blank=True)
    deadline = models.DateTimeField(_("everything back by"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-left_at", "-pk"]
        indexes = [models.Index(fields=["organization", "left_at"], name="people_departures")]
        verbose_name = _("departure")

    def __str__(self):
        return str(_("Departure of %(person)s") % {"person": self.person.full_name})

    @property
    def on_time(self) -> bool | None:
        if self.completed_at is None:
            return None
        return self.completed_at <= self.deadline


class DepartureItem(TenantModel):
    """One thing to take back or revoke. `key` names it in its module ("facilities.badge:12")."""

    departure = models.ForeignKey(Departure, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=120)
    module = models.CharField(max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=80)
    label = models.CharField(_("item"), max_length=200)
    url = models.CharField(max_length=300, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ItemOutcome, default=ItemOutcome.PENDING
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["departure", "key"], name="people_departure_item_unique"
            )
        ]
        verbose_name = _("departure item")

    def __str__(self):
        return f"{self.kind}: {self.label}"
