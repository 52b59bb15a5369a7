"""The service page: what it is, who it is for, cost, times, places, contact, and what is nearby."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.test import override_settings

from services_directory.finder.opening import DateRange, Session, next_opening
from services_directory.models import Schedule, SchoolHoliday, ServicePage, ServiceStatus
from tests.directory_support import (
    FAR,
    MIDDLE,
    NEAR,
    charged,
    page_text,
    place,
    service,
    session,
)
from tests.factories.services_directory import TaxonomyTermFactory

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def full_service(directory):
    location = place(NEAR, "Elm Road Children's Centre", "CR0 1AA")
    location.address_1 = "12 Elm Road"
    location.city = "Croydon"
    location.accessibility_description = "Step-free entrance and an accessible toilet."
    location.save()
    return service(
        directory,
        "Stay and play",
        description="Songs, stories and messy play.",
        minimum_age=0,
        maximum_age=5,
        eligibility_description="Parents and carers living in the borough.",
        cost_options=[
            *charged("3.50"),
            {"amount": None, "option": "Free for families on Universal Credit"},
        ],
        fees_description="Pay on the day.",
        schedules=[
            session("TU,TH", (9, 30), (11, 30), description="Stay and play"),
            session("TU", (13, 0), (15, 0), term_time_only=True),
        ],
        holiday_closures=[
            {
                "start_date": datetime.date(2026, 12, 24),
                "end_date": datetime.date(2027, 1, 2),
                "description": "Christmas",
            }
        ],
        locations=[location],
        phones=[{"number": "020 7946 0123", "description": "Bookings"}],
        email="play@example.org",
        website="https://www.example.org/play",
        application_process="Just drop in.",
        languages=[{"code": "pl"}, {"code": "so"}],
        last_checked=datetime.date(2026, 3, 3),
    )


def test_service_page_shows_each_section(client, full_service):
    with time_machine.travel(
        datetime.datetime(2026, 3, 8, 12, 0, tzinfo=LONDON), tick=False
    ):  # a Sunday
        response = client.get(full_service.get_url())

    assert response.status_code == 200
    text = page_text(response)
    for expected in (
        "Songs, stories and messy play.",
        "Ages: 0 to 5 years",
        "Parents and carers living in the borough.",
        "£3.50 per session",
        "Free for families on Universal Credit",
        "Pay on the day.",
        "Opens Tuesday at 9:30",
        "12 Elm Road",
        "Step-free entrance and an accessible toilet.",
        "Bookings: 020 7946 0123",
        "play@example.org",
        "Just drop in.",
        "Website for Stay and play",
        "Polish",
        "Somali",
        "Last checked: 3 March 2026",
        "Closed from 24 December 2026 to 2 January 2027 (Christmas)",
        "Sessions marked 'term time only' do not run in the school holidays.",
        "Report a problem with this listing",
    ):
        assert expected in text, expected
    body = response.content.decode()
    assert 'href="tel:02079460123"' in body
    assert "https://www.openstreetmap.org/?mlat=51.37327&amp;mlon=-0.07873" in body


def test_opening_times_are_an_accessible_weekday_table(client, full_service):
    body = client.get(full_service.get_url()).content.decode()

    table = re.search(
        r'<table class="govuk-table app-opening-times">(.*?)</table>', body, re.S
    ).group(1)
    assert "<caption" in table
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">(\w+)</th>\s*<td[^>]*>(.*?)</td>', table, re.S
    )
    days = {day: re.sub(r"<[^>]+>|\s+", " ", cell).split() for day, cell in rows}
    assert list(days) == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    tuesday = "9:30 to 11:30 \u2013 Stay and play 13:00 to 15:00 (term time only)"
    assert " ".join(days["Tuesday"]) == tuesday
    assert " ".join(days["Monday"]) == "Closed"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2026, 3, 10, 10, 0), "Open now, closes 11:30"),  # Tuesday morning
        (datetime.datetime(2026, 3, 10, 12, 0), "Opens today at 13:00"),
        (datetime.datetime(2026, 3, 10, 16, 0), "Opens Thursday at 9:30"),
        (datetime.datetime(2026, 3, 8, 12, 0), "Opens Tuesday at 9:30"),  # Sunday
        (datetime.datetime(2026, 3, 9, 20, 0), "Opens tomorrow at 9:30"),
        # British Summer Time: 09:00 UTC is 10:00 in London, so the session is running.
        (datetime.datetime(2026, 6, 9, 9, 0, tzinfo=datetime.UTC), "Open now, closes 11:30"),
        (
            datetime.datetime(2026, 12, 23, 12, 0),
            "Opens on Tuesday 5 January at 9:30",
        ),  # Christmas closure
    ],
)
def test_next_opening_is_worked_out_in_london_time(client, full_service, moment, expected):
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LONDON)
    with time_machine.travel(moment, tick=False):
        assert expected in page_text(client.get(full_service.get_url()))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ((2026, 6, 29, 12, 0), "Opens Wednesday at 10:00"),  # Monday: 1 July is the first
        ((2026, 7, 1, 10, 30), "Open now, closes 12:00"),
        ((2026, 7, 2, 12, 0), "Opens on Wednesday 5 August at 10:00"),  # not every Wednesday
    ],
)
def test_monthly_session_opens_on_its_own_week_of_the_month(client, directory, moment, expected):
    page = service(
        directory,
        "First Wednesday coffee morning",
        schedules=[session("1WE", (10, 0), (12, 0), freq="MONTHLY")],
    )

    with time_machine.travel(datetime.datetime(*moment, tzinfo=LONDON), tick=False):
        text = page_text(client.get(page.get_url()))

    assert expected in text
    assert "Other sessions" in text  # not in the weekly table, which would say every week


def test_fortnightly_session_opens_in_its_own_weeks(client, directory):
    page = service(
        directory,
        "Fortnightly dads group",
        schedules=[session("SA", (10, 0), (12, 0), interval=2, dtstart=datetime.date(2026, 6, 6))],
    )

    with time_machine.travel(datetime.datetime(2026, 6, 7, 12, 0, tzinfo=LONDON), tick=False):
        text = page_text(client.get(page.get_url()))

    assert "Opens on Saturday 20 June at 10:00" in text
    assert "every 2 weeks" in text


def test_next_opening_waits_for_a_schedule_to_start_and_stops_when_it_ends(client, directory):
    page = service(
        directory,
        "Summer holiday club",
        schedules=[
            session(
                "MO,WE",
                (10, 0),
                (14, 0),
                valid_from=datetime.date(2026, 7, 22),
                valid_to=datetime.date(2026, 8, 26),
            )
        ],
    )

    def opening_text(*moment):
        with time_machine.travel(datetime.datetime(*moment, tzinfo=LONDON), tick=False):
            return page_text(client.get(page.get_url()))

    assert "Opens Wednesday at 10:00" in opening_text(2026, 7, 20, 9, 0)  # Monday the 20th
    assert "Opens" not in opening_text(2026, 8, 26, 15, 0)  # the last session is over
    assert "Open now" not in opening_text(2026, 8, 31, 10, 0)


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        ((2026, 10, 18, 8, 45), "Open now, closes 11:30"),  # 09:45 in London (BST)
        ((2026, 10, 25, 8, 45), "Opens today at 9:30"),  # clocks went back: 08:45 (GMT)
        ((2026, 3, 22, 8, 45), "Opens today at 9:30"),  # 08:45 (GMT)
        ((2026, 3, 29, 8, 45), "Open now, closes 11:30"),  # clocks went forward: 09:45 (BST)
    ],
)
def test_service_page_opening_follows_london_clocks_across_the_clock_change(
    client, directory, utc, expected
):
    page = service(directory, "Sunday swim", schedules=[session("SU", (9, 30), (11, 30))])

    with time_machine.travel(datetime.datetime(*utc, tzinfo=datetime.UTC), tick=False):
        assert expected in page_text(client.get(page.get_url()))


def test_school_holidays_only_sessions_say_so_and_open_when_the_holidays_start(client, directory):
    page = service(
        directory,
        "Holiday activities and food",
        schedules=[session("MO,TU,WE,TH", (10, 0), (14, 0), school_holidays_only=True)],
    )
    SchoolHoliday.objects.create(
        name="Summer holiday",
        start_date=datetime.date(2026, 7, 22),
        end_date=datetime.date(2026, 8, 31),
    )

    with time_machine.travel(datetime.datetime(2026, 7, 6, 12, 0, tzinfo=LONDON), tick=False):
        text = page_text(client.get(page.get_url()))

    assert "Opens on Wednesday 22 July at 10:00" in text  # not tomorrow, in term time
    assert "10:00 to 14:00 (school holidays only)" in text
    assert "Sessions marked 'school holidays only' run only in the school holidays." in text


def test_back_to_back_sessions_read_as_one_and_term_time_sessions_skip_holidays():
    sessions = [
        Session(weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12)),
        Session(weekday=0, opens_at=datetime.time(12), closes_at=datetime.time(15)),
        Session(
            weekday=2, opens_at=datetime.time(10), closes_at=datetime.time(11), term_time_only=True
        ),
        Session(weekday=3, opens_at=datetime.time(10), closes_at=datetime.time(11)),
    ]
    monday = datetime.datetime(2026, 3, 9, 10, 0, tzinfo=LONDON)
    assert next_opening(sessions, now=monday).text == "Open now, closes 15:00"

    late_monday = datetime.datetime(2026, 3, 9, 16, 0, tzinfo=LONDON)
    assert next_opening(sessions, now=late_monday).text == "Opens Wednesday at 10:00"
    holiday = [DateRange(datetime.date(2026, 3, 11), datetime.date(2026, 3, 11))]
    assert (
        next_opening(sessions, now=late_monday, school_holidays=holiday).text
        == "Opens Thursday at 10:00"
    )
    assert next_opening([], now=late_monday) is None


def test_temporarily_closed_service_says_so(client, directory):
    closed = service(
        directory,
        "Toy library",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        schedules=[session("MO", (9, 0), (12, 0))],
    )

    text = page_text(client.get(closed.get_url()))

    assert "This service is temporarily closed." in text
    assert "Opens Monday" not in text


def test_what_editors_or_imports_typed_is_shown_as_text_never_markup(client, directory):
    page = service(
        directory,
        "Safe <b>listing</b>",
        description='<script>alert("x")</script> Fun for all.',
    )
    # As an import might leave it: the admin's validation never saw this value.
    ServicePage.objects.filter(pk=page.pk).update(website="javascript:alert(1)")

    body = client.get(page.get_url()).content.decode()

    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in body
    assert "Safe &lt;b&gt;listing&lt;/b&gt;" in body
    assert "javascript:alert" not in body


def test_related_services_nearby_share_a_category_nearest_first(client, directory):
    play = TaxonomyTermFactory(name="Play", slug="play")
    other = TaxonomyTermFactory(name="Housing", slug="housing")
    page = service(directory, "Stay and play", categories=[play], locations=[place(NEAR)])
    service(directory, "Far play", categories=[play], locations=[place(FAR)])
    service(directory, "Middle play", categories=[play], locations=[place(MIDDLE)])
    service(directory, "Housing advice", categories=[other], locations=[place(NEAR)])

    body = client.get(page.get_url()).content.decode()

    related = re.search(r"<aside[^>]*app-related[^>]*>(.*?)</aside>", body, re.S).group(1)
    names = re.findall(r'<a class="govuk-link" href="[^"]*">([^<]*)</a>', related)
    assert names == ["Middle play", "Far play"]
    assert "1.7 miles" in related


@override_settings(MAP_TILE_URL="")
def test_service_page_has_no_map_without_a_tile_server(client, full_service):
    body = client.get(full_service.get_url()).content.decode()

    assert "data-app-map" not in body
    assert "leaflet" not in body
    assert "openstreetmap.org" in body  # the plain map link stays


@override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
def test_service_page_map_marks_each_location(client, full_service):
    body = client.get(full_service.get_url()).content.decode()

    assert "data-app-map" in body
    points = re.search(
        r'<script id="app-map-points" type="application/json">(.*?)</script>', body, re.S
    ).group(1)
    assert '"lat": 51.37327' in points
    assert "Elm Road Children" in points


def test_editors_can_preview_a_service_and_the_directory(directory, rf):
    page = service(
        directory,
        "Stay and play",
        schedules=[session("MO", (9, 0), (11, 0))],
        cost_options=charged("2"),
        locations=[place(NEAR)],
    )
    # An unsaved edit, as the admin previews it: child rows only in memory.
    page.title = "Stay and play (new times)"
    page.schedules.add(
        Schedule(byday="TU", opens_at=datetime.time(10), closes_at=datetime.time(12))
    )

    response = page.make_preview_request()
    assert response.status_code == 200
    text = page_text(response)
    assert "Stay and play (new times)" in text
    assert "10:00 to 12:00" in text

    assert directory.make_preview_request().status_code == 200
