"""Related policies and topics follow the reader's language: each once, both ways."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from home.models import PolicyPage
from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory, PolicyTopicFactory

pytestmark = pytest.mark.django_db


def _translate(page, locale, title):
    """A translated copy, as wagtail-localize makes it: links and topics copied as they are."""
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    return PolicyPage.objects.get(pk=copy.pk) if isinstance(page, PolicyPage) else copy


@pytest.fixture
def library(home_page, arabic_home_page, locales):
    """Two related policies with a topic, in English and Arabic."""
    index = PolicyIndexPageFactory(parent=home_page)
    topic = PolicyTopicFactory(name="Safeguarding", slug="safeguarding")
    behaviour = PolicyPageFactory(parent=index, title="Behaviour policy")
    complaints = PolicyPageFactory(parent=index, title="Complaints policy")
    behaviour.topics.add(topic)
    behaviour.related_policies.create(related=complaints)
    behaviour.save_revision().publish()

    arabic_topic = topic.copy_for_translation(locales["ar"])
    arabic_topic.name = "الحماية"
    arabic_topic.save()
    _translate(index, locales["ar"], "السياسات")
    return {
        "index": index,
        "behaviour": behaviour,
        "complaints": complaints,
        "ar_behaviour": _translate(behaviour, locales["ar"], "سياسة السلوك"),
        "ar_complaints": _translate(complaints, locales["ar"], "سياسة الشكاوى"),
    }


def _related_links(response):
    html = response.content.decode()
    if 'id="related-heading"' not in html:
        return []
    nav = html.split('id="related-heading"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)">([^<]+)</a>', nav)


def test_arabic_policy_links_to_the_arabic_related_policy(client, library):
    links = _related_links(client.get(library["ar_behaviour"].url))
    assert links == [(library["ar_complaints"].url, "سياسة الشكاوى")]
    assert library["ar_complaints"].url.startswith("/ar/")


def test_arabic_related_policy_links_back(client, library):
    links = _related_links(client.get(library["ar_complaints"].url))
    assert links == [(library["ar_behaviour"].url, "سياسة السلوك")]


def test_english_policy_lists_each_related_policy_once_in_english(client, library):
    assert _related_links(client.get(library["complaints"].url)) == [
        (library["behaviour"].url, "Behaviour policy")
    ]
    assert _related_links(client.get(library["behaviour"].url)) == [
        (library["complaints"].url, "Complaints policy")
    ]


def test_untranslated_related_policy_is_shown_once_in_english(client, library, locales):
    hygiene = PolicyPageFactory(parent=library["index"], title="Hygiene policy")
    library["ar_behaviour"].related_policies.create(related=hygiene)
    library["ar_behaviour"].save_revision().publish()
    links = _related_links(client.get(library["ar_behaviour"].url))
    assert (hygiene.url, "Hygiene policy") in links
    assert len(links) == 2
    # The link made in Arabic shows on the English policy too: it links the policies.
    assert (hygiene.url, "Hygiene policy") in _related_links(client.get(library["behaviour"].url))


def test_arabic_policy_shows_arabic_topics(client, library):
    response = client.get(library["ar_behaviour"].url)
    assertContains(response, "الحماية")
    assertNotContains(response, "Safeguarding")
    assertContains(client.get(library["behaviour"].url), "Safeguarding")


def test_arabic_policy_library_lists_and_filters_by_arabic_topic(client, library):
    index_url = library["ar_behaviour"].get_parent().url
    response = client.get(index_url, {"topic": "safeguarding"})
    assertContains(response, "سياسة السلوك")
    assertNotContains(response, "سياسة الشكاوى")
    assertContains(response, "الحماية")
    assertNotContains(response, ">Safeguarding<")


def test_admin_offers_a_translated_policy_only_its_own_languages_topics(client, library, superuser):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{library['ar_behaviour'].pk}/edit/")
    topics = response.context["form"].fields["topics"]
    assert [topic.name for topic in topics.queryset] == ["الحماية"]
    assert response.context["form"].initial["topics"] == [topics.queryset.get().pk]
