"""Indexes on Wagtail's page table, which a large directory fills (issue 9, part 6).

With 10,000 services the page table holds 10,000 more rows, and every page of the site paid for
them, though it has nothing to do with the directory (docs/benchmarks.md):

- the site finds a page by its URL path (foundation.routing, BasePage.route), and Wagtail has
  no index on url_path: every request scanned the table;
- on SQLite, Wagtail's "children of" and "descendants of" are `path LIKE 'prefix%'`, which can
  use an index only if it compares case-insensitively (SQLite's LIKE does; the path index
  Wagtail makes does not): every listing (policies, consultations) scanned the table.
  PostgreSQL already has a pattern index on path;
- on SQLite, the Open Referral API lists services by name a page at a time: with an index in that
  order it reads the page's 50 rows instead of sorting every service.

Indexes only: nothing is added to or changed in any row, and no model declares them (they
belong to Wagtail's table), so removing them is the reverse.
"""

from django.db import migrations

INDEXES = {
    # (name, columns, vendors)
    "url_path": ("svcdir_page_url_path", "(url_path)", {"sqlite", "postgresql"}),
    "path_nocase": ("svcdir_page_path_nocase", "(path COLLATE NOCASE)", {"sqlite"}),
    "locale_title": (
        "svcdir_page_locale_title",
        "(locale_id, title, translation_key)",
        {"sqlite"},
    ),
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, columns, vendors in INDEXES.values():
        if vendor in vendors:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, _columns, vendors in INDEXES.values():
        if vendor in vendors:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0006_search_keywords"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
