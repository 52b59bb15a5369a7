"""Counting searches and opened results: what the search terms report reads.

A search is counted under its day, language and normal form (normalising.py), with nothing about
the person. Counting must never get in the way of searching, so every function here swallows its
own errors: a failure is logged once per process, and the search answers as usual.
"""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchQueryDay

from .normalising import PERSONAL_DETAILS, recorded_query
from .retention import prune_if_due

logger = logging.getLogger(__name__)

OPENED_SALT = "search-opened"
# A results page left open in a tab still counts its clicks the next day; older links do not.
OPENED_MAX_AGE = 2 * 86400
MAX_TOKEN_LENGTH = 4000
_warned = {"done": False}


class BadToken(ValueError):
    """An opened-result token that is forged, expired, or not ours."""


def _warn_once(message, error):
    # One warning per process: a database refusing writes would otherwise log every search.
    if not _warned["done"]:
        _warned["done"] = True
        logger.warning("%s (further failures are not logged): %s", message, error)


def content_language(language):
    """The content language a code belongs to ("en-gb" -> "en"), or '' for one the site lacks."""
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    language = str(language or "").lower()
    if language in codes:
        return language
    base = language.split("-", 1)[0]
    return base if base in codes else ""


def _add(day, language, query, **increments):
    """Add to a day's counts, making the row if it is the day's first search for the query.

    Race-safe on both databases: the update is atomic; when two first searches arrive at once,
    one insert wins and the other meets the unique constraint and adds to the winner's row.
    """
    key = {"day": day, "language": language, "query": query}
    changes = {field: F(field) + amount for field, amount in increments.items()}
    if _update(key, changes):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(**key, **increments)
    except IntegrityError:
        _update(key, changes)


def _update(key, changes):
    return SearchQueryDay.objects.filter(**key).update(**changes)


def _add_wagtail_hit(query, day):
    """What ``Query.get(query).add_hit()`` writes, for search_promotions' "popular queries".

    Wagtail's own method reads the query and the day's hits before writing (three statements
    and more on every search); this is one UPDATE on all but a query's first search of the day.
    """
    hits = QueryDailyHits.objects.filter(query__query_string=query, date=day)
    if hits.update(hits=F("hits") + 1):
        return
    try:
        with transaction.atomic():
            QueryDailyHits.objects.create(query=Query.get(query), date=day, hits=1)
    except IntegrityError:
        hits.update(hits=F("hits") + 1)


def record_search(language, query_text, result_count):
    """Count one search; result_count 0 also counts it as a search that found nothing."""
    try:
        language = content_language(language)
        query = recorded_query(query_text)
        if language and query:
            today = timezone.localdate()
            zero = 1 if result_count == 0 else 0
            with transaction.atomic():
                _add(today, language, query, searches=1, zero_result_searches=zero)
                if query != PERSONAL_DETAILS:
                    _add_wagtail_hit(query, today)
    except Exception as error:
        _warn_once("A search was not counted", error)
    prune_if_due()


def opened_token(language, query_text):
    """A signed token naming the search, for the results page's links; '' if it is not counted."""
    language = content_language(language)
    query = recorded_query(query_text)
    if not (language and query):
        return ""
    day = timezone.localdate().isoformat()
    return signing.dumps([language, query, day], salt=OPENED_SALT, compress=True)


def read_opened_token(token):
    """(language, query, day) from a token, or BadToken."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise BadToken("missing or too long")
    try:
        value = signing.loads(token, salt=OPENED_SALT, max_age=OPENED_MAX_AGE)
        language, query, day = value
        if not (isinstance(language, str) and isinstance(query, str) and isinstance(day, str)):
            raise BadToken("wrong types")
        return language, query, datetime.date.fromisoformat(day)
    except BadToken:
        raise
    except (signing.BadSignature, ValueError, TypeError, UnicodeError) as error:
        raise BadToken(str(error)) from error


def record_opened(language, query, day):
    """Count a result opened from a search; a search that was never counted is left alone."""
    try:
        with transaction.atomic():
            SearchQueryDay.objects.filter(day=day, language=language, query=query).update(
                opened=F("opened") + 1
            )
    except Exception as error:
        _warn_once("An opened result was not counted", error)
