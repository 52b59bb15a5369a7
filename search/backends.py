"""Which Wagtail search backend answers: Elasticsearch when configured and up, else the database.

The database backend ("default") is always kept in step by Wagtail's index signals, so it is a
complete fallback when Elasticsearch is down: readers get results, not an error page.
"""

import logging
import re
import time
import unicodedata

from django.conf import settings
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


# After Elasticsearch fails to answer, searches use the database for this long before it is
# asked again: an unreachable cluster would otherwise cost every search its connect timeout.
RETRY_ELASTICSEARCH_AFTER = 30  # seconds
_elasticsearch = {"down_until": 0.0}


def get_backend():
    """(backend, degraded): degraded is True when Elasticsearch is configured but not answering."""
    if not elasticsearch_configured():
        return get_search_backend("default"), False
    if time.monotonic() >= _elasticsearch["down_until"]:
        backend = get_search_backend("elasticsearch")
        try:
            if backend.es.options(request_timeout=2).ping():
                return backend, False
        except Exception as error:  # the client raises many transport errors; all mean "down"
            logger.warning("Elasticsearch unavailable, using database search: %s", error)
        _elasticsearch["down_until"] = time.monotonic() + RETRY_ELASTICSEARCH_AFTER
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
