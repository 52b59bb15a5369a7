"""What the directory keeps between requests is never stale, and never another visitor's.

The sets behind the counts, the results' details and ranked pages are kept per content
generation (services_directory/finder/store.py); opening times also per date and per minute.
"""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.db.models import Q
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from foundation.page_cache import invalidate
from services_directory.finder import bits
from services_directory.finder.facets import category_members
from services_directory.finder.filters import (
    category_q,
    day_q,
    evenings_q,
    language_q,
    near_q,
    open_now_q,
    visible_services,
    weekends_q,
)
from services_directory.finder.index import DirectoryIndex
from services_directory.finder.terms import load_terms
from services_directory.geo.geocoder import GeoPoint
from services_directory.models import ServicePage, ServiceStatus
from tests.directory_support import (
    FAR,
    LONDON,
    MIDDLE,
    NEAR,
    charged,
    checkbox,
    option_text,
    page_text,
    place,
    result_names,
    search,
    service,
    session,
)
from tests.factories.services_directory import TaxonomyTermFactory
from tests.services_directory.test_directory_queries import QUERY_BUDGET, add_services

pytestmark = pytest.mark.django_db


def at(*parts):
    return time_machine.travel(datetime.datetime(*parts, tzinfo=LONDON), tick=False)


def test_a_publish_shows_at_once_in_counts_and_results(client, directory):
    service(directory, "Baby clinic")
    first = search(client, directory)
    assert checkbox(first, "free") == ("Free only (1)", False)
    assert result_names(search(client, directory)) == ["Baby clinic"]  # kept: the same again

    paid = service(directory, "Swimming lessons", cost_options=charged("4"))
    response = search(client, directory)
    assert result_names(response) == ["Baby clinic", "Swimming lessons"]
    assert checkbox(response, "free") == ("Free only (1)", False)
    assert "2 services found" in page_text(response)

    # An edit published through a revision shows at once, in the list and in what it says.
    paid.title = "Swimming for toddlers"
    paid.cost_options.all().delete()
    paid.save_revision().publish()
    response = search(client, directory)
    assert result_names(response) == ["Baby clinic", "Swimming for toddlers"]
    assert checkbox(response, "free") == ("Free only (2)", False)

    paid.unpublish()
    assert result_names(search(client, directory)) == ["Baby clinic"]


def test_open_now_count_moves_with_the_minute_without_a_publish(client, directory):
    service(directory, "Rhyme time", schedules=[session("SA", (10, 30), (11, 0))])

    with at(2026, 6, 6, 10, 29, 59):
        assert checkbox(search(client, directory), "open_now") == ("Open now (0)", True)
    with at(2026, 6, 6, 10, 30, 0):
        response = search(client, directory)
        assert checkbox(response, "open_now") == ("Open now (1)", False)
        assert result_names(search(client, directory, open_now="1")) == ["Rhyme time"]
    with at(2026, 6, 6, 11, 0, 0):
        assert result_names(search(client, directory, open_now="1")) == []


def test_day_counts_move_with_the_date_without_a_publish(client, directory):
    service(
        directory,
        "Saturday football",
        schedules=[session("SA", (10, 0), (12, 0))],
        holiday_closures=[
            {"start_date": datetime.date(2026, 6, 6), "end_date": datetime.date(2026, 6, 6)}
        ],
    )

    with at(2026, 6, 1, 9, 0):  # Monday: the coming Saturday is 6 June, when it is closed
        assert option_text(search(client, directory), "filter-day", "sat") is None
    with at(2026, 6, 7, 9, 0):  # Sunday: the coming Saturday is 13 June
        response = search(client, directory)
        assert option_text(response, "filter-day", "sat") == "Saturday 13 June (1)"


