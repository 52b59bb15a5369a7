"""Published ideas like the one a resident is about to post, so they can support it instead."""

import re

from django.db.models import Q

from consultations.models import Idea

MAX_SIMILAR = 5
MAX_WORDS = 8
# Words too common in ideas to say two are alike.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "do",
        "for",
        "from",
        "get",
        "had",
        "has",
        "have",
        "help",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "my",
        "need",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "out",
        "should",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "idea",
        "ideas",
    ]
)
_WORD = re.compile(r"\w{3,}", re.UNICODE)


def key_words(text):
    """The distinctive words of `text`, at most MAX_WORDS, longest first."""
    words = {word.lower() for word in _WORD.findall(str(text or "")[:2000])}
    words -= STOP_WORDS
    return sorted(words, key=lambda word: (-len(word), word))[:MAX_WORDS]


def similar_ideas(board, text, limit=MAX_SIMILAR):
    """Up to `limit` published ideas on the board that share the most key words with `text`."""
    words = key_words(text)
    if not words:
        return []
    matches = Q()
    for word in words:
        matches |= Q(title__icontains=word) | Q(description__icontains=word)
    candidates = (
        Idea.objects.on_board(board)
        .published()
        .filter(matches)
        .select_related("theme")
        .order_by("-support_count", "-published_at")[:200]
    )

    def score(idea):
        title, description = idea.title.lower(), idea.description.lower()
        return sum(3 if word in title else 1 for word in words if word in title + description)

    ranked = sorted(candidates, key=lambda idea: (-score(idea), -idea.support_count))
    return ranked[:limit]
