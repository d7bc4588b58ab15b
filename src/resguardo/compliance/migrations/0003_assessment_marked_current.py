from django.db import migrations, models


def mark_first_assessments_current(apps, schema_editor):
    """Where a framework has no frozen assessment yet, its first one stays the current one
    (what readiness showed before a later draft could take over)."""
    Assessment = apps.get_model("compliance", "Assessment")
    seen = set()
    for assessment in Assessment.objects.order_by("created_at", "pk").select_related("library"):
        key = (assessment.organization_id, assessment.library.framework_id, assessment.site_id)
        if key in seen:
            continue
        seen.add(key)
        frozen = Assessment.objects.filter(
            organization_id=assessment.organization_id,
            library__framework_id=assessment.library.framework_id,
            site_id=assessment.site_id,
            frozen_at__isnull=False,
        )
        if not frozen.exists():
            assessment.marked_current_at = assessment.created_at
            assessment.save(update_fields=["marked_current_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0002_stored_file_mixin"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="marked_current_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="marked current"),
        ),
        migrations.RunPython(mark_first_assessments_current, migrations.RunPython.noop),
    ]
