"""`migrate` alone makes the cache tables that rate limits and the page cache need."""

import pytest
from django.core.management.sql import emit_pre_migrate_signal
from django.db import connection
from django.test import override_settings

DATABASE_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "test_rate_limits",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "test_pages",
    },
}


@pytest.mark.django_db
@override_settings(CACHES=DATABASE_CACHES)
def test_migrate_creates_missing_cache_tables():
    assert "test_rate_limits" not in connection.introspection.table_names()

    emit_pre_migrate_signal(verbosity=0, interactive=False, db="default")

    assert {"test_rate_limits", "test_pages"} <= set(connection.introspection.table_names())
