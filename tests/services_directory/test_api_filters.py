"""The API's list filters, and its answers to values it cannot use."""

import datetime
import zoneinfo

import pytest
import time_machine

from services_directory.models import DELIVERY_MODES, DELIVERY_TAXONOMY_ID, ServicePage
from tests.directory_support import result_names, search
from tests.factories.services_directory import (
    DirectoryPageFactory,
    LocationFactory,
    OrganisationFactory,
    ServicePageFactory,
    TaxonomyFactory,
    TaxonomyTermFactory,
)
from tests.hostile import HOSTILE_VALUES
from tests.services_directory.fixtures.oruk import API

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def names(client, **params):
    response = client.get(API + "/services", params)
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["contents"]]


def time(text):
    return datetime.time.fromisoformat(text)


@pytest.mark.django_db
def test_search_finds_services_by_keyword_among_the_filtered_ones(client, directory):
    ServicePageFactory(
        parent=directory,
        title="Baby massage",
        description="Gentle massage for babies.",
        minimum_age=0,
        maximum_age=1,
    )
    ServicePageFactory(
        parent=directory,
        title="Toddler massage",
        description="Massage for toddlers.",
        minimum_age=2,
        maximum_age=3,
    )
    ServicePageFactory(
        parent=directory,
        title="Chess club",
        description="Board games.",
        minimum_age=8,
        maximum_age=11,
    )

    assert sorted(names(client, search="massage")) == ["Baby massage", "Toddler massage"]
    assert names(client, search="massage", minimum_age=2) == ["Toddler massage"]
    assert names(client, search="juggling") == []


@pytest.mark.django_db
def test_taxonomy_term_and_taxonomy_filters(client, directory):
    council = TaxonomyFactory(name="Council categories")
    other = TaxonomyFactory(name="LGA services")
    play = TaxonomyTermFactory(taxonomy=council, name="Play")
    advice = TaxonomyTermFactory(taxonomy=other, name="Advice")
    ServicePageFactory(parent=directory, title="Stay and play", categories=[play])
    ServicePageFactory(parent=directory, title="Benefits advice", categories=[advice])

    assert names(client, taxonomy_term_id=str(play.translation_key)) == ["Stay and play"]
    assert names(client, taxonomy_id=str(other.translation_key)) == ["Benefits advice"]
    assert names(client, taxonomy_term_id="00000000-0000-4000-8000-000000000000") == []


@pytest.mark.django_db
def test_a_term_finds_services_filed_under_the_terms_below_it(client, directory):
    early = TaxonomyTermFactory(name="Early learning and childcare", slug="early-learning")
    nursery = TaxonomyTermFactory(name="Nursery places", slug="nursery", parent=early)
    funded = TaxonomyTermFactory(name="Funded places for 2-year-olds", parent=nursery)
    parenting = TaxonomyTermFactory(name="Parenting and family support", slug="parenting")
    for title, term in [
        ("Childcare advice", early),
        ("Oak Hall nursery", nursery),
        ("Two-year-old offer", funded),
        ("Dads' group", parenting),
    ]:
        ServicePageFactory(
            parent=directory, title=title, categories=[term], locations=[LocationFactory()]
        )

    assert names(client, taxonomy_term_id=str(early.translation_key)) == [
        "Childcare advice",
        "Oak Hall nursery",
        "Two-year-old offer",
    ]
    assert names(client, taxonomy_term_id=str(nursery.translation_key)) == [
        "Oak Hall nursery",
        "Two-year-old offer",
    ]
    assert names(client, taxonomy_term_id=str(funded.translation_key)) == ["Two-year-old offer"]
    sals = client.get(
        API + "/service_at_locations", {"taxonomy_term_id": str(early.translation_key)}
    ).json()["contents"]
    assert [item["service"]["name"] for item in sals] == [
        "Childcare advice",
        "Oak Hall nursery",
        "Two-year-old offer",
    ]
    # The directory page lists the same services under a category (its filter looks one level
    # down, so it is compared where the tree is two levels deep).
    page = search(client, directory, category="nursery")
    assert result_names(page) == ["Oak Hall nursery", "Two-year-old offer"]


@pytest.mark.django_db
def test_delivery_terms_filter_like_any_other_term(client, directory):
    ServicePageFactory(
        parent=directory,
        title="Phone advice line",
        delivered_in_person=False,
        delivered_by_phone=True,
    )
    ServicePageFactory(parent=directory, title="Drop-in clinic")

    phone = str(DELIVERY_MODES["telephone"]["id"])
    assert names(client, taxonomy_term_id=phone) == ["Phone advice line"]
    assert len(names(client, taxonomy_id=str(DELIVERY_TAXONOMY_ID))) == 2


@pytest.mark.django_db
def test_organization_filter(client, directory):
    trust = OrganisationFactory(name="Bramble Trust")
    ServicePageFactory(parent=directory, title="Toy library", organisation=trust)
    ServicePageFactory(parent=directory, title="Youth club")

    assert names(client, organization_id=str(trust.translation_key)) == ["Toy library"]


