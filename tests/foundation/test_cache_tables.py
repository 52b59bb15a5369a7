"""`migrate` alone makes the cache tables that rate limits and the page cache need."""

import pytest
from django.core.management.sql import emit_pre_migrate_signal
from django.db import connection


@pytest.mark.django_db
def test_migrate_creates_missing_cache_tables(database_caches):
    assert "test_cache" not in connection.introspection.table_names()

    emit_pre_migrate_signal(verbosity=0, interactive=False, db="default")

    assert {"test_cache", "test_page_cache"} <= set(connection.introspection.table_names())
