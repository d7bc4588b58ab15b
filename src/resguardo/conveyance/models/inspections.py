from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel

from ..choices import InspectionStatus, SupervisorDecision
from ..retention import InspectionQuerySet, PointResultQuerySet, require_inspection_retention_met

USER = settings.AUTH_USER_MODEL


class Inspection(TenantModel):
    """An inspection of a transport unit (the E4 list, or the C-TPAT 7-, 8- or 17-point lists).
    Kept at least a year (E4 7.2): see conveyance.retention."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    checklist = models.ForeignKey(
        "standards.Checklist",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("checklist"),
    )
    checklist_key = models.CharField(_("checklist"), max_length=60)
    shipment = models.ForeignKey(
        "shipments.Shipment",
        on_delete=models.PROTECT,
        related_name="inspections",
        null=True,
        blank=True,
        verbose_name=_("shipment"),
    )
    container = models.ForeignKey(
        "shipments.ShipmentContainer",
        on_delete=models.PROTECT,
        related_name="inspections",
        null=True,
        blank=True,
        verbose_name=_("container"),
    )
    unit_number = models.CharField(
        _("container or trailer number"),
        max_length=20,
        help_text=_("The number of the unit inspected (container, trailer or box)."),
    )
    tractor_plates = models.CharField(_("tractor plates"), max_length=20, blank=True)
    trailer_plates = models.CharField(_("trailer plates"), max_length=20, blank=True)
    place = models.CharField(_("place"), max_length=200)
    inspector = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("inspector")
    )
    inspected_at = models.DateTimeField(_("inspected"))
    signed_name = models.CharField(_("signed by"), max_length=200)
    signed_at = models.DateTimeField(_("signed on"))
    status = models.CharField(_("status"), max_length=10, choices=InspectionStatus)
    point_count = models.PositiveSmallIntegerField(_("points"))
    failed_count = models.PositiveSmallIntegerField(_("failed points"), default=0)
    note = models.TextField(_("note"), blank=True)
    reviewed_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("supervisor"),
    )
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    decision = models.CharField(
        _("supervisor decision"), max_length=10, choices=SupervisorDecision, blank=True
    )
    decision_note = models.TextField(_("supervisor's note"), blank=True)
    supervisor_signed_name = models.CharField(
        _("signed by the supervisor"), max_length=200, blank=True
    )

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-inspected_at", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [
            models.Index(fields=["organization", "-inspected_at"], name="inspection_org_when_idx"),
            models.Index(fields=["organization", "status"], name="inspection_org_status_idx"),
            models.Index(fields=["organization", "unit_number"], name="inspection_org_unit_idx"),
        ]

    def __str__(self):
        return f"{self.unit_number} {self.inspected_at:%Y-%m-%d %H:%M}"

    def delete(self, *args, **kwargs):
        require_inspection_retention_met(self)
        return super().delete(*args, **kwargs)

    @property
    def is_complete(self) -> bool:
        return self.reviewed_at is not None

    @property
    def holds_unit(self) -> bool:
        return self.status in (InspectionStatus.HELD, InspectionStatus.REJECTED)


class InspectionPointResult(TenantModel, StoredFile):
    """One point of an inspection; its photo, when there is one, is the stored file."""

    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("inspection"),
    )
    point = models.ForeignKey(
        "standards.ChecklistPoint",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("point"),
    )
    code = models.CharField(_("point"), max_length=20)
    passed = models.BooleanField(_("passed"))
    note = models.TextField(_("note"), blank=True)

    objects = PointResultQuerySet.as_manager()

    class Meta:
        ordering = ["inspection_id", "point__order"]
        verbose_name = _("inspection point result")
        verbose_name_plural = _("inspection point results")
        constraints = [
            models.UniqueConstraint(fields=["inspection", "point"], name="inspection_point_unique"),
        ]

    def __str__(self):
        return f"{self.inspection} {self.code}: {'✔' if self.passed else '✘'}"

    def delete(self, *args, **kwargs):
        require_inspection_retention_met(self.inspection)
        return super().delete(*args, **kwargs)
