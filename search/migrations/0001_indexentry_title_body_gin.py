"""A GIN index on the expression Wagtail's PostgreSQL backend filters by.

The backend matches ``(title || body) @@ query``; Wagtail indexes title and body separately,
so every search read each of the index's rows and rebuilt the combined vector: about 90 ms for
10,000 services, paid again by each of the directory's counts. With this index PostgreSQL
looks the words up. SQLite has its own FTS5 table and needs nothing.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
