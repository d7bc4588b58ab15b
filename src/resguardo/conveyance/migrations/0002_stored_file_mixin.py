"""Seal-event and inspection-point photos become StoredFile rows: the photo columns are renamed
(their data is kept), widened to the shared lengths, and the sizes of photos already stored are
read back from storage."""

from django.db import migrations, models

import resguardo.core.files.models

MODELS = ("sealevent", "inspectionpointresult")


def fill_sizes(apps, schema_editor):
    for model_name in MODELS:
        model = apps.get_model("conveyance", model_name)
        for row in model.objects.exclude(file="").only("pk", "file").iterator():
            try:
                size = row.file.size
            except Exception:  # noqa: BLE001 - a missing file keeps size 0, never stops migrating
                continue
            model.objects.filter(pk=row.pk).update(size=size)


def _operations(model_name):
    return [
        migrations.RenameField(model_name=model_name, old_name="photo", new_name="file"),
        migrations.RenameField(
            model_name=model_name, old_name="photo_content_type", new_name="content_type"
        ),
        migrations.RenameField(model_name=model_name, old_name="photo_sha256", new_name="sha256"),
        migrations.AlterField(
            model_name=model_name,
            name="file",
            field=models.FileField(
                blank=True,
                max_length=300,
                upload_to=resguardo.core.files.models.stored_file_path,
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="content_type",
            field=models.CharField(blank=True, max_length=120, verbose_name="content type"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="sha256",
            field=models.CharField(blank=True, max_length=64, verbose_name="SHA-256"),
        ),
        migrations.AddField(
            model_name=model_name,
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="file name"),
        ),
        migrations.AddField(
            model_name=model_name,
            name="size",
            field=models.PositiveBigIntegerField(default=0, verbose_name="size"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("conveyance", "0001_initial"),
    ]

    operations = [
        *_operations("sealevent"),
        *_operations("inspectionpointresult"),
        migrations.RunPython(fill_sizes, migrations.RunPython.noop),
    ]
