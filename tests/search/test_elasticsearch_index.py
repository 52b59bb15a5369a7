"""The Elasticsearch index: an analyzer per content language, the editors' synonyms, sub-fields.

No server is needed: the settings and mapping are what the backend would send, and requests are
recorded by a stand-in for the client's transport (tests/search/elasticsearch_standin.py).
"""

import io
import logging

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import backends
from search.elasticsearch import connect_signals, update_synonyms
from search.elasticsearch.synonyms import _update_after_commit
from search.models import SynonymSet
from services_directory.models import ServicePage
from tests.factories.home import ContentPageFactory
from tests.search.elasticsearch_standin import record_all_requests, record_requests

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "pl", "ro", "ar", "ur", "bn"]


def elasticsearch_settings(url="http://127.0.0.1:9", **options):
    return {
        "default": {"BACKEND": "search.database_backend"},
        "elasticsearch": {
            "BACKEND": "search.elasticsearch",
            "URLS": [url],
            "INDEX": "family_services",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": False,  # pages made by a test are not sent anywhere
            **options,
        },
    }


@pytest.fixture
def elasticsearch(settings, monkeypatch):
    monkeypatch.setitem(backends._elasticsearch, "down_until", 0.0)
    monkeypatch.setitem(backends._elasticsearch, "down", False)
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings()
    return backends.elasticsearch_backend()


def analysis_of(backend):
    return backend.index_settings()["settings"]["analysis"]


def test_every_content_language_has_an_index_and_a_search_analyzer(elasticsearch):
    analyzers = analysis_of(elasticsearch)["analyzer"]

    for language in LANGUAGES:
        assert analyzers[f"family_{language}"]["tokenizer"] == "standard"
        assert analyzers[f"family_{language}_search"]["tokenizer"] == "standard"
    # Wagtail's own n-gram analyzers, for autocomplete, are still there.
    assert "edgengram_analyzer" in analyzers


def test_languages_elasticsearch_knows_are_stemmed_as_its_own_analyzers_do(elasticsearch):
    analysis = analysis_of(elasticsearch)
    chains = {
        language: analysis["analyzer"][f"family_{language}"]["filter"] for language in LANGUAGES
    }

    def stemmer(language):
        [name] = [name for name in chains[language] if name.endswith("_stemmer")]
        return analysis["filter"][name]

    assert chains["en"] == [
        "family_en_possessive",
        "lowercase",
        "family_en_stop",
        "family_en_stemmer",
    ]
    assert stemmer("en") == {"type": "stemmer", "language": "english"}
    assert stemmer("ro") == {"type": "stemmer", "language": "romanian"}
    assert stemmer("ar") == {"type": "stemmer", "language": "arabic"}
    assert stemmer("bn") == {"type": "stemmer", "language": "bengali"}
    assert "arabic_normalization" in chains["ar"]
    assert "bengali_normalization" in chains["bn"]
    assert analysis["filter"]["family_ar_stop"]["stopwords"] == "_arabic_"


def test_polish_and_urdu_are_lower_cased_with_stop_words_and_no_stemmer(elasticsearch):
    analysis = analysis_of(elasticsearch)

    assert analysis["analyzer"]["family_pl"]["filter"] == [
        "lowercase",
        "family_pl_stop",
        "asciifolding",  # "zlobek" finds "żłobek"
    ]
    assert analysis["analyzer"]["family_ur"]["filter"] == [
        "lowercase",
        "decimal_digit",
        "family_ur_stop",
    ]
    polish_stop_words = analysis["filter"]["family_pl_stop"]["stopwords"]
    assert "oraz" in polish_stop_words  # "and"
    assert "dzieci" not in polish_stop_words  # "children": what families search for
    assert "اور" in analysis["filter"]["family_ur_stop"]["stopwords"]  # "and"


