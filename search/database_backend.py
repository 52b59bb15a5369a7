"""Wagtail's database search backend, with SQLite ranking done in one FTS5 query.

Wagtail's SQLite backend scores each result with a correlated subquery that re-runs the full-text
match for every row: ranking a common word over 10,000 rows took over 30 seconds (PostgreSQL: 0.15
s). Here the FTS5 match, bm25() ranking, the filter to the caller's queryset and the page slice are
a single query, so SQLite ranks only the filtered set, in milliseconds. PostgreSQL and MySQL keep
Wagtail's own backends, which rank in the database already.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as _vendor_backend


def SearchBackend(params):  # Wagtail looks a backend module's SearchBackend up by name
    """The vendor's database backend, with ranked SQLite search swapped in."""
    backend = _vendor_backend(params)
    # Compared by name: importing the SQLite classes on another database fails.
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
