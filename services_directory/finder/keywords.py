"""Keyword search for the directory: Wagtail search, evaluated inside the directory's SQL.

The words are understood as the site search understands them (search.understanding): any word
may match, stop words dropped, synonyms expanded, spelling corrected from the site's own words.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from search.languages import reader_language
from search.understanding import understand
from services_directory.models import ServicePage

# Elasticsearch answers with its own ids; this many are enough for any parent's search.
MAX_EXTERNAL_MATCHES = 1000


def understood(text, exact=False):
    """The directory's keywords as the site search understands them, in the reader's language.

    exact: the reader chose "Search instead for …", so their spelling is kept as typed.
    """
    return understand(text, reader_language(), correct_spelling=not exact)


def keyword_query(text, exact=False):
    """The backend query for the keywords (any word may match), or None if none is left."""
    return understood(text, exact).query


def _sqlite_keyword_matches(backend, query, candidates):
    """The FTS5 matches as an IN subquery that SQLite runs once, or None to use the generic path.

    The vendor's subquery joins the index entries to the FTS table, and SQLite plans it as one
    full-text probe per indexed page: 0.2 s for a common word at 2,000 services, paid again by
    every count in the UNION. Asking for the matching rowids first makes it one probe (1 ms).
    """
    if connection.vendor != "sqlite":
        return None
    # Imported here: these modules define SQLite-only models.
    from modelsearch.backends.database.sqlite.query import (
        MatchExpression,
        SQLiteFTSIndexEntry,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from modelsearch.conf import get_app_config
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    if not isinstance(backend, SQLiteSearchBackend):
        return None
    index_entry = get_app_config().get_model("IndexEntry")
    compiler = backend.query_compiler_class(candidates, query, order_by_relevance=False)
    parsed = normalize(compiler.query)
    if isinstance(parsed, (MatchAll, Not)):
        return None
    match = MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(parsed, config=None),
    )
    entries = index_entry.objects.filter(
        pk__in=SQLiteFTSIndexEntry.objects.filter(match).values("index_entry_id"),
        content_type__in=get_descendants_content_types_pks(ServicePage),
    )
    return Q(pk__in=entries.values("object_id"))


def _postgresql_keyword_matches(query, backend):
    """The matching ids, read once and sent back as one array.

    As a subquery, every count in the facets' UNION ran the full-text match again (25 ms a time
    for a common word at 10,000 services, a second in all). The outer query applies the
    directory's own filters, so the match runs over every service page, without them.
    """
    everything = ServicePage.objects.all()
    matches = backend.search(query, everything, order_by_relevance=False)
    ids = list(matches.get_queryset().values_list("pk", flat=True))
    # The SQL is fixed; the ids travel as one parameter.
    return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))


def keyword_filter(backend, text, base, exact=False):
    """A Q keeping the services that match the keywords, evaluated in the database with the filters.

    Returns (q, ranked_ids). The database backends give a lazy queryset, used as a subquery by the
    counts and the results; Elasticsearch has its own index and answers with ids (ranked_ids).
    Keywords that are all stop words ("the") filter nothing out.
    """
    query = keyword_query(text, exact)
    if query is None:
        return Q(), None
    # The search backends accept only filters on indexed fields; a pk subquery always passes.
    candidates = ServicePage.objects.filter(pk__in=base.values("pk"))
    fast = _sqlite_keyword_matches(backend, query, candidates)
    if fast is not None:
        return fast, None
    results = backend.search(query, candidates, order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None and connection.vendor == "postgresql":
        return _postgresql_keyword_matches(query, backend), None
    if get_queryset is not None:  # another database backend: a subquery, as SQLite's generic path
        return Q(pk__in=get_queryset().values("pk")), None
    ranked = [obj.pk for obj in backend.search(query, candidates)[:MAX_EXTERNAL_MATCHES]]
    return Q(pk__in=ranked), ranked