def test_a_cluster_with_the_stempel_plugin_can_stem_polish(settings):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings(POLISH_STEMMER=True)

    analysis = analysis_of(backends.elasticsearch_backend())

    assert analysis["analyzer"]["family_pl"]["filter"] == [
        "lowercase",
        "family_pl_stop",
        "polish_stem",
        "asciifolding",
    ]


def test_the_search_analyzers_carry_the_editors_synonym_sets(elasticsearch):
    SynonymSet.objects.create(language="en", terms="Nursery, early years setting")
    SynonymSet.objects.create(language="pl", terms="żłobek, opieka nad dzieckiem")

    analysis = analysis_of(elasticsearch)

    english = analysis["filter"]["family_en_synonyms"]
    assert english["type"] == "synonym_graph"
    assert "nursery, early years setting" in english["synonyms"]
    assert any(rule.startswith("adhd, ") for rule in english["synonyms"])  # a starter set
    assert "żłobek, opieka nad dzieckiem" not in english["synonyms"]
    assert "żłobek, opieka nad dzieckiem" in analysis["filter"]["family_pl_synonyms"]["synonyms"]
    # Before stop words and stemming, so a rule's words are stemmed as the pages' words are.
    assert analysis["analyzer"]["family_en_search"]["filter"] == [
        "family_en_possessive",
        "lowercase",
        "family_en_synonyms",
        "family_en_stop",
        "family_en_stemmer",
    ]
    # Synonyms are for queries only: pages are indexed without them.
    assert "family_en_synonyms" not in analysis["analyzer"]["family_en"]["filter"]


def test_a_language_without_synonym_sets_searches_as_it_indexes(elasticsearch):
    SynonymSet.objects.filter(language="ro").delete()

    analysis = analysis_of(elasticsearch)

    assert "family_ro_synonyms" not in analysis["filter"]
    assert (
        analysis["analyzer"]["family_ro_search"]["filter"]
        == analysis["analyzer"]["family_ro"]["filter"]
    )


def language_sub_fields():
    return {
        language: {
            "type": "text",
            "analyzer": f"family_{language}",
            "search_analyzer": f"family_{language}_search",
        }
        for language in LANGUAGES
    }


def test_every_text_field_is_analysed_in_every_content_language(elasticsearch):
    properties = elasticsearch.mapping_class(ServicePage).get_mapping()["properties"]

    assert properties["title"]["fields"] == language_sub_fields()
    for catch_all in ("_all_text", "_all_text_boost_2_0", "_all_text_boost_1_5"):
        assert properties[catch_all]["fields"] == language_sub_fields()
    categories = properties["services_directory_servicepage__categories"]
    assert categories["properties"]["name"]["fields"] == language_sub_fields()
    # Autocomplete n-grams and filters keep Wagtail's mapping.
    assert "fields" not in properties["_edgengrams"]
    assert "fields" not in properties["title_edgengrams"]
    assert properties["locale_id_filter"] == {"type": "integer"}


def test_building_the_index_sends_the_analyzers_and_the_mapping(elasticsearch, monkeypatch):
    transport = record_requests(elasticsearch, monkeypatch)
    index = elasticsearch.get_index_for_model(Page)

    index.put()
    index.add_model(ServicePage)

    [create, mapping] = transport.requests
    assert (create.method, create.path) == ("PUT", "/family_services_wagtailcore_page")
    assert create.body["settings"]["analysis"] == analysis_of(elasticsearch)
    assert (mapping.method, mapping.path) == ("PUT", "/family_services_wagtailcore_page/_mapping")
    assert mapping.body["properties"]["title"]["fields"]["ar"]["analyzer"] == "family_ar"


