"""The Elasticsearch 8 backend for councils that outgrow one machine (decision 0006).

Settings name this package as the backend ("BACKEND": "search.elasticsearch"); Wagtail looks up
its `SearchBackend`.
"""

from .backend import FamilyIndex, FamilySearchBackend
from .synonyms import connect_signals, update_synonyms

SearchBackend = FamilySearchBackend

__all__ = [
    "FamilyIndex",
    "FamilySearchBackend",
    "SearchBackend",
    "connect_signals",
    "update_synonyms",
]
