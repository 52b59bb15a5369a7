"""The test suite: fast password hashing, no rate limits leaking between tests."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test process gets its own in-memory cache, so one test's rate-limit hits never reach
# another; tests that check sharing between processes use the database cache explicitly.
if not env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
        },
    }
# Tests change settings between requests; the page cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# The suite searches the database; tests of Elasticsearch configure it themselves, so setting
# ELASTICSEARCH_URL for them does not send every other test's indexing there.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database_backend"}}
