"""Consultations have one summary: each listing summary an editor wrote goes where it is kept.

The rule is home.0008's, for ConsultationPage (home/migrations/_one_summary.py, decision 0011).
"""

from django.db import migrations

from home.migrations._one_summary import LOCALIZE_DEPENDENCY, move_listing_summaries


def move_consultation_listing_summaries(apps, schema_editor):
    move_listing_summaries(apps, "consultations", "ConsultationPage")


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_other_formats"),
        LOCALIZE_DEPENDENCY,
    ]

    operations = [
        # No reverse: nothing needs undoing. Every text is still where the earlier code reads
        # it (lists fall back to the meta description when the listing summary is empty),
        # and the earlier form shows all three fields.
        migrations.RunPython(move_consultation_listing_summaries, migrations.RunPython.noop),
    ]