def test_kept_results_still_show_each_visitor_their_own_shortlist(client, directory):
    clinic = service(directory, "Baby clinic")
    service(directory, "Stay and play")
    client.post("/en/directory/shortlist/add/", {"service": clinic.translation_key.hex})
    other = client.__class__()

    mine, theirs = search(client, directory), search(other, directory)

    assert result_names(mine) == result_names(theirs) == ["Baby clinic", "Stay and play"]
    assert 'Remove from shortlist<span class="govuk-visually-hidden">: Baby clinic' in (
        mine.content.decode()
    )
    assert "Remove from shortlist" not in theirs.content.decode()


def test_kept_results_give_each_postcode_its_own_distances(client, directory):
    service(directory, "Elm Road group", locations=[place(NEAR)])
    service(directory, "South Norwood group", locations=[place(MIDDLE)])

    from_croydon = page_text(search(client, directory, postcode="CR0 1AA", distance="3"))
    from_norwood = page_text(search(client, directory, postcode="SE25 6XX", distance="3"))

    assert "0.9 miles" in from_croydon
    assert "0.9 miles" not in from_norwood


def test_ranked_pages_are_kept_until_the_next_publish(client, directory):
    service(directory, "Rhyme time", description="Songs and rhymes for babies.")
    service(directory, "Baby massage", description="Gentle massage for babies.")

    def ranking_queries():
        with CaptureQueriesContext(connection) as queries:
            response = search(client, directory, q="rhymes babies")
        ranked = [
            q for q in queries.captured_queries if "bm25" in q["sql"] or "ts_rank" in q["sql"]
        ]
        return result_names(response), len(ranked)

    names, ranked = ranking_queries()
    assert names[0] == "Rhyme time" and ranked == 1
    assert ranking_queries() == (names, 0)
    service(directory, "Rhymes and songs", description="Rhymes for babies and toddlers.")
    names, ranked = ranking_queries()
    assert "Rhymes and songs" in names and ranked == 1


URLS = [
    "",
    "?q=play",
    "?q=play&free=1&age=3&sort=name",
    "?postcode=CR0+1AA&age=3&free=1&day=sat",
    "?postcode=CR0+1AA&distance=5&q=stories&sort=distance",
    "?category=play&language=pl&open_now=1&weekends=1&evenings=1&delivery=in_person",
    "?page=2",
    "?age=25&free=1&postcode=CR0&distance=1",
]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# A minute turning mid-test would add the "open now" query to one count.
@pytest.mark.usefixtures("still_clock")
def test_queries_stay_the_same_from_20_to_200_services_warm_and_after_a_publish(client, directory):
    play = TaxonomyTermFactory(name="Play", slug="play")
    health = TaxonomyTermFactory(name="Health", slug="health")
    locations = [place(NEAR, "Croydon centre"), place(MIDDLE, "South Norwood centre")]
    counts = {}
    for url in URLS:  # what other parts of the site keep in memory (the words understood)
        client.get(directory.url + url)
    for size, more in ((20, 20), (200, 180)):
        add_services(directory, more, categories=[play, health], locations=locations)
        for url in URLS:
            invalidate()
            # Every page reads the site's own furniture again after a publish: that is not
            # the directory's to count, so the home page reads it first.
            client.get("/en/")
            after_publish = _queries(client, directory.url + url)
            counts[size, url] = (after_publish, _queries(client, directory.url + url))

    for url in URLS:
        assert counts[20, url] == counts[200, url], url
        after_publish, again = counts[200, url]
        assert again <= after_publish <= QUERY_BUDGET, url
    # A filter not asked for before is counted without SQL: only its results are read.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(directory.url + "?free=1&delivery=in_person&age=4")
    assert "services found" in response.content.decode()
    counting = [q["sql"] for q in queries.captured_queries if '"facet"' in q["sql"]]
    assert counting == []


