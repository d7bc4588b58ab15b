"""Incidents and their investigation file (standard 11)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel
from resguardo.core.security_events import SecurityEventKind

from ..choices import (
    IncidentSource,
    IncidentStatus,
    PersonRole,
    Severity,
    TimelineKind,
)


class Category(TenantModel):
    """A kind of incident, seeded per organization from the security event kinds; the
    organization renames them, changes their default severity or adds its own."""

    key = models.SlugField(_("key"), max_length=40)
    # Blank: the kind's own translated name (seeded categories follow the reader's language).
    name = models.CharField(_("name"), max_length=120, blank=True)
    default_severity = models.CharField(
        _("default severity"), max_length=10, choices=Severity, default=Severity.MEDIUM
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("incident category")
        verbose_name_plural = _("incident categories")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key"], name="incidents_category_key_uniq"
            )
        ]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        if self.name:
            return self.name
        if self.key in SecurityEventKind.values:
            return SecurityEventKind(self.key).label
        return self.key


class Incident(TenantModel):
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("category")
    )
    severity = models.CharField(_("severity"), max_length=10, choices=Severity)
    status = models.CharField(
        _("status"), max_length=16, choices=IncidentStatus, default=IncidentStatus.OPEN
    )
    title = models.CharField(_("what happened, in a line"), max_length=200)
    description = models.TextField(_("what happened"))
    location = models.CharField(_("where"), max_length=200, blank=True)
    occurred_at = models.DateTimeField(_("when it happened"), null=True, blank=True)
    reported_at = models.DateTimeField(_("reported"), default=timezone.now)
    people_text = models.TextField(_("people involved"), blank=True)
    references = models.TextField(
        _("shipment, seal or container references"),
        blank=True,
        help_text=_("Pedimentos, seal numbers, container numbers or links, one a line."),
    )
    source = models.CharField(_("source"), max_length=12, choices=IncidentSource)
    # "<app>.<record>:<pk>" of the record that opened it: one incident per record.
    source_key = models.CharField(_("source record"), max_length=200, blank=True)
    source_url = models.CharField(_("source link"), max_length=500, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    # Anonymous reports: only the SHA-256 of the receipt code the reporter keeps.
    receipt_hash = models.CharField(max_length=64, blank=True, editable=False)
    confidential = models.BooleanField(
        _("confidential"),
        default=True,
        help_text=_("Only administrators, compliance officers and the people added to the case."),
    )
    checklist = models.JSONField(_("investigation checklist"), default=dict, blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    no_action_reason = models.TextField(_("why no corrective action"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    reopen_count = models.PositiveIntegerField(_("times reopened"), default=0)

    class Meta:
        ordering = ["-reported_at", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "source_key"],
                condition=~models.Q(source_key=""),
                name="incidents_incident_source_uniq",
            ),
            models.UniqueConstraint(
                fields=["organization", "receipt_hash"],
                condition=~models.Q(receipt_hash=""),
                name="incidents_incident_receipt_uniq",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | models.Q(closed_at__isnull=False),
                name="incidents_incident_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "-reported_at", "-id"], name="incidents_org_reported_idx"
            ),
            models.Index(
                fields=["organization", "status", "-reported_at"], name="incidents_org_status_idx"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"INC-{self.pk:05d}" if self.pk else "INC"

    @property
    def is_closed(self) -> bool:
        return self.status == IncidentStatus.CLOSED

    def get_absolute_url(self):
        return reverse("incidents:incident_detail", args=[self.pk])


class IncidentAccess(TenantModel):
    """A member added to a confidential case: they may read it and work on it."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="access")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "user"], name="incidents_access_uniq")
        ]

    def __str__(self):
        return f"{self.user} → {self.incident.reference}"


class IncidentPerson(TenantModel):
    """Someone involved: a driver, a witness, an employee (not necessarily a user)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=160)
    role = models.CharField(_("role in the case"), max_length=12, choices=PersonRole)
    company = models.CharField(_("company"), max_length=160, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class TimelineEntry(TenantModel):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=10, choices=TimelineKind)
    text = models.TextField(_("what"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text[:60]


class IncidentAction(TenantModel):
    """A corrective or preventive action of the compliance module raised for this incident."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="actions")
    action = models.OneToOneField(
        "compliance.ActionItem", on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        return str(self.action)
