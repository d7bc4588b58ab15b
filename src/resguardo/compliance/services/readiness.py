"""The per-save readiness history that feeds the trend chart."""

from django.db.models import Count, Sum
from django.utils import timezone

from ..models import ReadinessSnapshot, RequirementResult
from ..scoring import readiness_from_rows


def readiness_of(assessment_ids):
    """{assessment id: Readiness} from one GROUP BY query."""
    rows = (
        RequirementResult.objects.filter(assessment_id__in=list(assessment_ids))
        .values_list("assessment_id", "section_id", "result")
        .annotate(weight=Sum("weight"), count=Count("id"))
        .order_by()
    )
    grouped: dict = {}
    for assessment_id, section_id, result, weight, count in rows:
        grouped.setdefault(assessment_id, []).append((section_id, result, weight, count))
    return {key: readiness_from_rows(value) for key, value in grouped.items()}


def readiness_record(assessment) -> ReadinessSnapshot:
    """Store today's scores of the assessment (the last save of the day wins)."""
    readiness = readiness_of([assessment.pk]).get(assessment.pk)
    if readiness is None:
        values = {"readiness": None, "progress": None, "sections": {}}
    else:
        values = {
            "readiness": readiness.overall.readiness,
            "progress": readiness.overall.progress,
            "sections": {str(k): t.readiness for k, t in readiness.sections.items()},
        }
    snapshot, _created = ReadinessSnapshot.objects.update_or_create(
        assessment=assessment,
        day=timezone.localdate(),
        defaults={"organization_id": assessment.organization_id, **values},
    )
    return snapshot


def readiness_history_seed(assessment, points) -> None:
    """Back-date readiness points (day, percent) for an assessment: demo data only."""
    ReadinessSnapshot.objects.bulk_create(
        [
            ReadinessSnapshot(
                organization_id=assessment.organization_id,
                assessment=assessment,
                day=day,
                readiness=value,
                progress=value,
            )
            for day, value in points
        ],
        ignore_conflicts=True,
    )
