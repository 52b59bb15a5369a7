"""Insight for editors (issue 9, part 4): counting searches, best bets, and keeping counts short.

- recording.py: ``record_search`` and the signed ``opened_token`` for results' links;
- views.py: ``search_opened``, the beacon a result click sends;
- promotions.py: ``promotions_for``, Wagtail's promoted pages in the reader's language;
- normalising.py: the form a query is counted in, without personal details;
- retention.py: removing counts past SEARCH_QUERY_RETENTION_DAYS;
- report.py: the numbers the admin's search terms report shows.
"""

from .normalising import PERSONAL_DETAILS, normalise_query, recorded_query
from .promotions import promotions_for
from .recording import opened_token, record_search
from .retention import prune_search_queries

__all__ = [
    "PERSONAL_DETAILS",
    "normalise_query",
    "opened_token",
    "promotions_for",
    "prune_search_queries",
    "record_search",
    "recorded_query",
]
