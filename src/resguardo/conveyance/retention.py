"""Inspection records are kept at least a year (E4 7.2). Resguardo has no purge of
inspections; this guard makes any deletion path (a future purge, the admin, a queryset
delete, a cascade) refuse an inspection, or one of its points, younger than that.

`delete()` of a record or a queryset checks before anything is written; the pre_delete
signal is the backstop for deletions that reach them some other way (a cascade)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.dates import local_date_text

INSPECTION_RETENTION = datetime.timedelta(days=366)  # at least one year, leap years included


def inspection_keep_until(inspection) -> datetime.datetime:
    return inspection.inspected_at + INSPECTION_RETENTION


def require_inspection_retention_met(inspection, *, now=None) -> None:
    """Refuse to delete an inspection recorded less than a year ago."""
    now = now or timezone.now()
    keep_until = inspection_keep_until(inspection)
    if now < keep_until:
        raise ValidationError(
            _(
                "The inspection of unit %(unit)s of %(when)s must be kept at least one year: "
                "it cannot be deleted before %(until)s."
            )
            % {
                "unit": inspection.unit_number,
                "when": local_date_text(inspection.inspected_at),
                "until": local_date_text(keep_until),
            },
            code="retention",
        )


class InspectionQuerySet(models.QuerySet):
    def delete(self):
        cutoff = timezone.now() - INSPECTION_RETENTION
        young = self.filter(inspected_at__gt=cutoff).order_by("inspected_at").first()
        if young is not None:
            require_inspection_retention_met(young)
        return super().delete()


class PointResultQuerySet(models.QuerySet):
    def delete(self):
        cutoff = timezone.now() - INSPECTION_RETENTION
        young = (
            self.filter(inspection__inspected_at__gt=cutoff).select_related("inspection").first()
        )
        if young is not None:
            require_inspection_retention_met(young.inspection)
        return super().delete()


def _refuse_young_inspection(sender, instance, **kwargs):
    require_inspection_retention_met(instance)


def _refuse_young_point(sender, instance, **kwargs):
    require_inspection_retention_met(instance.inspection)


def connect() -> None:
    from .models import Inspection, InspectionPointResult

    pre_delete.connect(_refuse_young_inspection, sender=Inspection, dispatch_uid="inspection_keep")
    pre_delete.connect(_refuse_young_point, sender=InspectionPointResult, dispatch_uid="point_keep")
