"""A query as words: lower case, in order, the way the full-text index splits text."""

import re

# Letters, digits and joining marks in any script (Arabic, Bengali and Devanagari vowel signs are
# marks, not letters: splitting on them would break every word in two).
_WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0900-\u0dff'\u2019]*")
_POSSESSIVE = re.compile(r"['\u2019]s$")


def words_of(text):
    """['i', "i'm", 'young', 'mum'] for "I'm a young mum's"…: lower case, possessives dropped.

    Apostrophes stay inside contractions ("won't", "can't"), which are stop words; in any other
    word they split it as the index does ("o'brien" -> "o", "brien").
    """
    found = []
    for match in _WORD.finditer((text or "").lower()):
        word = _POSSESSIVE.sub("", match.group().replace("\u2019", "'")).strip("'")
        if not word:
            continue
        found.append(word)
    return found


def index_parts(word):
    """The pieces the full-text index holds for a word: apostrophes split it."""
    return [part for part in word.split("'") if part]
