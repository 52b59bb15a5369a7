"""Which Wagtail search backend answers: Elasticsearch when configured and up, else the database.

The database backend ("default") is always kept in step by Wagtail's index signals, so it is a
complete fallback when Elasticsearch is down: readers get results, not an error page.
"""

import logging
import re
import time
import unicodedata

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Characters that the database full-text engines treat as syntax: SQLite FTS5 raises on a lone
# double quote, PostgreSQL raises on a NUL byte (DEVELOPERS.md, known traps).
_SYNTAX = re.compile(r"[\"\x00*^:(){}\[\]<>\\]")


def clean_query(raw):
    """A query string safe for every backend, or '' when nothing searchable is left."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _SYNTAX.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:MAX_QUERY_LENGTH].strip()


def elasticsearch_configured():
    return "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS


# Wagtail makes a new backend, with a new Elasticsearch client and connection pool, on every
# get_search_backend() call: one per configuration is kept instead.
_instances = {}


def elasticsearch_backend():
    config = settings.WAGTAILSEARCH_BACKENDS["elasticsearch"]
    key = repr(config)
    backend = _instances.get(key)
    if backend is None:
        backend = _instances[key] = get_search_backend("elasticsearch")
    return backend


@receiver(setting_changed)
def _forget_backends(setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        _instances.clear()


def database_backend():
    return get_search_backend("default")


# After Elasticsearch fails to answer, searches use the database for this long before it is
# asked again: an unreachable cluster would otherwise cost every search its connect timeout.
RETRY_ELASTICSEARCH_AFTER = 30  # seconds
_elasticsearch = {"down_until": 0.0, "down": False}


def elasticsearch_resting():
    """True while a recent failure keeps searches on the database."""
    return time.monotonic() < _elasticsearch["down_until"]


def elasticsearch_failed(error):
    """Searches use the database for a while; the outage is logged once, when it starts."""
    if not _elasticsearch["down"]:
        logger.warning("Elasticsearch unavailable, using database search: %s", error)
    else:
        logger.debug("Elasticsearch still unavailable: %s", error)
    _elasticsearch["down"] = True
    _elasticsearch["down_until"] = time.monotonic() + RETRY_ELASTICSEARCH_AFTER


def elasticsearch_answered():
    if _elasticsearch["down"]:
        logger.warning("Elasticsearch answering again")
        _elasticsearch["down"] = False


def get_backend(ping=True):
    """(backend, degraded): degraded is True when Elasticsearch is configured but not answering.

    ping=False skips asking Elasticsearch first, for callers whose search itself is the test
    (search.fallback); they report a failure with elasticsearch_failed().
    """
    if not elasticsearch_configured():
        return get_search_backend("default"), False
    if not elasticsearch_resting():
        backend = elasticsearch_backend()
        if not ping:
            return backend, False
        try:
            answered = backend.es.options(request_timeout=2).ping()
            error = "no answer to a ping"
        except Exception as exception:  # the client raises many transport errors; all mean down
            answered, error = False, exception
        if answered:
            elasticsearch_answered()
            return backend, False
        elasticsearch_failed(error)
    return get_search_backend("default"), True


def search_backend_status():
    """For /healthz/: which backend answers and whether it is healthy."""
    if not elasticsearch_configured():
        return {"ok": True, "detail": "database"}
    _backend, degraded = get_backend()
    return {
        "ok": not degraded,
        "detail": "database (elasticsearch down)" if degraded else "elasticsearch",
    }
