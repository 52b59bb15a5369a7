"""The editors' synonym sets, read once per change and matched against a query's words."""

import logging
import secrets
from dataclasses import dataclass

from django.core.cache import cache

from search.models import SynonymSet

from .words import words_of

logger = logging.getLogger(__name__)

VERSION_KEY = "search:synonyms-version"
LONGEST_TERM = 6  # words: longer phrases are not looked for in a query

_loaded = {}  # language -> Thesaurus, for the version it was read at


@dataclass(frozen=True)
class Thesaurus:
    version: object
    groups: tuple  # each a tuple of terms, every term a tuple of words
    by_term: dict  # term (tuple of words) -> index into groups

    def match(self, words):
        """[(start, end, group)] for the longest terms found in `words`, left to right."""
        found, position = [], 0
        while position < len(words):
            for length in range(min(LONGEST_TERM, len(words) - position), 0, -1):
                group = self.by_term.get(tuple(words[position : position + length]))
                if group is not None:
                    found.append((position, position + length, self.groups[group]))
                    position += length
                    break
            else:
                position += 1
        return found

    def knows(self, word):
        return (word,) in self.by_term


def _version():
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, secrets.randbits(48), None)
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache outage must not stop search: read the sets every time instead
        return None
    return version


def changed(**kwargs):
    """Signal receiver: the next search reads the sets again (every process)."""
    _loaded.clear()
    try:
        cache.set(VERSION_KEY, secrets.randbits(48), None)
    except Exception as error:  # cache down: other processes see the change when it is back
        logger.warning("Could not share the synonym change: %s", error)


def _read(language, version):
    groups, by_term = [], {}
    for terms in SynonymSet.objects.filter(language=language).values_list("terms", flat=True):
        group = tuple(tuple(words_of(term)) for term in SynonymSet(terms=terms).term_list() if term)
        group = tuple(term for term in group if term)
        if len(group) < 2:
            continue
        for term in group:
            # A term in two sets joins the first: the admin and the starter test keep them apart.
            by_term.setdefault(term, len(groups))
        groups.append(group)
    return Thesaurus(version=version, groups=tuple(groups), by_term=by_term)


def thesaurus(language):
    version = _version()
    known = _loaded.get(language)
    if known is None or version is None or known.version != version:
        known = _read(language, version)
        if version is not None:
            _loaded[language] = known
    return known


def synonym_rules(language):
    """The sets as Solr synonym lines, for Elasticsearch's synonym_graph filter."""
    return [", ".join(" ".join(term) for term in group) for group in thesaurus(language).groups]
