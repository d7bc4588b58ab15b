"""The outbox of domain events and the delivery of each event to each handler.

An `OutboxEvent` row is written in the publishing transaction, so it exists exactly when the
change that caused it was committed. One `EventDelivery` row per (event, handler) records the
state of that handler's work; the pair is unique, so a handler runs for an event until it
succeeds once and never again after that.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import DeliveryStatus


class OutboxEvent(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,  # an organization with undelivered work is not removed
        related_name="+",
        verbose_name=_("organization"),
    )
    event_type = models.CharField(_("event type"), max_length=100)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("outbox event")
        verbose_name_plural = _("outbox events")
        indexes = [
            models.Index(fields=["organization", "created_at"], name="core_outbox_org_created"),
        ]

    def __str__(self):
        return f"{self.event_type} {self.id}"


class EventDelivery(models.Model):
    event = models.ForeignKey(
        OutboxEvent,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("event"),
    )
    handler = models.CharField(_("handler"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # While pending: when the next attempt is due. A running attempt pushes it forward by the
    # claim lease, so a second runner skips it and a crashed one is retried after the lease.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Set while an attempt runs (and until its lease ends if the runner died).
    running_since = models.DateTimeField(_("running since"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event delivery")
        verbose_name_plural = _("event deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "handler"], name="core_eventdelivery_one_per_handler"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=DeliveryStatus.values),
                name="core_eventdelivery_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_delivery_due"),
        ]

    def __str__(self):
        return f"{self.handler} ← {self.event_id} ({self.status})"
