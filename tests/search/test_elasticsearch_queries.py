"""The queries the Elasticsearch backend sends: any word, the reader's language, misspellings.

Requests are recorded below the client (tests/search/elasticsearch_standin.py), as they would
go to a server: these are the exact bodies.
"""

import json

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.query import Or, Phrase, PlainText

from home.queries import public_q
from search import backends
from search.backends import clean_query
from search.understanding import understand
from tests.factories.home import ContentPageFactory
from tests.hostile import HOSTILE_VALUES
from tests.search.elasticsearch_standin import hits, record_requests
from tests.search.test_elasticsearch_index import elasticsearch_settings

pytestmark = pytest.mark.django_db

PAGES_INDEX = "/family_services_wagtailcore_page/_search"


@pytest.fixture
def elasticsearch(settings, monkeypatch, locales):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings()
    backend = backends.elasticsearch_backend()
    return backend, record_requests(backend, monkeypatch)


def english_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))


def sent_query(transport):
    [request] = transport.sent("POST", PAGES_INDEX)
    return request.body["query"]


def fields(language):
    # Titles count double: Wagtail's boost on Page.title; 1.5 is services' category names.
    return [
        f"_all_text.{language}",
        f"_all_text_boost_1_5.{language}^1.5",
        f"_all_text_boost_2_0.{language}^2.0",
    ]


