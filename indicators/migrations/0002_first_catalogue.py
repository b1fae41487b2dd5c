"""The first catalogue of indicators (indicators/catalogue.py); editors extend it in the admin."""

from django.db import migrations

from indicators.catalogue import FIRST_CATALOGUE


def write_catalogue(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    made = {}
    for position, spec in enumerate(FIRST_CATALOGUE):
        made[spec.name], _ = Indicator.objects.get_or_create(
            name=spec.name,
            defaults={"unit": spec.unit, "variants": "\n".join(spec.variants), "position": position},
        )
    for spec in FIRST_CATALOGUE:
        if spec.amount_indicator:
            Indicator.objects.filter(name=spec.name).update(
                amount_indicator=made[spec.amount_indicator]
            )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(write_catalogue, migrations.RunPython.noop)]
