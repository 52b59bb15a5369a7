"""SQLite full-text search with English stemming, so "swim" finds "swimming".

Wagtail's SQLite backend makes its FTS5 table with the default tokenizer, which matches whole
words only: "swim" missed "Family swimming lessons" and "baby" missed "Bumps and babies", where
PostgreSQL's English configuration finds both. The table is made again with the Porter stemmer
(over unicode61, accents folded) and refilled from the index entries it mirrors; Wagtail's
triggers keep it in step as before, as they name the table, not its definition.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"
STEMMED = "tokenize = 'porter unicode61 remove_diacritics 2'"


def _rebuild(schema_editor, options):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        if cursor.fetchone() is None:  # SQLite built without FTS5: Wagtail falls back itself
            return
    columns = "autocomplete, body, title"
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}{', ' + options if options else ''})"
    )
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) SELECT id, {columns} FROM {ENTRIES}"  # noqa: S608 - fixed names
    )


def stem(apps, schema_editor):
    _rebuild(schema_editor, STEMMED)


def unstem(apps, schema_editor):
    _rebuild(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_indexentry_title_body_gin"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stem, unstem, elidable=False)]
