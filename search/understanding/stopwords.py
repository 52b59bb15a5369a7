"""Words a search can do without, per language.

English is our own short list: the general lists (stopwords-iso's has 1,298 words) drop words that
matter to families here ("free", "young", "help", "group", "home", "open"). The other languages use
stopwords-iso's lists, which a native speaker should review with the translations (issue 10).
"""

from functools import cache

import stopwordsiso

ENGLISH = frozenset(
    """
    a about after all also am an and any are aren't as at be been being but by can can't cannot
    could couldn't did didn't do does doesn't doing don't for from get gets getting had has hasn't
    have haven't having he he's her here hers him his how i i'd i'll i'm i've if in into is isn't
    it it's its just me might more most must my myself no nor not of off on once only or other our
    ours out over own please same she she's should shouldn't so some such than that that's the
    their theirs them then there there's these they they're this those through to too under until
    up very was wasn't we we're were weren't what what's when where which while who who's whom why
    will with won't would wouldn't you you're your yours
    near nearby me find finding looking look want wants need needs anyone someone something
    any thing things info
    """.split()  # noqa: SIM905 - a paragraph of words reads better than 170 quoted strings
)

# stopwords-iso lists a few words that are the whole point of a family's search.
_KEEP = {
    "pl": {"dzieci", "dziecko", "pomoc", "szkoła", "dom"},
    "ro": {"copii", "copil", "ajutor", "școală", "casa"},
}


@cache
def stop_words(language):
    """The stop words of `language` ('en', 'pl', …); an unknown language has none."""
    if language == "en":
        return ENGLISH
    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(stopwordsiso.stopwords(language)) - _KEEP.get(language, set())
