"""Site search: every page type, in the reader's language, safe with any input."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories.home import (
    ContentPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    ReportPageFactory,
)
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    index = PolicyIndexPageFactory(parent=home_page)
    return {
        "content": ContentPageFactory(parent=home_page, title="Breastfeeding support groups"),
        "report": ReportPageFactory(parent=home_page, title="Annual safeguarding report"),
        "policy": PolicyPageFactory(parent=index, title="Breastfeeding policy"),
    }


def test_search_finds_pages_of_every_type_and_keeps_the_query(client, pages):
    response = client.get("/en/search/", {"q": "breastfeeding"})
    assertContains(response, "Breastfeeding support groups")
    assertContains(response, "Breastfeeding policy")
    assertContains(response, 'value="breastfeeding"')
    assertContains(client.get("/en/search/", {"q": "safeguarding"}), "Annual safeguarding report")


def test_search_results_are_paginated(client, home_page):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Toddler group {number}")
    first = client.get("/en/search/", {"q": "toddler"})
    assertContains(first, "12 results")
    assertContains(first, "Next")
    second = client.get("/en/search/", {"q": "toddler", "page": 2})
    assert second.status_code == 200
    assertContains(second, "Previous")


def test_empty_search_shows_the_form_without_results(client, home_page):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assertNotContains(response, "results for")


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_queries_get_a_normal_page(client, pages, value):
    response = client.get("/en/search/", {"q": value, "page": value})
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")
    assertNotContains(response, "<img src=x")


def test_a_lone_double_quote_does_not_break_full_text_search(client, pages):
    response = client.get("/en/search/", {"q": '"breastfeeding'})
    assertContains(response, "Breastfeeding policy")


@pytest.fixture
def elasticsearch_down(settings, monkeypatch):
    from search import backends

    monkeypatch.setitem(backends._elasticsearch, "down_until", 0.0)
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.database_backend"},
        "elasticsearch": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX": "test",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
    }


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(
    client, pages, elasticsearch_down
):
    response = client.get("/en/search/", {"q": "breastfeeding"})
    assertContains(response, "Breastfeeding policy")
    assertContains(response, "results may be incomplete")


def test_after_elasticsearch_fails_searches_do_not_wait_for_it_again(
    client, pages, elasticsearch_down, monkeypatch
):
    from elastic_transport import Transport

    calls = []
    perform = Transport.perform_request
    monkeypatch.setattr(
        Transport,
        "perform_request",
        lambda self, *args, **kwargs: calls.append(args) or perform(self, *args, **kwargs),
    )
    for _ in range(3):
        assertContains(client.get("/en/search/", {"q": "breastfeeding"}), "Breastfeeding policy")
    assert len(calls) == 1


def test_the_database_backend_suits_the_database_engine():
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    expected = {
        "sqlite": "RankedSQLiteSearchBackend",
        "postgresql": "LanguagePostgresSearchBackend",
    }
    assert type(get_search_backend("default")).__name__ == expected[connection.vendor]


def _result_titles(response):
    link = r'<h2 class="[^"]*">\s*<a class="govuk-link[^"]*" href="[^"]*">([^<]+)</a>'
    return re.findall(link, response.content.decode())


def test_a_word_finds_its_other_forms(client, home_page):
    ContentPageFactory(parent=home_page, title="Family swimming lessons")
    ContentPageFactory(parent=home_page, title="Bumps and babies")

    assertContains(client.get("/en/search/", {"q": "swim"}), "Family swimming lessons")
    assertContains(client.get("/en/search/", {"q": "baby"}), "Bumps and babies")


def test_a_page_named_for_the_words_comes_before_one_that_mentions_them(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Antenatal classes",
        introduction="<p>Before your baby is born: feeding your baby, and your baby's sleep.</p>",
    )
    ContentPageFactory(
        parent=home_page,
        title="Baby clinic",
        introduction="<p>Weigh-ins and advice from health visitors on feeding and sleep, "
        "every Tuesday morning at the health centre, no appointment needed.</p>",
    )

    response = client.get("/en/search/", {"q": "baby"})

    titles = _result_titles(response)
    assert titles.index("Baby clinic") < titles.index("Antenatal classes"), titles


def _search_queries(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/search/", {"q": query})  # as a running server: the site already looked up
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return len(queries), response


def test_a_page_of_results_costs_the_same_queries_whatever_types_it_holds(client, home_page):
    for number in range(3):
        ContentPageFactory(parent=home_page, title=f"Toddler group {number}")
    one_type, _ = _search_queries(client, "toddler")

    index = PolicyIndexPageFactory(parent=home_page, title="Toddler policies")
    PolicyPageFactory(parent=index, title="Toddler safety policy")
    ReportPageFactory(parent=home_page, title="Toddler places report")
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Toddler club {number}")
    many_types, response = _search_queries(client, "toddler")

    assert one_type == many_types
    assert (
        "Toddler safety policy" in response.content.decode() or "Next" in response.content.decode()
    )


def test_summaries_are_plain_words_even_from_rich_text(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Stay and play",
        introduction="<p>Songs &amp; <b>stories</b> for under-fives.</p>",
    )

    response = client.get("/en/search/", {"q": "play"})

    assertContains(
        response,
        '<p class="govuk-body app-search-result__snippet">Songs &amp; stories for under-fives.</p>',
    )
