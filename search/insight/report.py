"""The numbers behind the search terms report: a fixed handful of queries, whatever the period."""

import datetime

from django.db.models import F, Sum
from django.utils import timezone

from search.models import SearchQueryDay

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
# "Nobody opened a result" needs a few searches to mean something, not one person's glance.
UNOPENED_MIN_SEARCHES = 3
# Longer periods are drawn a week to a bar, so the chart stays readable at 90 days.
DAILY_UP_TO = 31


def period_start(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def rows_for(days, language=""):
    """The daily rows of the period (today and the days before it), in one language or all."""
    rows = SearchQueryDay.objects.filter(day__gte=period_start(days))
    return rows.filter(language=language) if language else rows


def query_totals(rows):
    """One row per query: total searches, searches with no results, and results opened."""
    return rows.values("query").annotate(
        total_searches=Sum("searches"),
        total_no_results=Sum("zero_result_searches"),
        total_opened=Sum("opened"),
    )


def no_result_queries(rows, limit=20):
    totals = query_totals(rows).filter(total_no_results__gt=0)
    return list(totals.order_by("-total_no_results", "-total_searches", "query")[:limit])


def unopened_queries(rows, limit=20):
    """Queries that found results at least a few times, with none of them ever opened.

    Searches that found nothing are left out of the count: they had no results to open, and
    the table of searches that found nothing already lists them.
    """
    totals = query_totals(rows).filter(
        total_searches__gte=F("total_no_results") + UNOPENED_MIN_SEARCHES, total_opened=0
    )
    return list(totals.order_by("-total_searches", "query")[:limit])


def summary(rows):
    totals = rows.aggregate(
        searches=Sum("searches"), no_results=Sum("zero_result_searches"), opened=Sum("opened")
    )
    totals = {name: value or 0 for name, value in totals.items()}
    share = totals["no_results"] / totals["searches"] if totals["searches"] else 0
    totals["no_results_percent"] = round(100 * share)
    return totals


def searches_over_time(rows, days):
    """[(first day, searches, searches with no results)] per day, or per week past 31 days.

    Every day (or week) of the period has its row, so a quiet day shows as an empty bar rather
    than going missing.
    """
    start = period_start(days)
    counted = {
        row["day"]: row
        for row in rows.values("day").annotate(
            searches=Sum("searches"), no_results=Sum("zero_result_searches")
        )
    }
    step = 1 if days <= DAILY_UP_TO else 7
    buckets = []
    for offset in range(0, days, step):
        first = start + datetime.timedelta(days=offset)
        span = [first + datetime.timedelta(days=n) for n in range(min(step, days - offset))]
        searches = sum(counted[day]["searches"] for day in span if day in counted)
        no_results = sum(counted[day]["no_results"] for day in span if day in counted)
        buckets.append((first, searches, no_results))
    return buckets, step