def test_each_kept_set_is_what_the_filters_own_sql_keeps(directory):
    """The sets behind the counts mean exactly what applying each filter in SQL means."""
    play = TaxonomyTermFactory(name="Play", slug="play")
    messy = TaxonomyTermFactory(name="Messy play", slug="messy-play", parent=play)
    service(
        directory,
        "Saturday messy play",
        categories=[messy],
        schedules=[session("SA", (10, 0), (12, 0))],
        languages=[{"code": "pl"}],
        locations=[place(NEAR)],
        minimum_age=1,
        maximum_age=4,
    )
    service(
        directory,
        "Evening class",
        categories=[play],
        schedules=[session("WE", (18, 0), (20, 0))],
        cost_options=charged("3"),
        locations=[place(FAR)],
        minimum_age=16,
    )
    service(
        directory,
        "Term-time group",
        schedules=[session("SA", (10, 0), (12, 0), term_time_only=True)],
        languages=[{"code": "ar"}],
        locations=[place(MIDDLE)],
    )
    service(
        directory,
        "Temporarily closed",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        schedules=[session("SA,WE", (10, 0), (19, 0))],
        maximum_age=2,
    )
    service(
        directory,
        "Closed this week",
        schedules=[session("SA", (10, 0), (12, 0))],
        holiday_closures=[
            {"start_date": datetime.date(2026, 6, 1), "end_date": datetime.date(2026, 6, 7)}
        ],
    )
    service(directory, "Inactive", status=ServiceStatus.INACTIVE)
    point = GeoPoint(51.37117, -0.09969, "sector", "CR0 1AA")
    visible = visible_services(directory)
    names = dict(ServicePage.objects.values_list("pk", "title"))

    with at(2026, 6, 6, 10, 45):
        index = DirectoryIndex(
            directory, RequestFactory().get(directory.url), now=timezone.now(), holidays=[]
        )
        sets, _ = index.option_sets()
        universe, near = index.universe, index.near(point)
        terms = load_terms("en")

        def titles(members):
            return sorted(names[universe.pks[p]] for p in bits.positions(members))

        def kept(q):
            return sorted(visible.filter(q).values_list("title", flat=True))

        assert titles(universe.everything) == kept(Q())
        assert "Inactive" not in titles(universe.everything)
        for weekday in range(7):
            assert titles(sets.days[weekday]) == kept(day_q(weekday, holidays=[])), weekday
        assert titles(sets.evenings) == kept(evenings_q())
        assert titles(sets.weekends) == kept(weekends_q())
        assert titles(sets.open_now) == kept(open_now_q(holidays=[]))
        assert titles(sets.open_now) == ["Saturday messy play", "Term-time group"]
        for code in ("pl", "ar"):
            assert titles(sets.languages[code]) == kept(language_q(code))
        for slug in ("play", "messy-play"):
            term = terms.by_slug[slug]
            assert titles(category_members(term, sets.categories)) == kept(category_q(term))
        # The age sets are read from the rows themselves; a blank limit is no limit.
        no_limits = ["Closed this week", "Term-time group"]
        for age, also in (
            (0, ["Temporarily closed"]),
            (3, ["Saturday messy play"]),
            (16, ["Evening class"]),
            (25, ["Evening class"]),
        ):
            assert titles(universe.ages[age]) == sorted(no_limits + also), age
        assert titles(universe.free) == kept(Q(is_free=True))
        for miles in (1, 3, 5, 10):
            assert titles(near.within[miles]) == kept(near_q(point, miles)), miles


def test_a_service_page_lists_a_newly_published_nearer_service_at_once(client, directory):
    play = TaxonomyTermFactory(name="Play", slug="play")
    here = service(directory, "Elm Road group", categories=[play], locations=[place(NEAR)])
    service(directory, "Far away group", categories=[play], locations=[place(FAR)])

    def related(response):
        return re.findall(r'class="app-related__item">.*?<a[^>]*>([^<]*)</a>', response, re.S)

    assert related(client.get(here.url).content.decode()) == ["Far away group"]
    service(directory, "Next door group", categories=[play], locations=[place(MIDDLE)])
    assert related(client.get(here.url).content.decode()) == ["Next door group", "Far away group"]
