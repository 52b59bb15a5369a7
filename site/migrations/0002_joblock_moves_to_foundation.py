"""JobLock now belongs to the foundation app; its table stays (foundation.0001 takes it over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("council_site", "0001_initial"), ("foundation", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="JobLock")],
            database_operations=[],
        ),
    ]
