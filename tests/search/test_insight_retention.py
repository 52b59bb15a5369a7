"""Search counts are kept for SEARCH_QUERY_RETENTION_DAYS, then deleted, Wagtail's hits too."""

import datetime
import io

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.insight import record_search, retention
from search.models import SearchQueryDay
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 15)
NOON = datetime.datetime(2026, 9, 15, 11, tzinfo=datetime.UTC)


def _days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def _count(query, days_ago):
    SearchQueryDay.objects.create(day=_days_ago(days_ago), language="en", query=query, searches=1)
    Query.get(query).add_hit(date=_days_ago(days_ago))


def _kept():
    return sorted(SearchQueryDay.objects.values_list("query", flat=True))


@pytest.fixture(autouse=True)
def _no_prune_remembered(monkeypatch):
    """Each test starts as a fresh process would: not yet checked today."""
    monkeypatch.setitem(retention._checked, "day", None)


@pytest.fixture
def history():
    for query, days_ago in [("today", 0), ("last year", 364), ("too old", 365), ("ancient", 900)]:
        _count(query, days_ago)


@time_machine.travel(NOON, tick=False)
def test_the_command_deletes_counts_older_than_a_year_by_default(history):
    out = io.StringIO()
    call_command("prune_search_queries", stdout=out)
    assert _kept() == ["last year", "today"]
    assert sorted(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == [
        "last year",
        "today",
    ]
    # Wagtail's queries go once nothing else holds them.
    assert not Query.objects.filter(query_string__in=["too old", "ancient"]).exists()
    output = out.getvalue()
    assert "Keeping 365 days of search counts: deleting those before 2025-09-16." in output
    assert "Deleted 2 search term counts and 2 daily search hits." in output


@time_machine.travel(NOON, tick=False)
@override_settings(SEARCH_QUERY_RETENTION_DAYS=30)
def test_the_retention_period_is_a_setting(history):
    call_command("prune_search_queries", stdout=io.StringIO())
    assert _kept() == ["today"]


@time_machine.travel(NOON, tick=False)
def test_the_command_can_keep_fewer_days_and_refuses_nonsense(history):
    call_command("prune_search_queries", "--days", "1", stdout=io.StringIO())
    assert _kept() == ["today"]
    with pytest.raises(CommandError):
        call_command("prune_search_queries", "--days", "0", stdout=io.StringIO())


@time_machine.travel(NOON, tick=False)
def test_a_promoted_query_outlives_its_hits(history, home_page):
    page = ContentPageFactory(parent=home_page, title="Send local offer")
    SearchPromotion.objects.create(query=Query.get("ancient"), page=page, sort_order=0)
    call_command("prune_search_queries", stdout=io.StringIO())
    assert Query.objects.filter(query_string="ancient").exists()


@time_machine.travel(NOON, tick=False)
def test_the_command_reports_progress_in_batches(history, monkeypatch):
    monkeypatch.setattr("search.insight.retention.BATCH_SIZE", 1)
    out = io.StringIO()
    call_command("prune_search_queries", stdout=out)
    assert "1 search term counts deleted so far" in out.getvalue()
    assert "2 search term counts deleted so far" in out.getvalue()


def test_searching_prunes_old_counts_once_a_day(history, django_assert_max_num_queries):
    with time_machine.travel(NOON, tick=False):
        record_search("en", "adhd", 2)
        assert _kept() == ["adhd", "last year", "today"]
        _count("too old", 365)  # as if left behind
        record_search("en", "adhd", 2)
        assert "too old" in _kept()  # already pruned today
    with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
        record_search("en", "adhd", 2)
        # Next day: "too old" (now 366 days) and "last year" (now 365 days) go.
        assert _kept() == ["adhd", "adhd", "today"]


def test_a_failing_prune_never_reaches_the_search(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("search.insight.retention.prune_search_queries", broken)
    record_search("en", "adhd", 2)
    assert SearchQueryDay.objects.get().searches == 1
    assert "Pruning old search counts failed" in caplog.text


@time_machine.travel(NOON, tick=False)
def test_opening_the_report_prunes_too(client, editor, history):
    client.force_login(editor)
    assert client.get("/admin/reports/search-terms/").status_code == 200
    assert _kept() == ["last year", "today"]
    assert timezone.localdate() == TODAY
