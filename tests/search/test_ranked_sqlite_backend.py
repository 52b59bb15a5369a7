"""The SQLite backend ranks in one FTS5 query over the filtered set, titles first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories.home import ContentPageFactory

# The PostgreSQL pass deselects these (make test-postgres): PostgreSQL ranks natively.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]


@pytest.fixture
def pages(home_page):
    made = [
        ContentPageFactory(
            parent=home_page, title="Speech and language therapy", introduction="Help with talking."
        ),
        ContentPageFactory(
            parent=home_page, title="Stay and play", introduction="Play sessions with speech games."
        ),
        ContentPageFactory(
            parent=home_page, title="Baby massage", introduction="Gentle touch for babies."
        ),
    ]
    for number in range(20):
        made.append(
            ContentPageFactory(
                parent=home_page, title=f"Group {number}", introduction="speech " * (number % 3 + 1)
            )
        )
    return made


def test_the_site_uses_the_ranked_backend_on_sqlite():
    from search.sqlite_ranking import RankedSQLiteSearchBackend

    assert isinstance(get_search_backend("default"), RankedSQLiteSearchBackend)


def test_it_finds_what_wagtails_own_sqlite_backend_finds_with_the_title_match_first(pages):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    queryset = Page.objects.live().specific()
    ours = get_search_backend("default").search("speech", queryset)
    wagtails = SQLiteSearchBackend({}).search("speech", queryset)
    assert {p.pk for p in ours} == {p.pk for p in wagtails}
    assert ours.count() == wagtails.count() == 22
    assert ours[0].title == "Speech and language therapy"


def test_only_the_filtered_set_is_ranked_and_counted(pages):
    keep = [p.pk for p in pages[:5]]
    results = get_search_backend("default").search("speech", Page.objects.filter(pk__in=keep))
    assert results.count() == 4
    assert {p.pk for p in results} <= set(keep)


def test_a_page_of_results_is_a_fixed_number_of_queries(pages):
    results = get_search_backend("default").search("speech", Page.objects.live().specific())
    with CaptureQueriesContext(connection) as first_page:
        list(results[:10])
    with CaptureQueriesContext(connection) as second_page:
        list(results[10:20])
    assert len(first_page) == len(second_page) <= 4
