"""A service open on Saturday is found by "weekend", though its words never say so."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from search.models import SynonymSet
from tests.directory_support import session
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


def test_the_days_a_service_runs_are_searched(client, home_page):
    directory = DirectoryPageFactory(parent=home_page)
    football = ServicePageFactory(
        parent=directory,
        title="Football for under-tens",
        description="Coaching on the big field.",
        schedules=[session("SA", (10, 0), (12, 0))],
    )
    ServicePageFactory(
        parent=directory,
        title="Toddler music",
        description="Songs and rhymes.",
        schedules=[session("TU", (10, 0), (11, 0))],
    )
    # Published as an editor would: the factory adds the schedules after the first save.
    football.save_revision().publish()
    SynonymSet.objects.get_or_create(terms="weekend, saturday, sunday")
    response = client.get(directory.url, {"q": "activities at the weekend"})
    assertContains(response, "Football for under-tens")
    assertNotContains(response, "Toddler music")
