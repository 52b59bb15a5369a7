"""Counting searches for the editors' report: counts per day and language, never a person."""

import datetime
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import IntegrityError, connection, connections
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.insight import PERSONAL_DETAILS, record_search, recording
from search.models import SearchQueryDay
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def _counts(query, language="en"):
    row = SearchQueryDay.objects.get(query=query, language=language)
    return row.searches, row.zero_result_searches, row.opened


def test_searches_are_counted_per_query_in_their_normal_form():
    record_search("en", "Nursery  Funding", 4)
    record_search("en", "nursery funding ", 0)
    record_search("en", "\tNURSERY funding", 2)
    assert _counts("nursery funding") == (3, 1, 0)
    assert SearchQueryDay.objects.count() == 1


def test_each_language_and_day_is_counted_apart():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)):
        record_search("en", "adhd", 1)
        record_search("pl", "adhd", 0)
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, tzinfo=datetime.UTC)):
        record_search("en", "adhd", 1)
    rows = SearchQueryDay.objects.order_by("day", "language").values_list(
        "day", "language", "searches", "zero_result_searches"
    )
    assert list(rows) == [
        (datetime.date(2026, 3, 2), "en", 1, 0),
        (datetime.date(2026, 3, 2), "pl", 1, 1),
        (datetime.date(2026, 3, 3), "en", 1, 0),
    ]


def test_a_search_at_night_counts_on_the_councils_day_not_utcs():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London.
    with time_machine.travel(datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)):
        record_search("en", "holiday club", 3)
    assert SearchQueryDay.objects.get().day == datetime.date(2026, 7, 1)


def test_a_repeated_search_costs_two_updates(django_assert_max_num_queries):
    record_search("en", "adhd", 2)
    # Ours and Wagtail's daily hits, inside one savepoint: the results page's budget is tight.
    with django_assert_max_num_queries(4):
        record_search("en", "adhd", 2)
    assert _counts("adhd") == (2, 0, 0)
    assert Query.objects.get(query_string="adhd").hits == 2


def test_a_regional_language_code_counts_under_its_content_language():
    record_search("en-gb", "swimming lessons", 5)
    assert _counts("swimming lessons", "en") == (1, 0, 0)


@pytest.mark.parametrize("language", ["xx", "", None, "<script>"])
def test_a_language_the_site_lacks_is_not_counted(language):
    record_search(language, "swimming lessons", 5)
    assert not SearchQueryDay.objects.exists()


def test_wagtails_own_query_log_counts_the_search_for_popular_queries():
    record_search("en", "Dad support group", 2)
    record_search("en", "dad support group", 0)
    assert Query.objects.get(query_string="dad support group").hits == 2


@pytest.mark.parametrize(
    "typed",
    [
        "jo.bloggs@example.com",
        "help jo.bloggs@gmail",
        "07700 900123",
        "call me on +44 7700 900 123",
        "(020) 7946 0100",
        "nhs number 943 476 5919",
        "NW1 6XE",
        "nursery near nw16xe",
        "qq 12 34 56 c",
        "x" * 195 + " jo@example.com",  # cut at 200 characters, the address is still refused
    ],
)
def test_queries_with_personal_details_are_counted_without_them(typed):
    record_search("en", typed, 0)
    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == [PERSONAL_DETAILS]
    # Nor do they reach Wagtail's own log, which keeps query text.
    assert not Query.objects.exists()


@pytest.mark.parametrize(
    "typed", ["nursery in NW1", "2 year old funding", "year 7 2026 school places", "0-5 years"]
)
def test_everyday_queries_with_numbers_and_districts_are_kept(typed):
    record_search("en", typed, 1)
    assert SearchQueryDay.objects.get().query == typed.lower()


def test_nothing_that_identifies_a_person_is_stored():
    columns = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert columns == {
        "id",
        "day",
        "language",
        "query",
        "searches",
        "zero_result_searches",
        "opened",
    }


def test_long_queries_are_kept_to_200_characters():
    record_search("en", "word " * 100, 1)
    stored = SearchQueryDay.objects.get().query
    assert len(stored) <= 200
    assert stored.startswith("word word")


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_queries_are_counted_safely_or_not_at_all(value):
    record_search("en", value, 0)
    for query in SearchQueryDay.objects.values_list("query", flat=True):
        assert "\x00" not in query
        assert "\u202e" not in query
        assert len(query) <= 200


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["list"], ""])
def test_queries_of_the_wrong_type_or_empty_are_not_counted(value):
    record_search("en", value, 0)
    assert not SearchQueryDay.objects.exists()


def test_a_failing_database_never_reaches_the_search_and_is_logged_once(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise IntegrityError("disk full")

    monkeypatch.setattr(recording, "_add", broken)
    monkeypatch.setitem(recording._warned, "done", False)
    with caplog.at_level(logging.WARNING, logger="search.insight.recording"):
        record_search("en", "adhd", 1)
        record_search("en", "adhd", 1)
    warnings = [r for r in caplog.records if r.name == "search.insight.recording"]
    assert len(warnings) == 1
    assert "not counted" in warnings[0].getMessage()


def test_a_first_search_racing_another_adds_to_the_row_the_other_made(monkeypatch):
    """Another request makes the row between this search's update and its insert."""
    real_update = recording._update
    calls = []

    def update_that_misses_first(key, changes):
        calls.append(key)
        if len(calls) == 1:
            SearchQueryDay.objects.create(**key, searches=1)  # the other request's row
            return 0
        return real_update(key, changes)

    monkeypatch.setattr(recording, "_update", update_that_misses_first)
    record_search("en", "ADHD", 3)
    assert _counts("adhd") == (2, 0, 0)
    assert len(calls) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_searches_at_once_lose_no_counts():
    def search(n):
        try:
            record_search("en", "Breast feeding", 0 if n % 4 == 0 else 3)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(search, range(60)))
    assert connection.vendor == "postgresql"
    assert _counts("breast feeding") == (60, 15, 0)
    assert QueryDailyHits.objects.get(query__query_string="breast feeding").hits == 60
