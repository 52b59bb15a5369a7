"""Spelling suggestions from the site's own words: a correction always leads to something we hold.

PostgreSQL finds candidates with pg_trgm's similarity over an index (migration search 0003);
SQLite, which has no trigram operator, keeps each language's words in memory (a few hundred
kilobytes at 10,000 services) and compares them with RapidFuzz. Both then apply the same rule: the
closest word by edit distance within a budget that grows with the word's length, the more
frequent on a tie. So both databases suggest the same words.
"""

import logging
import secrets

from django.contrib.postgres.search import TrigramSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from search.models import SearchWord

from .stems import stem
from .stopwords import stop_words

logger = logging.getLogger(__name__)

VERSION_KEY = "search:vocabulary-version:{language}"
MIN_LENGTH = 4  # shorter words have too many neighbours to guess between
MAX_CORRECTIONS = 3  # words looked up in one query
TRIGRAM_CANDIDATES = 20

_loaded = {}  # language -> (version, {word: frequency}) on SQLite


def allowed_edits(word):
    return 1 if len(word) <= 5 else 2


def correctable(word):
    return len(word) >= MIN_LENGTH and word.isalpha()


def vocabulary_changed(language):
    _loaded.pop(language, None)
    try:
        cache.set(VERSION_KEY.format(language=language), secrets.randbits(48), None)
    except Exception as error:  # cache down: this process has forgotten; others catch up later
        logger.warning("Could not share the new search vocabulary: %s", error)


def version(language):
    """The vocabulary's version, or None when the cache cannot say (then nothing is kept)."""
    key = VERSION_KEY.format(language=language)
    try:
        current = cache.get(key)
        if current is None:
            cache.add(key, secrets.randbits(48), None)
            current = cache.get(key)
    except Exception:
        return None
    return current


def _words_in_memory(language):
    current = version(language)
    known = _loaded.get(language)
    if known is None or current is None or known[0] != current:
        rows = SearchWord.objects.filter(language=language).values_list("word", "stem", "frequency")
        words, stems = {}, set()
        for word, word_stem, frequency in rows:
            words[word] = frequency
            stems.add(word_stem)
        known = (current, (words, stems))
        if current is not None:
            _loaded[language] = known
    return known[1]


def _best(language, word, candidates, budget):
    """The closest of {candidate: frequency} within the edit budget, or None."""
    stops = stop_words(language)
    best = None
    for candidate, frequency in candidates.items():
        if candidate == word or candidate in stops:
            continue
        distance = DamerauLevenshtein.distance(word, candidate, score_cutoff=budget)
        if distance > budget:
            continue
        key = (distance, -frequency, candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


def held(language, words):
    """({words the content holds}, {words whose stem it holds}) among `words`."""
    if not words:
        return set(), set()
    stems = {word: stem(language, word) for word in words}
    if connection.vendor == "postgresql":
        rows = SearchWord.objects.filter(
            Q(word__in=list(words)) | Q(stem__in=list(set(stems.values()))), language=language
        ).values_list("word", "stem")
        held_words = {word for word, _stem in rows}
        held_stems = {word_stem for _word, word_stem in rows}
    else:
        held_words, held_stems = _words_in_memory(language)
    return (
        {word for word in words if word in held_words},
        {word for word in words if stems[word] in held_stems},
    )


def suggestion(language, word, *, stem_is_held=False):
    """The site's word `word` was most likely meant to be, or None.

    A word whose stem the site holds ("visiter": visit) may still be a slip for another word
    ("visitor"), but only one edit away and never another form of itself ("weekends").
    """
    budget = 1 if stem_is_held else allowed_edits(word)
    if connection.vendor == "postgresql":
        rows = (
            SearchWord.objects.filter(language=language, word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "-frequency")
            .values_list("word", "frequency")[:TRIGRAM_CANDIDATES]
        )
        candidates = dict(rows)
    else:
        vocabulary, _stems = _words_in_memory(language)
        near = process.extract(
            word,
            vocabulary.keys(),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=budget,
            limit=TRIGRAM_CANDIDATES,
        )
        candidates = {candidate: vocabulary[candidate] for candidate, _score, _index in near}
    own_stem = stem(language, word)
    candidates = {
        candidate: frequency
        for candidate, frequency in candidates.items()
        if stem(language, candidate) != own_stem
    }
    return _best(language, word, candidates, budget)
