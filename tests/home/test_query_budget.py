"""Public pages make a fixed number of SQL queries, however long their lists grow."""

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.home import ContentPageFactory, PolicyIndexPageFactory, PolicyPageFactory

# Cache reads are SQL queries here, as in production without Redis.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_cache")]
QUERY_BUDGET = 15


def _cold_queries(client, url):
    """The first view after a restart or an emptied cache: nothing kept from before."""
    cache.clear()
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _queries(client, url):
    client.get(url)  # warm the site-root cache, as any running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_home_page_queries_stay_flat_as_menus_grow(client, home_page):
    for n in range(2):
        ContentPageFactory(parent=home_page, show_in_menus=True, title=f"Section {n}")
    few = _queries(client, "/en/")
    for n in range(2, 20):
        ContentPageFactory(parent=home_page, show_in_menus=True, title=f"Section {n}")
    many = _queries(client, "/en/")
    assert few == many
    assert many <= QUERY_BUDGET


def test_the_first_home_page_after_a_change_costs_the_same_however_long_the_menu(client, home_page):
    for n in range(2):
        ContentPageFactory(parent=home_page, show_in_menus=True, title=f"Section {n}")
    few = _cold_queries(client, "/en/")
    for n in range(2, 20):
        ContentPageFactory(parent=home_page, show_in_menus=True, title=f"Section {n}")
    many = _cold_queries(client, "/en/")
    assert few == many


def test_policy_index_queries_stay_flat_as_policies_grow(client, home_page):
    index = PolicyIndexPageFactory(parent=home_page)
    PolicyPageFactory(parent=index)
    few = _queries(client, index.url)
    for _ in range(15):
        PolicyPageFactory(parent=index)
    many = _queries(client, index.url)
    assert few == many
    assert many <= QUERY_BUDGET


def test_content_page_queries_stay_flat_as_children_grow(client, home_page):
    parent = ContentPageFactory(parent=home_page)
    ContentPageFactory(parent=parent)
    few = _queries(client, parent.url)
    for _ in range(15):
        ContentPageFactory(parent=parent)
    many = _queries(client, parent.url)
    assert few == many
    assert many <= QUERY_BUDGET


def test_policy_page_queries_stay_flat_as_related_policies_grow(client, home_page):
    index = PolicyIndexPageFactory(parent=home_page)
    policy = PolicyPageFactory(parent=index)

    def relate(count):
        for _ in range(count):
            policy.related_policies.create(related=PolicyPageFactory(parent=index))
        policy.save_revision().publish()

    relate(1)
    few = _queries(client, policy.url)
    relate(10)
    many = _queries(client, policy.url)
    assert few == many
    assert many <= QUERY_BUDGET
