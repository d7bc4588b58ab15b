from django.db import migrations


def forwards(apps, schema_editor):
    from resguardo.core.aduanas import sync_aduanas

    sync_aduanas(apps.get_model("core", "Aduana"))
    apps.get_model("core", "AuditChainHead").objects.get_or_create(id=1)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
