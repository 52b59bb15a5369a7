"""A system polling modified_after hears of changes to what a service shows but does not own:
its places, its organisation and its categories."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services_directory.models import Location, ServicePage
from services_directory.openreferral import import_records
from tests.factories.services_directory import (
    DirectoryPageFactory,
    LocationFactory,
    OrganisationFactory,
    ServicePageFactory,
    TaxonomyFactory,
    TaxonomyTermFactory,
)
from tests.services_directory.fixtures.oruk import API, load

LONDON = zoneinfo.ZoneInfo("Europe/London")
JANUARY = datetime.datetime(2024, 1, 10, 12, tzinfo=LONDON)
JUNE = datetime.datetime(2024, 6, 10, 12, tzinfo=LONDON)
SINCE_MARCH = {"modified_after": "2024-03-01T00:00:00Z"}
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def listings(directory):
    """Three services published in January: two share a centre, an organisation and a term."""
    with time_machine.travel(JANUARY, tick=False):
        taxonomy = TaxonomyFactory(name="Council categories")
        term = TaxonomyTermFactory(taxonomy=taxonomy, name="Stay and play")
        centre = LocationFactory(name="Elm Road Children's Centre")
        trust = OrganisationFactory(name="Bramble Trust", email="hello@bramble.example.org")
        for title in ("Baby rhyme time", "Toddler stay and play"):
            ServicePageFactory(
                parent=directory,
                title=title,
                organisation=trust,
                locations=[centre],
                categories=[term],
            )
        ServicePageFactory(parent=directory, title="Chess club", locations=[LocationFactory()])
    return {"taxonomy": taxonomy, "term": term, "centre": centre, "trust": trust}


def changed_since_march(client):
    response = client.get(API + "/services", SINCE_MARCH)
    assert response.status_code == 200
    return [(item["name"], item["last_modified"]) for item in response.json()["contents"]]


def moved_to_june():
    return [
        ("Baby rhyme time", "2024-06-10T11:00:00Z"),
        ("Toddler stay and play", "2024-06-10T11:00:00Z"),
    ]


def new_address(listings):
    centre = listings["centre"]
    centre.address_1 = "1 Oak Lane"
    centre.save()


def new_email(listings):
    trust = listings["trust"]
    trust.email = "families@bramble.example.org"
    trust.save()


def renamed_term(listings):
    term = listings["term"]
    term.name = "Play and learning"
    term.save()


def renamed_taxonomy(listings):
    taxonomy = listings["taxonomy"]
    taxonomy.name = "Northbrook family services"
    taxonomy.save()


def deleted_organisation(listings):
    listings["trust"].delete()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change", [new_address, new_email, renamed_term, renamed_taxonomy, deleted_organisation]
)
def test_a_change_to_what_services_show_moves_their_last_modified(client, listings, change):
    assert changed_since_march(client) == []

    with time_machine.travel(JUNE, tick=False):
        change(listings)

    assert changed_since_march(client) == moved_to_june()


@pytest.mark.django_db
def test_the_services_move_in_one_update_not_a_save_each(listings):
    centre = Location.objects.get(pk=listings["centre"].pk)
    centre.address_1 = "1 Oak Lane"

    with CaptureQueriesContext(connection) as queries:
        centre.save()

    table = ServicePage._meta.db_table
    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE") and table in q["sql"]]
    assert len(updates) == 1
    assert len(queries) == 2  # the location, then its services


@pytest.mark.django_db
def test_a_new_location_moves_nothing(client, listings):
    with time_machine.travel(JUNE, tick=False):
        LocationFactory(name="Oak Hall")

    assert changed_since_march(client) == []


@pytest.mark.django_db
def test_an_import_keeps_the_feeds_own_date_and_moves_the_services_it_does_not_bring(
    client, directory
):
    record = load("validator-mocks/V3.0-UK-Default/service_full.json")
    import_records([record])
    imported = Location.objects.get()
    with time_machine.travel(JANUARY, tick=False):
        ServicePageFactory(parent=directory, title="Baby rhyme time", locations=[imported])
    moved = record | {
        "service_at_locations": [
            sal | {"location": sal["location"] | {"name": "MyCity Family Hub"}}
            for sal in record["service_at_locations"]
        ]
    }

    with time_machine.travel(JUNE, tick=False):
        report = import_records([moved])

    assert report.count("updated") == 1
    assert "last_modified" not in report.results[0].changes  # no revision to put it back
    assert changed_since_march(client) == [("Baby rhyme time", "2024-06-10T11:00:00Z")]
    service = client.get(f"{API}/services/{COUNSELLING}").json()
    assert service["last_modified"].startswith("2023-03-15T10:30:45.123")
    assert service["service_at_locations"][0]["location"]["name"] == "MyCity Family Hub"
    # And a second run of the same feed still changes nothing.
    assert [result.status for result in import_records([moved]).results] == ["unchanged"]


@pytest.mark.django_db
def test_an_import_moves_a_service_whose_record_gives_no_date_when_its_place_changes(
    client, directory
):
    record = load("validator-mocks/V3.0-UK-Default/service_full.json")
    del record["last_modified"]
    with time_machine.travel(JANUARY, tick=False):
        import_records([record])
    moved = record | {
        "service_at_locations": [
            sal | {"location": sal["location"] | {"name": "MyCity Family Hub"}}
            for sal in record["service_at_locations"]
        ]
    }

    with time_machine.travel(JUNE, tick=False):
        import_records([moved])

    assert changed_since_march(client) == [("Community Counselling", "2024-06-10T11:00:00Z")]
