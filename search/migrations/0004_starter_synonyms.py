from django.db import migrations


def load(apps, schema_editor):
    from search.starter_vocabulary import load_starter_sets

    load_starter_sets(apps.get_model("search", "SynonymSet"))


class Migration(migrations.Migration):
    dependencies = [("search", "0003_vocabulary")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
