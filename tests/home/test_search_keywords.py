"""'Also known as' keywords: search finds a page by them, and no public page ever shows them."""

from html.parser import HTMLParser

import pytest
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import get_page_models

from home.models import BasePage
from tests.factories.home import ContentPageFactory
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

# Made-up words that no template, page or translation holds, so any sighting is the field.
SEARCHED = "zorbleflap"
NEVER_SEARCHED = "quixwobble"
KEYWORDS = f"{SEARCHED}, {NEVER_SEARCHED}, nursery funding"
RESULT_CLASSES = {"app-search-result", "app-service-result"}


class _ResultText(HTMLParser):
    """The text inside each result of the site search or the directory, in order."""

    def __init__(self):
        super().__init__()
        self.items, self._depth = [], 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._depth:
            self._depth += tag == "li"
        elif tag == "li" and RESULT_CLASSES & set(classes):
            self._depth = 1
            self.items.append("")

    def handle_endtag(self, tag):
        if self._depth and tag == "li":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.items[-1] += data


def result_items(response):
    parser = _ResultText()
    parser.feed(response.content.decode())
    return parser.items


@pytest.fixture
def guidance(home_page):
    return ContentPageFactory(
        parent=home_page, title="Help with childcare costs", search_keywords=KEYWORDS
    )


@pytest.fixture
def listing(home_page):
    directory = DirectoryPageFactory(parent=home_page)
    return ServicePageFactory(
        parent=directory, title="Free early learning for 2 year olds", search_keywords=KEYWORDS
    )


def test_every_page_type_has_keywords_that_search_indexes():
    page_types = [model for model in get_page_models() if issubclass(model, BasePage)]
    names = {model.__name__ for model in page_types}
    assert {"ContentPage", "PolicyPage", "ServicePage", "ConsultationPage"} <= names
    for model in page_types:
        indexed = [field.field_name for field in model.get_search_fields()]
        assert "search_keywords" in indexed, model.__name__


def test_site_search_finds_a_page_by_a_keyword_its_text_lacks(client, guidance, listing):
    response = client.get("/en/search/", {"q": SEARCHED})
    assertContains(response, "Help with childcare costs")
    assertContains(response, "Free early learning for 2 year olds")


def test_site_search_results_never_show_the_keywords(client, guidance, listing):
    response = client.get("/en/search/", {"q": SEARCHED})
    items = result_items(response)
    assert len(items) == 2  # found by the keyword, so a snippet could be made from it
    assert not [item for item in items if SEARCHED in item or NEVER_SEARCHED in item]
    assertNotContains(response, NEVER_SEARCHED)


def test_directory_finds_a_listing_by_a_keyword_and_never_shows_the_keywords(client, listing):
    response = client.get(listing.get_parent().url, {"q": SEARCHED})
    items = result_items(response)
    assert len(items) == 1
    assert "Free early learning for 2 year olds" in items[0]
    assert SEARCHED not in items[0]
    assertNotContains(response, NEVER_SEARCHED)


@pytest.mark.parametrize("fixture", ["guidance", "listing"])
def test_the_page_itself_never_shows_its_keywords(client, request, fixture):
    page = request.getfixturevalue(fixture)
    response = client.get(page.url)
    assert response.status_code == 200
    assertNotContains(response, SEARCHED)
    assertNotContains(response, NEVER_SEARCHED)


def test_editors_find_the_keywords_in_the_promote_tab(admin_client, guidance):
    response = admin_client.get(f"/admin/pages/{guidance.pk}/edit/")
    assertContains(response, "For this site&#x27;s search")
    assertContains(response, 'name="search_keywords"')
    assertContains(response, "Searched, never shown.")
    assertContains(response, NEVER_SEARCHED)  # kept for the editor to change
