"""The record of what the demo loaders made, so a deleted demo page stays deleted."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("foundation", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="DemoRecord",
            fields=[
                ("key", models.CharField(max_length=255, primary_key=True, serialize=False)),
                ("object_id", models.CharField(max_length=64)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
        ),
    ]
