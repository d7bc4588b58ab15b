from django.db import migrations


def forwards(apps, schema_editor):
    from resguardo.core.aduanas import sync_aduanas

    sync_aduanas(apps.get_model("core", "Aduana"))
    # This step also created the platform's audit chain head once; 0005 drops and recreates
    # that table (one head per organization, created with the first entry), so the row never
    # outlived 0005 and is no longer written here.


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