def words(text, language="en", **extra):
    """What a plain-text query becomes: the words as typed, or near them at half the weight."""
    options = {"fields": fields(language), "type": "best_fields", "tie_breaker": 0.3, **extra}
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": text, **options}},
                {
                    "multi_match": {
                        "query": text,
                        **options,
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "boost": 0.5,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def filtered(inner, locale):
    return {
        "bool": {
            "must": inner,
            "filter": [
                {"match": {"_django_content_type": "wagtailcore.Page"}},
                {
                    "bool": {
                        "must": [
                            {"term": {"live_filter": True}},
                            {"term": {"locale_id_filter": locale.pk}},
                        ]
                    }
                },
            ],
        }
    }


def test_my_son_has_adhd_in_english_matches_any_word_in_english_fields(elasticsearch, locales):
    backend, transport = elasticsearch

    list(backend.search("my son has ADHD", english_pages())[:10])

    [request] = transport.sent("POST", PAGES_INDEX)
    assert request.body == {
        "query": filtered(words("my son has ADHD"), locales["en"]),
        "_source": False,
        "stored_fields": "pk",
        "from": 0,
        "size": 10,
    }


def test_a_misspelling_is_searched_for_with_fuzziness(elasticsearch, locales):
    backend, transport = elasticsearch

    list(backend.search("swiming lesons", english_pages())[:10])

    fuzzy = sent_query(transport)["bool"]["must"]["bool"]["should"][1]["multi_match"]
    assert fuzzy == {
        "query": "swiming lesons",
        "fields": fields("en"),
        "type": "best_fields",
        "tie_breaker": 0.3,
        "fuzziness": "AUTO",
        "prefix_length": 1,
        "boost": 0.5,
    }


def test_a_reader_in_arabic_searches_the_arabic_analysis(elasticsearch, locales):
    backend, transport = elasticsearch
    arabic_pages = Page.objects.live().filter(locale=locales["ar"])

    with translation.override("ar"):
        list(backend.search("حضانة", arabic_pages)[:10])

    assert sent_query(transport) == filtered(words("حضانة", "ar"), locales["ar"])


def test_the_language_can_be_given_and_is_kept_until_the_results_are_read(elasticsearch):
    backend, transport = elasticsearch

    with translation.override("pl"):
        lazy = backend.search("żłobek", english_pages())
        chosen = backend.search("নার্সারি", english_pages(), language="bn")
    list(lazy[:10])
    list(chosen[:10])

    first, second = (r.body["query"] for r in transport.sent("POST", PAGES_INDEX))
    assert first["bool"]["must"]["bool"]["should"][0]["multi_match"]["fields"] == fields("pl")
    assert second["bool"]["must"]["bool"]["should"][0]["multi_match"]["fields"] == fields("bn")


def test_an_understood_query_keeps_its_groups_and_phrases(elasticsearch):
    """As search.understanding gives it: one group per word, a group's synonyms as a phrase."""
    backend, transport = elasticsearch
    query = Or(
        [
            PlainText("son", operator="or"),
            Or(
                [
                    PlainText("adhd", operator="or"),
                    Phrase("attention deficit hyperactivity disorder"),
                ]
            ),
        ]
    )

    list(backend.search(query, english_pages())[:10])

    assert sent_query(transport)["bool"]["must"] == {
        "bool": {
            "should": [
                words("son"),
                {
                    "bool": {
                        "should": [
                            words("adhd"),
                            {
                                "multi_match": {
                                    "query": "attention deficit hyperactivity disorder",
                                    "fields": fields("en"),
                                    "type": "phrase",
                                }
                            },
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def test_the_site_searchs_understanding_of_my_son_has_adhd_reaches_elasticsearch(
    elasticsearch,
):
    backend, transport = elasticsearch
    understood = understand("my son has ADHD", "en")

    list(backend.search(understood.query, english_pages(), language="en")[:10])

    sent = json.dumps(sent_query(transport))
    # The acronym's expansion is looked for as a phrase, and "my" and "has" are not asked for.
    assert '"query": "attention deficit hyperactivity disorder", "fields": ' in sent
    assert '"type": "phrase"' in sent
    assert '"query": "adhd"' in sent and '"query": "son"' in sent
    assert '"query": "my"' not in sent
    assert '"fuzziness": "AUTO"' in sent
    assert '"_all_text.en"' in sent and ".ar" not in sent


def test_all_words_are_required_only_when_asked(elasticsearch):
    backend, transport = elasticsearch

    list(backend.search("baby clinic", english_pages(), operator="and")[:10])

    assert sent_query(transport)["bool"]["must"] == words("baby clinic", operator="and")


def test_a_search_in_named_fields_reads_their_language_sub_fields(elasticsearch):
    backend, transport = elasticsearch

    list(backend.search("baby", english_pages(), fields=["title"])[:10])

    exact = sent_query(transport)["bool"]["must"]["bool"]["should"][0]["multi_match"]
    assert exact["fields"] == ["title.en^2"]


def test_results_come_in_elasticsearchs_order(elasticsearch, home_page):
    backend, transport = elasticsearch
    clinic = ContentPageFactory(parent=home_page, title="Baby clinic")
    antenatal = ContentPageFactory(parent=home_page, title="Antenatal classes")
    transport.answer("POST", PAGES_INDEX, 200, hits(antenatal.pk, clinic.pk))

    results = list(backend.search("baby", english_pages())[:10])

    assert [page.title for page in results] == ["Antenatal classes", "Baby clinic"]


def test_pages_behind_a_view_restriction_are_filtered_out_in_elasticsearch(
    elasticsearch, home_page
):
    """The site search's public-pages filter is raw SQL, which Wagtail's backend cannot send."""

    backend, transport = elasticsearch
    private = ContentPageFactory(parent=home_page, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    list(backend.search("staff", english_pages().filter(public_q()))[:10])

    page_filters = sent_query(transport)["bool"]["filter"][1]["bool"]["must"]
    assert {"bool": {"must_not": {"terms": {"id_filter": [private.pk]}}}} in page_filters


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_queries_are_sent_as_words_never_as_syntax(elasticsearch, value):
    backend, transport = elasticsearch
    query = clean_query(value)

    list(backend.search(query, english_pages())[:10])

    sent = transport.sent("POST", PAGES_INDEX)
    if query:
        exact = sent[0].body["query"]["bool"]["must"]["bool"]["should"][0]["multi_match"]
        assert exact["query"] == query
        assert "query_string" not in repr(sent[0].body)
    else:
        assert sent == []  # nothing to search for: Elasticsearch is not asked
