"""The first catalogue of indicators (indicators/catalogue.py); editors extend it in the admin."""

from django.db import migrations

from indicators.catalogue import write_first_catalogue


def write_catalogue(apps, schema_editor):
    write_first_catalogue(apps.get_model("indicators", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(write_catalogue, migrations.RunPython.noop)]
