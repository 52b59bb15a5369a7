"""The API's lists cost the same number of SQL queries whatever the size of the directory."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.services_directory import DirectoryPageFactory
from tests.services_directory.fixtures.oruk import API, many_services, schema_errors

LISTS = [
    ("/services", {"per_page": 500}),
    ("/services", {"per_page": 500, "full": "true"}),
    (
        "/services",
        {"per_page": 500, "full": "true", "postcode": "CR0 1AB", "proximity": 20000, "day": "SA"},
    ),
    ("/services", {"search": "service", "per_page": 500, "full": "true"}),
    ("/service_at_locations", {"per_page": 500, "full": "true"}),
]


def query_counts(client):
    counts = []
    for path, params in LISTS:
        client.get(API + path, params)  # as a running server has: the site already looked up
        with CaptureQueriesContext(connection) as queries:
            response = client.get(API + path, params)
        assert response.status_code == 200
        assert response.json()["size"] > 0, (path, params)
        counts.append(len(queries))
    return counts


@pytest.mark.django_db
def test_list_queries_stay_the_same_from_100_to_2000_services(client, home_page):
    directory = DirectoryPageFactory(parent=home_page)
    many_services(directory, 100)
    small = query_counts(client)

    many_services(directory, 1900)
    large = query_counts(client)

    assert small == large
    # Generated data of every shape still makes valid ORUK.
    page = client.get(API + "/services", {"per_page": 500, "full": "true"}).json()
    assert schema_errors(page, "service_list") == []
    assert [schema_errors(item, "service") for item in page["contents"][:100]] == [[]] * 100
    # Not just flat but small: a page, a count and one query per nested list.
    assert max(large) <= 20
