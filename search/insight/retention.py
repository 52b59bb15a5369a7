"""How long search counts are kept, and removing older ones (ours and Wagtail's own hits)."""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchQueryDay

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 365
BATCH_SIZE = 5000
_PRUNED_KEY = "search-insight:pruned:{day}"
_checked = {"day": None}  # the last day this process asked the cache


def retention_days():
    """settings.SEARCH_QUERY_RETENTION_DAYS, at least one day."""
    days = getattr(settings, "SEARCH_QUERY_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    try:
        return max(1, int(days))
    except (TypeError, ValueError):
        return DEFAULT_RETENTION_DAYS


def oldest_kept_day(days=None):
    days = retention_days() if days is None else max(1, int(days))
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def _delete_in_batches(queryset, progress, label):
    # In batches, so a first run over years of counts never holds one long write lock on SQLite.
    removed = 0
    while True:
        ids = list(queryset.values_list("pk", flat=True)[:BATCH_SIZE])
        if not ids:
            return removed
        queryset.model.objects.filter(pk__in=ids).delete()
        removed += len(ids)
        if progress:
            progress(label, removed)


def prune_search_queries(days=None, progress=None):
    """Delete counts from before the retention period; returns (our rows, Wagtail's daily hits).

    Wagtail's own daily hits (behind its "popular queries" for promotions) follow the same
    period, and queries left with no hits and no promotion go with them.
    """
    keep_from = oldest_kept_day(days)
    ours = _delete_in_batches(
        SearchQueryDay.objects.filter(day__lt=keep_from), progress, "search term counts"
    )
    wagtails = _delete_in_batches(
        QueryDailyHits.objects.filter(date__lt=keep_from), progress, "daily search hits"
    )
    Query.garbage_collect()
    return ours, wagtails


def prune_if_due():
    """Prune at most once a day (per shared cache), from whatever runs first; never raises."""
    today = timezone.localdate()
    # Known in this process already: no cache round trip (a database query) on every search.
    if _checked["day"] == today:
        return
    try:
        _checked["day"] = today
        if not cache.add(_PRUNED_KEY.format(day=today.isoformat()), 1, 2 * 86400):
            return
        prune_search_queries()
    except Exception as error:  # a missed prune is retried tomorrow; the command does it too
        logger.warning("Pruning old search counts failed: %s", error)
