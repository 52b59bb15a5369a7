"""Policies have one summary: each listing summary an editor wrote goes where it is kept.

Decision 0011 (docs/decisions/0011-one-summary-per-page.md) takes the base page's listing
summary off the policy's form. For every policy, in every language, a listing summary:
- moves to the meta description (Page.search_description) when that is empty. Lists and search
  results fall back to the meta description, so they show the same text as before, and
  policies now index it;
- is cleared when the meta description already holds the same text;
- otherwise stays where it is: the form shows it as "Earlier list summary" until an editor
  clears it, and readers see what they saw before.
Translations made in wagtail-localize go with a moved text to its new field, so the next
"Sync translated pages" finds them already done.
"""

from django.db import migrations, models

from home.migrations._one_summary import LOCALIZE_DEPENDENCY
from home.migrations._one_summary import move_listing_summaries as move_for


def move_listing_summaries(apps, schema_editor):
    move_for(apps, "home", "PolicyPage")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_other_formats"),
        LOCALIZE_DEPENDENCY,
    ]

    operations = [
        migrations.AlterField(
            model_name="policypage",
            name="summary",
            field=models.TextField(
                help_text=(
                    "What the policy is for, in one or two plain sentences. Shown under the "
                    "title, and in the policy library unless the page has a meta description "
                    "(Promote tab)."
                ),
                max_length=1200,
            ),
        ),
        # No reverse: nothing needs undoing. Every text is still where the earlier code reads
        # it (lists fall back to the meta description when the listing summary is empty),
        # and the earlier form shows all three fields.
        migrations.RunPython(move_listing_summaries, migrations.RunPython.noop),
    ]
