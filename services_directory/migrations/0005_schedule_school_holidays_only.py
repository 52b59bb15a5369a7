"""Schedules can run in the school holidays only (holiday clubs): term time only, the other way.

Every existing schedule and session gets False, which is what they meant until now, so no rows
need rebuilding.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0004_opening_session_cycles"),
    ]

    operations = [
        migrations.AddField(
            model_name="openingsession",
            name="school_holidays_only",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="schedule",
            name="school_holidays_only",
            field=models.BooleanField(
                default=False,
                help_text="Only open in the school holidays, such as holiday clubs.",
                verbose_name="school holidays only",
            ),
        ),
    ]