@pytest.mark.django_db
def test_postcode_and_proximity_keep_nearby_services_nearest_first(client, directory):
    # CR0 1 sector centroid is near (51.376, -0.099); Purley is ~5 km south, Brighton ~65 km.
    near = LocationFactory(name="Elm Road", latitude=51.3762, longitude=-0.0982)
    purley = LocationFactory(
        name="Purley", latitude=51.3376, longitude=-0.1136, postal_code="CR8 2AA"
    )
    brighton = LocationFactory(
        name="Brighton", latitude=50.8225, longitude=-0.1372, postal_code="BN1 1AA"
    )
    ServicePageFactory(parent=directory, title="A far service", locations=[brighton])
    ServicePageFactory(parent=directory, title="B middling service", locations=[purley])
    ServicePageFactory(parent=directory, title="C near service", locations=[near])
    ServicePageFactory(parent=directory, title="D online only")

    assert names(client, postcode="CR0 1AB", proximity=10000) == [
        "C near service",
        "B middling service",
    ]
    assert names(client, postcode="cr01ab", proximity=2000) == ["C near service"]
    # Without proximity: every service, nearest first, those with no place last.
    assert names(client, postcode="CR0") == [
        "C near service",
        "B middling service",
        "A far service",
        "D online only",
    ]


@pytest.mark.django_db
def test_service_at_locations_filter_by_distance_too(client, directory):
    near = LocationFactory(name="Elm Road", latitude=51.3762, longitude=-0.0982)
    far = LocationFactory(name="Brighton", latitude=50.8225, longitude=-0.1372)
    ServicePageFactory(parent=directory, title="Two places", locations=[far, near])

    response = client.get(API + "/service_at_locations", {"postcode": "CR0 1AB", "proximity": 3000})
    assert [item["location"]["name"] for item in response.json()["contents"]] == ["Elm Road"]


@pytest.mark.django_db
def test_age_filters_keep_services_whose_age_range_overlaps(client, directory):
    ServicePageFactory(parent=directory, title="Babies", minimum_age=0, maximum_age=1)
    ServicePageFactory(parent=directory, title="Under fives", minimum_age=0, maximum_age=5)
    ServicePageFactory(parent=directory, title="Teens", minimum_age=13, maximum_age=19)
    ServicePageFactory(parent=directory, title="Everyone", minimum_age=None, maximum_age=None)

    assert names(client, minimum_age=3) == ["Everyone", "Teens", "Under fives"]
    assert names(client, maximum_age=1) == ["Babies", "Everyone", "Under fives"]
    assert names(client, minimum_age=4, maximum_age=12) == ["Everyone", "Under fives"]


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["SA", "sa", "saturday", "Saturday"])
def test_day_accepts_a_code_or_an_english_name(client, directory, day):
    ServicePageFactory(
        parent=directory,
        title="Saturday club",
        schedules=[{"byday": "SA", "opens_at": time("10:00"), "closes_at": time("12:00")}],
    )
    ServicePageFactory(
        parent=directory,
        title="Weekday club",
        schedules=[{"byday": "MO,TU", "opens_at": time("10:00"), "closes_at": time("12:00")}],
    )

    assert names(client, day=day) == ["Saturday club"]


@pytest.mark.django_db
def test_start_and_end_time_keep_sessions_within_the_hours(client, directory):
    ServicePageFactory(
        parent=directory,
        title="Morning",
        schedules=[{"byday": "MO", "opens_at": time("09:30"), "closes_at": time("11:30")}],
    )
    ServicePageFactory(
        parent=directory,
        title="Evening",
        schedules=[{"byday": "MO", "opens_at": time("18:00"), "closes_at": time("20:00")}],
    )
    ServicePageFactory(
        parent=directory,
        title="Tuesday morning",
        schedules=[{"byday": "TU", "opens_at": time("09:30"), "closes_at": time("11:30")}],
    )

    assert names(client, start_time="17:00") == ["Evening"]
    assert names(client, end_time="12:00") == ["Morning", "Tuesday morning"]
    assert names(client, day="MO", start_time="09:00", end_time="12:00") == ["Morning"]


@pytest.mark.django_db
def test_modified_after_keeps_recently_changed_services(client, directory):
    with time_machine.travel(datetime.datetime(2024, 1, 10, 12, tzinfo=LONDON), tick=False):
        ServicePageFactory(parent=directory, title="Old listing")
    with time_machine.travel(datetime.datetime(2024, 6, 10, 12, tzinfo=LONDON), tick=False):
        ServicePageFactory(parent=directory, title="New listing")

    assert names(client, modified_after="2024-03-01T00:00:00Z") == ["New listing"]
    assert names(client, modified_after="2024-03-01") == ["New listing"]
    assert names(client, modified_after="2024-06-10T12:00:00+01:00") == ["New listing"]
    assert names(client, modified_after="2024-06-10T12:00:01+01:00") == []


