"""Inspection records are kept at least a year (E4 7.2). Resguardo has no purge of
inspections; this guard makes any deletion path (a future purge, the admin, a queryset
delete, a cascade) refuse an inspection, or one of its points, younger than that."""

import datetime

from django.core.exceptions import ValidationError
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


def _refuse_young_inspection(sender, instance, **kwargs):
    require_inspection_retention_met(instance)


def _refuse_young_point(sender, instance, **kwargs):
    require_inspection_retention_met(instance.inspection)


def connect() -> None:
    from .models import Inspection, InspectionPointResult

    pre_delete.connect(_refuse_young_inspection, sender=Inspection, dispatch_uid="inspection_keep")
    pre_delete.connect(_refuse_young_point, sender=InspectionPointResult, dispatch_uid="point_keep")
