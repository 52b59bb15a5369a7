"""JobLock, moved from council_site: its table stays where council_site made it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("council_site", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="JobLock",
                    fields=[
                        ("name", models.CharField(max_length=100, primary_key=True, serialize=False)),
                        ("holder", models.CharField(max_length=64)),
                        ("taken_at", models.DateTimeField()),
                        ("expires_at", models.DateTimeField()),
                    ],
                    options={"db_table": "council_site_joblock"},
                ),
            ],
            database_operations=[],
        ),
    ]
