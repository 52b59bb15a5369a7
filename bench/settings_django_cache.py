"""The benchmark's settings with Django's own cache middleware in place of the site's page cache.

Only bench/cache_compare.py serves with these, beside bench.settings, so the two caches answer
the same pages from the same database in the same run (docs/decisions/0014-page-cache.md). The
configuration is Django's documented minimum: UpdateCacheMiddleware first, FetchFromCacheMiddleware
last, the same cache table and lifetime as the site's page cache.
"""

from bench.settings import *  # noqa: F403
from bench.settings import MIDDLEWARE, PAGE_CACHE_SECONDS

OURS = "foundation.page_cache.AnonymousPageCacheMiddleware"

MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *[name for name in MIDDLEWARE if name != OURS],
    "django.middleware.cache.FetchFromCacheMiddleware",
]
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
CACHE_MIDDLEWARE_KEY_PREFIX = "django-cache"
