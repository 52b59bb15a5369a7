"""What a family's search means: their words, without the filler, with the words pages use.

One place for the site search, the directory's keyword box and Elasticsearch:
- stop words dropped, per language ("my son has ADHD" -> son, adhd);
- misspellings corrected from the site's own words ("swiming" -> "swimming");
- the editors' synonym sets expanded ("adhd" -> adhd or "attention deficit hyperactivity
  disorder"), longest phrase first;
- any word may match: the query is an Or of one group per word or phrase, so a page matching more
  groups, or matching in its title, ranks higher (the backends score it), and a word no page has
  ("kids") no longer empties the results.
"""

import re
from dataclasses import dataclass, field

from modelsearch.query import Or, Phrase, PlainText

from search.backends import clean_query

from . import spelling
from .stopwords import stop_words
from .synonyms import synonym_rules, thesaurus
from .words import words_of

__all__ = ["Understanding", "synonym_rules", "understand"]


@dataclass
class Understanding:
    original: str  # the cleaned text the person typed
    text: str  # the text searched: the corrected one when corrected
    language: str
    terms: list = field(default_factory=list)  # [[alternative, …], …]: one group per word/phrase
    corrections: dict = field(default_factory=dict)  # typed word -> the site's word

    @property
    def corrected(self):
        return bool(self.corrections)

    @property
    def is_empty(self):
        return not self.terms

    @property
    def highlight(self):
        """Every word that may have matched, for marking in snippets."""
        seen = []
        for group in self.terms:
            for alternative in group:
                for word in alternative.split():
                    if word not in seen:
                        seen.append(word)
        return seen

    @property
    def query(self):
        """The query for backend.search(), or None when nothing is left to search for."""
        groups = [_alternatives(group) for group in self.terms]
        if not groups:
            return None
        return groups[0] if len(groups) == 1 else Or(groups)


def _one(term):
    return Phrase(term) if " " in term else PlainText(term)


def _alternatives(group):
    queries = [_one(term) for term in group]
    return queries[0] if len(queries) == 1 else Or(queries)


def _corrections(words, language, stops, known_by_thesaurus):
    """{typed word: correction} for words the site's content does not hold."""
    candidates = [
        word
        for word in dict.fromkeys(words)
        if word not in stops and spelling.correctable(word) and not known_by_thesaurus(word)
    ]
    if not candidates:
        return {}
    held_words, stem_held = spelling.held(language, candidates)
    unknown = [word for word in candidates if word not in held_words]
    corrections = {}
    for word in unknown[: spelling.MAX_CORRECTIONS]:
        better = spelling.suggestion(language, word, stem_is_held=word in stem_held)
        if better:
            corrections[word] = better
    return corrections


def _replace_words(text, corrections):
    for typed, better in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", better, text, flags=re.IGNORECASE)
    return text


_understood = {}  # (query, language, spelling, versions) -> Understanding
_UNDERSTOOD_LIMIT = 2000


def understand(raw_query, language="en", *, correct_spelling=True):
    """What `raw_query` asks for, in `language` (remembered until the words or sets change)."""
    versions = (thesaurus(language).version, spelling.version(language))
    key = (raw_query, language, correct_spelling, versions)
    if None not in versions and key in _understood:
        return _understood[key]
    understanding = _understand(raw_query, language, correct_spelling)
    if None not in versions:
        if len(_understood) >= _UNDERSTOOD_LIMIT:
            _understood.clear()
        _understood[key] = understanding
    return understanding


def _understand(raw_query, language, correct_spelling):
    original = clean_query(raw_query)
    words = words_of(original)
    stops = stop_words(language)
    synonyms = thesaurus(language)
    corrections = {}
    if correct_spelling and words:
        corrections = _corrections(words, language, stops, synonyms.knows)
        words = [corrections.get(word, word) for word in words]
    terms, position = [], 0
    matches = synonyms.match(words)
    for start, end, group in [*matches, (len(words), len(words), None)]:
        for word in words[position:start]:
            if word not in stops and [word] not in terms:
                terms.append([word])
        if group is not None:
            matched = " ".join(words[start:end])
            alternatives = [matched] + [" ".join(t) for t in group if " ".join(t) != matched]
            if alternatives not in terms:
                terms.append(alternatives)
        position = end
    text = _replace_words(original, corrections) if corrections else original
    return Understanding(
        original=original, text=text, language=language, terms=terms, corrections=corrections
    )
