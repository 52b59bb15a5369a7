"""Fixtures for the foundation layer's tests."""

import pytest


@pytest.fixture
def database_caches(settings):
    """Both caches in the database, as the site runs without Redis (tests use memory caches).

    The tables are not made here: `createcachetable` (or `migrate`) makes them.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_cache",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_page_cache",
        },
    }
    return settings.CACHES
