"""When Elasticsearch fails, searches answer from the database and say results may be incomplete."""

import logging

import pytest
from pytest_django.asserts import assertContains
from wagtail.models import Locale, Page

from search import backends
from search.fallback import paginate_with_fallback, run_with_fallback, search_with_fallback
from tests.factories.home import ContentPageFactory
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory
from tests.search.elasticsearch_standin import hits, record_requests
from tests.search.test_elasticsearch_index import elasticsearch_settings

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # a closed port: every connection is refused at once
PAGES_INDEX = "/family_services_wagtailcore_page/_search"


@pytest.fixture
def fresh_outage_state(monkeypatch):
    monkeypatch.setitem(backends._elasticsearch, "down_until", 0.0)
    monkeypatch.setitem(backends._elasticsearch, "down", False)


@pytest.fixture
def pages(home_page):
    """Indexed by the database backend, as publishing does: the fallback's whole content."""
    return {
        "groups": ContentPageFactory(parent=home_page, title="Breastfeeding support groups"),
        "clinic": ContentPageFactory(parent=home_page, title="Baby clinic"),
        "report": ContentPageFactory(parent=home_page, title="Annual safeguarding report"),
    }


@pytest.fixture
def unreachable(settings, fresh_outage_state, pages):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings(UNREACHABLE)


@pytest.fixture
def stand_in(settings, fresh_outage_state, pages, monkeypatch):
    """A configured Elasticsearch whose answers the test sets."""
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings()
    return record_requests(backends.elasticsearch_backend(), monkeypatch)


def english_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))


def titles(results):
    return sorted(page.title for page in results)


def test_an_unreachable_elasticsearch_is_answered_for_by_the_database(unreachable):
    results, degraded = search_with_fallback("breastfeeding", english_pages(), stop=10, count=True)

    assert degraded is True
    assert titles(results) == ["Breastfeeding support groups"]
    assert results.total == 1


def test_an_outage_is_logged_once_and_not_asked_again_for_a_while(unreachable, caplog):
    with caplog.at_level(logging.DEBUG, logger="search.backends"):
        search_with_fallback("baby", english_pages(), stop=10)
        search_with_fallback("baby", english_pages(), stop=10)  # resting: not asked
        backends._elasticsearch["down_until"] = 0.0  # time to ask again: still down
        results, degraded = search_with_fallback("baby", english_pages(), stop=10)

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage().split(":")[0] for r in warnings] == [
        "Elasticsearch unavailable, using database search"
    ]
    assert degraded is True
    assert titles(results) == ["Baby clinic"]


def test_while_resting_elasticsearch_is_not_asked(stand_in):
    stand_in.answer("POST", PAGES_INDEX, 503, {"error": "unavailable"})
    search_with_fallback("baby", english_pages(), stop=10)

    _results, degraded = search_with_fallback("baby", english_pages(), stop=10)

    assert degraded is True
    assert len(stand_in.sent("POST", PAGES_INDEX)) == 1


def test_a_server_error_is_answered_for_by_the_database(stand_in, pages):
    stand_in.answer("POST", PAGES_INDEX, 503, {"error": {"type": "cluster_block_exception"}})

    results, degraded = search_with_fallback("safeguarding", english_pages(), stop=10)

    assert degraded is True
    assert titles(results) == ["Annual safeguarding report"]


def test_a_failure_when_counting_is_caught_too(stand_in, pages):
    """Wagtail's results are lazy: Elasticsearch is first asked when the paginator counts."""
    stand_in.answer("POST", r"/_count$", 503, {"error": "unavailable"})
    stand_in.answer("POST", PAGES_INDEX, 200, hits(pages["clinic"].pk))

    page, degraded = paginate_with_fallback("baby", english_pages(), page=1, per_page=10)

    assert degraded is True
    assert titles(page.object_list) == ["Baby clinic"]
    assert page.paginator.count == 1


