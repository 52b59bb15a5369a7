"""Against a real Elasticsearch 8 server: pages indexed, then found as families search for them.

Skipped unless ELASTICSEARCH_URL is set, e.g. with a server from the README's "Elasticsearch
(optional)" section:

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest \
        tests/search/test_elasticsearch_server.py

Each run uses its own index names and deletes them afterwards.
"""

import io
import os
import uuid

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from search import backends
from search.elasticsearch import update_synonyms
from search.fallback import paginate_with_fallback, search_with_fallback
from search.models import SynonymSet
from tests.factories.home import ContentPageFactory
from tests.search.test_elasticsearch_index import elasticsearch_settings

URL = os.environ.get("ELASTICSEARCH_URL", "")
if not URL:
    pytest.skip(
        "Set ELASTICSEARCH_URL=http://… to run against a real Elasticsearch 8 server",
        allow_module_level=True,
    )

pytestmark = pytest.mark.django_db
PREFIX = f"test_family_{uuid.uuid4().hex[:8]}"


@pytest.fixture
def elasticsearch(settings, monkeypatch):
    monkeypatch.setitem(backends._elasticsearch, "down_until", 0.0)
    monkeypatch.setitem(backends._elasticsearch, "down", False)
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_settings(URL, INDEX=PREFIX, TIMEOUT=30)
    backend = backends.elasticsearch_backend()
    yield backend
    # By name: Elasticsearch 8 refuses to delete indices by wildcard.
    for name in backend.es.indices.get(index=f"{PREFIX}_*"):
        backend.es.indices.delete(index=name)


def build_index():
    """What `manage.py update_index` does, for the Elasticsearch backend only."""
    call_command("update_index", backend_name="elasticsearch", stdout=io.StringIO())


def synonyms(language, terms):
    SynonymSet.objects.get_or_create(language=language, terms=terms)


@pytest.fixture
def pages(home_page):
    def page(title, introduction="<p>Ask us about it.</p>"):
        return ContentPageFactory(parent=home_page, title=title, introduction=introduction)

    return {
        "adhd": page(
            "Support for attention deficit hyperactivity disorder",
            "<p>Help for parents whose child has been diagnosed.</p>",
        ),
        "swimming": page("Family swimming lessons"),
        "clinic": page("Baby clinic", "<p>Weigh-ins every Tuesday.</p>"),
        "antenatal": page(
            "Antenatal classes",
            "<p>Before your baby is born: feeding your baby, and your baby's sleep.</p>",
        ),
        "send": page(
            "Local offer",
            "<p>Services for children with special educational needs and disabilities.</p>",
        ),
        "childminders": page("Registered home carers", "<p>Care in the carer's own home.</p>"),
    }


def english(home_page):
    return Page.objects.live().filter(locale=home_page.locale)


def titles(backend, query, pages, **kwargs):
    return [page.title for page in backend.search(query, pages, **kwargs)[:10]]


def test_own_words_with_an_acronym_find_the_page_that_spells_it_out(
    elasticsearch, pages, home_page
):
    synonyms("en", "adhd, attention deficit hyperactivity disorder")
    build_index()

    found = titles(elasticsearch, "my son has ADHD", english(home_page))

    assert found[0] == "Support for attention deficit hyperactivity disorder"


def test_a_misspelling_finds_the_page(elasticsearch, pages, home_page):
    build_index()

    found = titles(elasticsearch, "swiming lesons", english(home_page))

    assert found[0] == "Family swimming lessons"


def test_a_page_named_for_the_word_comes_before_one_that_mentions_it(
    elasticsearch, pages, home_page
):
    build_index()

    found = titles(elasticsearch, "baby", english(home_page))

    assert found.index("Baby clinic") < found.index("Antenatal classes"), found


def test_a_synonym_with_a_stop_word_inside_still_matches(elasticsearch, pages, home_page):
    synonyms("en", "send, special educational needs and disabilities")
    build_index()

    assert titles(elasticsearch, "send", english(home_page))[:1] == ["Local offer"]


def test_new_synonyms_reach_an_index_already_built(elasticsearch, pages, home_page):
    build_index()
    assert "Registered home carers" not in titles(elasticsearch, "childminder", english(home_page))

    synonyms("en", "childminder, registered home carer")
    update_synonyms()

    assert titles(elasticsearch, "childminder", english(home_page))[:1] == [
        "Registered home carers"
    ]


def test_arabic_pages_are_found_in_arabic_and_kept_apart(
    elasticsearch, pages, arabic_home_page, home_page
):
    ContentPageFactory(
        parent=arabic_home_page,
        locale=arabic_home_page.locale,
        title="دروس السباحة للأطفال",
        introduction="<p>دروس السباحة للعائلات كل يوم سبت.</p>",
    )
    build_index()
    arabic = Page.objects.live().filter(locale=arabic_home_page.locale)

    with translation.override("ar"):
        found = titles(elasticsearch, "السباحة", arabic)
        english_found = titles(elasticsearch, "السباحة", english(home_page))

    assert found == ["دروس السباحة للأطفال"]
    assert english_found == []


def test_the_fallback_uses_elasticsearch_while_it_answers(elasticsearch, pages, home_page):
    build_index()

    results, degraded = search_with_fallback(
        "swimming", english(home_page), stop=10, count=True, language="en"
    )
    page, page_degraded = paginate_with_fallback("baby", english(home_page), page=1, per_page=10)

    assert (degraded, page_degraded) == (False, False)
    assert [result.title for result in results] == ["Family swimming lessons"]
    assert results.total == 1
    assert {"Baby clinic", "Antenatal classes"} <= {result.title for result in page.object_list}
