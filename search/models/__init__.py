"""The site search's own data: the editors' vocabulary and the words the index holds."""

from .insight import SearchQueryDay
from .vocabulary import SearchWord, SynonymKind, SynonymSet

__all__ = ["SearchQueryDay", "SearchWord", "SynonymKind", "SynonymSet"]
