"""The directory's keyword box corrects spelling as the site search does, and says so."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from search.vocabulary import rebuild_vocabulary
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    directory = DirectoryPageFactory(parent=home_page)
    ServicePageFactory(parent=directory, title="Swimming lessons for toddlers")
    ServicePageFactory(parent=directory, title="Toddler music", description="Songs and rhymes.")
    rebuild_vocabulary()
    return directory


def test_a_misspelt_keyword_finds_the_service_and_offers_the_words_as_typed(client, directory):
    response = client.get(directory.url, {"q": "swiming", "category": ""})

    assertContains(response, "Swimming lessons for toddlers")
    assertNotContains(response, "Toddler music")
    assertContains(
        response,
        "Showing results for <strong>swimming</strong>. Search instead for "
        '<a class="govuk-link" href="?q=swiming&amp;category=&amp;spelling=exact">swiming</a>',
    )


def test_searching_as_typed_keeps_the_spelling_through_the_filters(client, directory):
    response = client.get(directory.url, {"q": "swiming", "spelling": "exact"})

    assertNotContains(response, "Showing results for")
    assertNotContains(response, "Swimming lessons for toddlers")
    assertContains(response, '<input type="hidden" name="spelling" value="exact">')


def test_a_correct_keyword_shows_no_spelling_notice(client, directory):
    response = client.get(directory.url, {"q": "swimming"})

    assertContains(response, "Swimming lessons for toddlers")
    assertNotContains(response, "Showing results for")


def test_the_keyword_box_offers_service_titles_as_you_type(client, directory):
    response = client.get(directory.url)

    assertContains(response, 'data-app-autocomplete="/en/search/suggestions/?type=services"')
