"""A search asked again in the same content generation is answered from what was kept; a publish
shows the new page at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services_directory.finder import store
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db
SEARCH = "/en/search/"


@pytest.fixture(autouse=True)
def nothing_kept():
    store.forget()
    yield
    store.forget()


def queries_for(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params, HTTP_COOKIE="editor=1")
    assert response.status_code == 200
    return response, len(queries)


def test_the_same_search_again_costs_fewer_queries(client, home_page):
    for number in range(3):
        ContentPageFactory(parent=home_page, title=f"Toddler group {number}")

    first, first_queries = queries_for(client, q="toddler", page="1", type="pages")
    again, again_queries = queries_for(client, q="toddler", page="1", type="pages")

    assert again_queries < first_queries
    assert again.content.count(b"Toddler group") == first.content.count(b"Toddler group") >= 3


def test_a_page_published_after_a_search_is_found_at_once(client, home_page):
    ContentPageFactory(parent=home_page, title="Toddler group at the library")
    first, _ = queries_for(client, q="toddler", type="pages")
    assert b"Toddler swimming" not in first.content

    ContentPageFactory(parent=home_page, title="Toddler swimming")
    again, _ = queries_for(client, q="toddler", type="pages")

    assert b"Toddler swimming" in again.content
    assert b"Toddler group at the library" in again.content