def test_when_elasticsearch_answers_its_results_are_used(stand_in, pages):
    stand_in.answer("POST", r"/_count$", 200, {"count": 2})
    stand_in.answer("POST", PAGES_INDEX, 200, hits(pages["report"].pk, pages["clinic"].pk))

    page, degraded = paginate_with_fallback("baby", english_pages(), page="1", per_page=10)

    assert degraded is False
    assert [result.title for result in page.object_list] == [
        "Annual safeguarding report",
        "Baby clinic",
    ]
    assert isinstance(page.object_list, list)  # read inside the fallback, not later


def test_elasticsearch_answering_again_ends_the_outage(stand_in, caplog):
    stand_in.answer("POST", PAGES_INDEX, 503, {"error": "unavailable"})
    search_with_fallback("baby", english_pages(), stop=10)
    backends._elasticsearch["down_until"] = 0.0
    stand_in.answer("POST", PAGES_INDEX, 200, hits())

    with caplog.at_level(logging.WARNING, logger="search.backends"):
        _results, degraded = search_with_fallback("baby", english_pages(), stop=10)

    assert degraded is False
    assert "Elasticsearch answering again" in caplog.text


def test_a_search_elasticsearch_cannot_make_is_answered_by_the_database(
    stand_in, caplog, monkeypatch
):
    """Not an outage, a bug: logged with its traceback, the reader still gets results."""

    def cannot(backend):
        if backend is backends.elasticsearch_backend():
            raise TypeError("'RawSQL' object is not iterable")
        return list(backend.search("baby", english_pages()))

    with caplog.at_level(logging.ERROR, logger="search.fallback"):
        results, degraded = run_with_fallback(cannot)

    assert degraded is True
    assert titles(results) == ["Baby clinic"]
    assert "Traceback" in caplog.text or caplog.records[0].exc_info
    assert backends._elasticsearch["down"] is False  # the next search tries Elasticsearch


def test_out_of_range_page_numbers_give_the_last_page(settings, pages):
    for number in range(12):
        ContentPageFactory(parent=pages["clinic"].get_parent(), title=f"Toddler group {number}")

    page, degraded = paginate_with_fallback("toddler", english_pages(), page="99", per_page=10)

    assert degraded is False
    assert page.number == 2
    assert len(page.object_list) == 2


def test_without_elasticsearch_the_database_answers_and_nothing_is_degraded(pages, settings):
    assert "elasticsearch" not in settings.WAGTAILSEARCH_BACKENDS

    results, degraded = search_with_fallback("breastfeeding", english_pages(), language="en")

    assert degraded is False
    assert titles(results) == ["Breastfeeding support groups"]


def test_the_site_search_answers_from_the_database_when_elasticsearch_is_unreachable(
    client, unreachable
):
    response = client.get("/en/search/", {"q": "breastfeeding"})

    assert response.status_code == 200
    assert response.context["degraded"] is True
    assertContains(response, "Breastfeeding support groups")
    assertContains(response, "results may be incomplete")


def test_the_site_search_answers_from_the_database_when_a_search_fails(client, stand_in):
    """Elasticsearch is up (no ping fails) but cannot answer this search."""
    stand_in.answer("POST", r"/_count$", 503, {"error": "unavailable"})
    stand_in.answer("POST", PAGES_INDEX, 503, {"error": "unavailable"})

    response = client.get("/en/search/", {"q": "breastfeeding"})

    assert response.status_code == 200
    assert response.context["degraded"] is True
    assertContains(response, "Breastfeeding support groups")


@pytest.fixture
def directory(home_page):
    directory = DirectoryPageFactory(parent=home_page)
    ServicePageFactory(
        parent=directory,
        title="Rhyme time at the library",
        description="Songs and rhymes for babies and toddlers.",
    )
    return directory


def test_the_directory_keyword_search_works_when_elasticsearch_is_unreachable(
    client, directory, unreachable
):
    response = client.get(directory.url, {"q": "rhymes"})

    assert response.status_code == 200
    assert response.context["degraded"] is True
    assertContains(response, "Rhyme time at the library")


def test_the_directory_answers_from_the_database_when_a_keyword_search_fails(
    client, directory, stand_in
):
    stand_in.answer("POST", PAGES_INDEX, 503, {"error": "unavailable"})

    response = client.get(directory.url, {"q": "rhymes"})

    assert response.status_code == 200
    assert response.context["degraded"] is True
    assertContains(response, "Rhyme time at the library")
