"""Suggestions as you type: titles of live public pages and services in the reader's language.

A title is suggested when one of its words starts with what was typed ("swim" suggests "Family
swimming lessons"), those starting with it first. Titles change only when editors publish, so
each process keeps the answers for the current content generation (foundation.page_cache):
a suggestion costs one query, and none when it was asked for before.
"""

import threading
from collections import OrderedDict

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale

from foundation.page_cache import current_generation
from search.backends import clean_query
from search.results import SERVICES, page_scope
from services_directory.models import ServicePage

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2
# Longer than any title's opening words; a pasted essay is cut before it reaches the database.
MAX_LENGTH = 60
_MAX_KEPT = 2000

_lock = threading.Lock()
_kept = {"generation": None, "answers": OrderedDict()}


def titles(language, typed, *, services_only=False):
    """Up to MAX_SUGGESTIONS titles with a word starting with `typed` (already cleaned)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    pages = page_scope(locale)
    if services_only:
        pages = pages.type(ServicePage)
    starts = Q(title__istartswith=typed)
    matching = (
        pages.filter(starts | Q(title__icontains=f" {typed}"))
        .annotate(
            rank=Case(When(starts, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("rank", Length("title"), "title")
        .values_list("title", flat=True)
    )
    # Two pages may share a title (a service at two places): each is suggested once.
    return list(dict.fromkeys(matching[: MAX_SUGGESTIONS * 2]))[:MAX_SUGGESTIONS]


def _remembered(generation, key, compute):
    if generation == "none":
        return compute()
    with _lock:
        if _kept["generation"] != generation:
            _kept["generation"], _kept["answers"] = generation, OrderedDict()
        answers = _kept["answers"]
        if key in answers:
            answers.move_to_end(key)
            return list(answers[key])
    value = compute()
    with _lock:
        if _kept["generation"] == generation:
            _kept["answers"][key] = tuple(value)
            while len(_kept["answers"]) > _MAX_KEPT:
                _kept["answers"].popitem(last=False)
    return value


def messages():
    """What the autocomplete tells screen reader users, in the reader's language."""
    return {
        "queryTooShort": ngettext(
            "Type %(count)s or more characters for suggestions",
            "Type %(count)s or more characters for suggestions",
            MIN_LENGTH,
        )
        % {"count": MIN_LENGTH},
        "noResults": gettext("No suggestions"),
        "selectedOption": gettext("%(option)s, %(position)s of %(count)s, is highlighted"),
        "results": {
            str(count): ngettext(
                "%(count)s suggestion is available.",
                "%(count)s suggestions are available.",
                count,
            )
            % {"count": count}
            for count in range(1, MAX_SUGGESTIONS + 1)
        },
        "assistiveHint": gettext(
            "When suggestions are available, use the up and down arrows to review them and "
            "Enter to choose one. On a touch screen, explore by touch or with swipe gestures."
        ),
    }


def suggestions_for(request, raw, language, *, kind=""):
    """The JSON the suggestions view answers: titles, or (for an empty query) the messages."""
    typed = clean_query(str(raw)[: MAX_LENGTH * 4])[:MAX_LENGTH].strip().lower()
    if not typed:
        return {"suggestions": [], "messages": messages()}
    if len(typed) < MIN_LENGTH:
        return {"suggestions": []}
    services_only = kind == SERVICES
    found = _remembered(
        current_generation(request),
        (language, services_only, typed),
        lambda: titles(language, typed, services_only=services_only),
    )
    return {"suggestions": found}
