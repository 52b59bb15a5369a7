import time
import pytest
from tests.services_directory.test_directory_queries import add_services, URLS
from tests.services_directory.test_search import directory, place, NEAR, MIDDLE
from tests.factories.services_directory import TaxonomyTermFactory
pytestmark = pytest.mark.django_db

N = 10000

def test_timing(client, directory):
    play = TaxonomyTermFactory(name="Play", slug="play")
    health = TaxonomyTermFactory(name="Health", slug="health")
    locations = [place(NEAR, "Croydon centre"), place(MIDDLE, "South Norwood centre")]
    add_services(directory, N, categories=[play, health], locations=locations)
    for url in URLS + ["?q=stories", "?q=stories&sort=name", "?q=stories&postcode=CR0"]:
        client.get(directory.url+url)
        t=time.monotonic(); client.get(directory.url+url); print(url, round(time.monotonic()-t,3))
    import cProfile, pstats
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    url = "?q=stories&postcode=CR0"
    import sqlite3
    pr=cProfile.Profile(); pr.enable()
    with CaptureQueriesContext(connection) as q:
        client.get(directory.url+url)
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(8)
    assert 0
