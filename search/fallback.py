"""Searches that answer from the database when Elasticsearch fails, and say so.

Wagtail's search results are lazy: `backend.search()` returns at once and Elasticsearch is asked
only when the results are counted or read. So each function here reads what the caller needs
(a page of results, ranked ids) inside the fallback, and returns it with `degraded`: True when
the database answered instead of a configured Elasticsearch, so the page can say results may be
incomplete. The database backend is always kept up to date (decision 0003), so nothing is lost
but Elasticsearch's ranking. An outage is logged once (search.backends.elasticsearch_failed), and
for a while after it searches go straight to the database.
"""

import logging

from django.core.paginator import Paginator
from elasticsearch import ApiError, TransportError

from search.backends import (
    database_backend,
    elasticsearch_answered,
    elasticsearch_configured,
    elasticsearch_failed,
    get_backend,
)

logger = logging.getLogger(__name__)

# Connection refused, timeouts (TransportError) and any HTTP error (ApiError: a 5xx, a closed or
# missing index) all mean Elasticsearch cannot answer this search.
ELASTICSEARCH_ERRORS = (ApiError, TransportError)


def run_with_fallback(evaluate):
    """(evaluate(backend), degraded): run on Elasticsearch when it is up, else on the database.

    `evaluate` must read everything it needs from Elasticsearch before it returns (a list, a
    count); a lazy result would fail later, outside this function.
    """
    backend, degraded = get_backend(ping=False)  # the search itself tells whether it is up
    if degraded or not elasticsearch_configured():
        return evaluate(backend), degraded
    try:
        value = evaluate(backend)
    except ELASTICSEARCH_ERRORS as error:
        elasticsearch_failed(error)
        return evaluate(database_backend()), True
    except Exception:
        # Not an outage but a search Elasticsearch's backend cannot make (a filter it cannot
        # translate): logged in full for a developer, and this reader still gets results.
        logger.exception("Elasticsearch could not run a search; the database answered")
        return evaluate(database_backend()), True
    elasticsearch_answered()
    return value, False


def _search(backend, query, queryset, kwargs):
    if not getattr(backend, "accepts_language", False):
        kwargs = {name: value for name, value in kwargs.items() if name != "language"}
    return backend.search(query, queryset, **kwargs)


class SearchHits(list):
    """Results [start:stop] as a list; `total` is the number of matches when it was asked for."""

    total = None


def search_with_fallback(query, queryset, *, start=0, stop=None, count=False, **kwargs):
    """(results, degraded) of `backend.search(query, queryset, **kwargs)`, read eagerly.

    results is a SearchHits list of the matches [start:stop], best first (give `stop`: without
    it every match is read); with count=True, results.total is the number of all matches.
    kwargs are search()'s: fields, operator, order_by_relevance, and language (used by
    Elasticsearch; the database backend ignores it).
    """

    def evaluate(backend):
        results = _search(backend, query, queryset, kwargs)
        hits = SearchHits(results[start:stop])
        if count:
            hits.total = results.count()
        return hits

    return run_with_fallback(evaluate)


def paginate_with_fallback(query, queryset, *, page, per_page, **kwargs):
    """(page, degraded): one Django Paginator page of results, counted and read eagerly.

    `page` is the requested number as given (a string, a number or None); like
    Paginator.get_page(), a number that is not a page gives the first or the last page.
    """

    def evaluate(backend):
        results = _search(backend, query, queryset, kwargs)
        answer = Paginator(results, per_page).get_page(page)
        answer.object_list = list(answer.object_list)
        return answer

    return run_with_fallback(evaluate)
