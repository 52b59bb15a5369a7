"""Snowball stems per language, so "weekend" and "weekends" count as one word the site holds."""

from functools import cache

import snowballstemmer

# Languages without a Snowball stemmer (Urdu, Bengali) compare whole words.
SNOWBALL = {"en": "english", "pl": "polish", "ro": "romanian", "ar": "arabic"}


@cache
def _stemmer(language):
    name = SNOWBALL.get(language)
    return snowballstemmer.stemmer(name) if name else None


def stem(language, word):
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word
