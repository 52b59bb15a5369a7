"""The API's service list keeps its count and order per content generation (issue 9): a repeated
request does not count and sort every published service again, and a publish shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory
from tests.services_directory.fixtures.oruk import API

pytestmark = pytest.mark.django_db
PARAMS = {"per_page": 2, "search": "play"}


def _list(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(API + "/services", {**PARAMS, **params})
    assert response.status_code == 200
    return response.json(), [query["sql"].upper() for query in queries]


@pytest.fixture
def directory(home_page):
    directory = DirectoryPageFactory(parent=home_page)
    for number in range(3):
        ServicePageFactory(parent=directory, title=f"Stay and play {number}")
    return directory


def test_a_repeated_list_does_not_count_the_services_again(client, directory):
    first, first_sql = _list(client)
    again, again_sql = _list(client)
    assert again == first
    assert first["total_items"] == 3
    assert any("COUNT(" in sql for sql in first_sql)
    assert not any("COUNT(" in sql for sql in again_sql)
    assert len(again_sql) < len(first_sql)


def test_each_page_and_filter_is_its_own_answer(client, directory):
    first, _sql = _list(client)
    second, _sql = _list(client, page=2)
    assert [item["id"] for item in first["contents"]] != [item["id"] for item in second["contents"]]
    assert second["page_number"] == 2
    none, _sql = _list(client, search="swimming")
    assert none["total_items"] == 0


def test_a_published_service_is_listed_at_once(client, directory):
    before, _sql = _list(client)
    ServicePageFactory(parent=directory, title="Stay and play at the library")
    after, _sql = _list(client)
    assert after["total_items"] == before["total_items"] + 1