def test_update_index_builds_the_index_beside_the_old_one_and_switches_to_it(
    elasticsearch, monkeypatch, home_page
):
    transport = record_all_requests(monkeypatch)
    ContentPageFactory(parent=home_page, title="Family swimming lessons")

    call_command("update_index", backend_name="elasticsearch", stdout=io.StringIO())

    [create] = transport.sent("PUT", r"^/family_services_wagtailcore_page_\w+$")
    new_index = create.path.lstrip("/")
    assert create.body["settings"]["analysis"] == analysis_of(elasticsearch)
    mappings = transport.sent("PUT", rf"^/{new_index}/_mapping$")  # one for each page type
    assert mappings
    for mapping in mappings:
        assert mapping.body["properties"]["title"]["fields"] == language_sub_fields()
    lines = [line for r in transport.sent("PUT", rf"^/{new_index}/_bulk$") for line in r.body]
    assert any(b'"title":"Family swimming lessons"' in line for line in lines)
    # Searches switch to the new index only once it holds every page.
    [alias] = transport.sent("PUT", rf"^/{new_index}/_alias/family_services_wagtailcore_page$")
    last_bulk = transport.sent("PUT", rf"^/{new_index}/_bulk$")[-1]
    assert transport.requests.index(last_bulk) < transport.requests.index(alias)


def test_an_index_prefix_setting_wins_over_the_index_name(settings):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings(INDEX_PREFIX="council_")

    index = backends.elasticsearch_backend().get_index_for_model(Page)

    assert index.name == "council_wagtailcore_page"


def test_changed_synonyms_are_sent_to_the_index_behind_the_alias(elasticsearch, monkeypatch):
    transport = record_requests(elasticsearch, monkeypatch)
    # Only the pages' index was ever built, and an atomic rebuild left it behind an alias.
    transport.answer("HEAD", r"^/_alias/family_services_wagtailcore_page$", 200)
    transport.answer(
        "GET",
        r"^/_alias/family_services_wagtailcore_page$",
        200,
        {"family_services_wagtailcore_page_a1b2c3d": {"aliases": {}}},
    )
    SynonymSet.objects.create(language="en", terms="childminder, home based childcare")

    assert update_synonyms() == ["family_services_wagtailcore_page_a1b2c3d"]

    changes = [r for r in transport.requests if r.method in ("POST", "PUT")]
    assert [(r.method, r.path) for r in changes] == [
        ("POST", "/family_services_wagtailcore_page_a1b2c3d/_close"),
        ("PUT", "/family_services_wagtailcore_page_a1b2c3d/_settings"),
        ("POST", "/family_services_wagtailcore_page_a1b2c3d/_open"),
    ]
    sent = changes[1].body["analysis"]
    assert "childminder, home based childcare" in sent["filter"]["family_en_synonyms"]["synonyms"]


def test_an_editor_saving_a_set_updates_elasticsearch(
    elasticsearch, monkeypatch, django_capture_on_commit_callbacks
):
    connect_signals()
    transport = record_requests(elasticsearch, monkeypatch)
    transport.answer("HEAD", r"^/family_services_", 200)  # indices, not aliases

    with django_capture_on_commit_callbacks(execute=True):
        SynonymSet.objects.create(language="en", terms="health visitor, hv")

    [settings_request] = transport.sent("PUT", r"^/family_services_wagtailcore_page/_settings$")
    synonyms = settings_request.body["analysis"]["filter"]["family_en_synonyms"]
    assert "health visitor, hv" in synonyms["synonyms"]


def test_an_editor_can_save_a_set_while_elasticsearch_is_down(
    elasticsearch, caplog, django_capture_on_commit_callbacks
):
    connect_signals()

    with (
        caplog.at_level(logging.WARNING, logger="search.elasticsearch.synonyms"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        SynonymSet.objects.create(language="en", terms="sure start, family hub")

    assert SynonymSet.objects.filter(terms="sure start, family hub").exists()
    assert "run manage.py update_index" in caplog.text


def test_without_elasticsearch_saving_a_set_sends_nothing(
    settings, django_capture_on_commit_callbacks
):
    connect_signals()

    with django_capture_on_commit_callbacks() as callbacks:
        SynonymSet.objects.create(language="en", terms="cot death, sids")

    assert "elasticsearch" not in settings.WAGTAILSEARCH_BACKENDS
    assert _update_after_commit not in callbacks