@pytest.mark.django_db
def test_lists_of_other_things_filter_too(client, directory):
    taxonomy = TaxonomyFactory(name="Council categories")
    parent = TaxonomyTermFactory(taxonomy=taxonomy, name="Health")
    TaxonomyTermFactory(taxonomy=taxonomy, name="Health visiting", parent=parent)
    OrganisationFactory(name="Bramble Trust")
    OrganisationFactory(name="Oak Foundation")

    terms = client.get(API + "/taxonomy_terms", {"parent_id": str(parent.translation_key)}).json()
    assert [item["name"] for item in terms["contents"]] == ["Health visiting"]
    top = client.get(
        API + "/taxonomy_terms", {"taxonomy_id": str(taxonomy.translation_key), "top_only": "true"}
    ).json()
    assert [item["name"] for item in top["contents"]] == ["Health"]
    organisations = client.get(API + "/organizations", {"search": "bramble"}).json()
    assert [item["name"] for item in organisations["contents"]] == ["Bramble Trust"]


BAD_VALUES = [
    ("page", "0"),
    ("page", "abc"),
    ("page", "-1"),
    ("page", "99999999999999999999"),
    ("per_page", "0"),
    ("per_page", "501"),
    ("per_page", "1e309"),
    ("proximity", "-5"),
    ("proximity", "1e309"),
    ("proximity", "nan"),
    ("postcode", "<script>alert(1)</script>"),
    ("postcode", "ZZ99 9ZZ"),
    ("day", "funday"),
    ("start_time", "25:99"),
    ("end_time", "9am"),
    ("modified_after", "yesterday"),
    ("modified_after", "2024-13-45T00:00:00Z"),
    ("minimum_age", "-1"),
    ("minimum_age", "abc"),
    ("maximum_age", "1e309"),
    ("taxonomy_id", "not-a-uuid"),
    ("taxonomy_term_id", "{3f7b145d-84af-42d7-8fae-eaca714b02b2}"),
    ("organization_id", "urn:uuid:3f7b145d-84af-42d7-8fae-eaca714b02b2"),
    ("search", "x" * 5000),
    ("search", "a\x00b"),
    ("full", "perhaps"),
    ("format", "ndjson"),
]


def assert_bad_request(response, parameter):
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["code"] == 400
    assert data["message"]
    assert parameter in [error["parameter"] for error in data["errors"]]
    body = response.content.decode()
    assert "<script" not in body and "<img" not in body and "\x00" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(("parameter", "value"), BAD_VALUES)
def test_values_it_cannot_use_are_a_400_naming_the_parameter(client, directory, parameter, value):
    extra = {"postcode": "CR0 1AB"} if parameter == "proximity" else {}
    response = client.get(API + "/services", {parameter: value, **extra})
    assert_bad_request(response, parameter)


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize(
    "parameter",
    [
        "page",
        "per_page",
        "postcode",
        "proximity",
        "minimum_age",
        "day",
        "start_time",
        "modified_after",
        "taxonomy_id",
        "search",
    ],
)
def test_hostile_values_never_cause_an_error_page(client, directory, parameter, value):
    response = client.get(
        API + "/services",
        {parameter: value, "postcode": "CR0"} if parameter == "proximity" else {parameter: value},
    )

    assert response.status_code in (200, 400)
    assert response["Content-Type"].startswith("application/json")
    body = response.content.decode()
    assert "<script" not in body and "onerror" not in body
    if response.status_code == 400:
        assert parameter in [error["parameter"] for error in response.json()["errors"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/services", "/service_at_locations", "/organizations", "/taxonomies", "/taxonomy_terms"],
)
def test_a_parameter_given_twice_is_a_400(client, directory, path):
    response = client.get(API + path + "?page=1&page=2")
    assert_bad_request(response, "page")


@pytest.mark.django_db
def test_every_bad_parameter_is_listed_at_once(client, directory):
    response = client.get(API + "/services", {"page": "0", "day": "funday", "proximity": "5"})

    assert {error["parameter"] for error in response.json()["errors"]} == {
        "page",
        "day",
        "proximity",
    }


@pytest.mark.django_db
def test_inconsistent_ranges_are_a_400(client, directory):
    assert_bad_request(
        client.get(API + "/services", {"minimum_age": 10, "maximum_age": 5}), "maximum_age"
    )
    assert_bad_request(
        client.get(API + "/services", {"start_time": "12:00", "end_time": "09:00"}), "end_time"
    )


@pytest.mark.django_db
def test_unusual_unicode_search_is_answered(client, directory):
    ServicePageFactory(parent=directory, title="Café drop-in")
    for value in ["café", "\u202e\u200b\ufeff", "🙂" * 50, "\uff23\uff21\uff26\uff25"]:
        response = client.get(API + "/services", {"search": value})
        assert response.status_code == 200
    assert ServicePage.objects.count() == 1
