"""Finding a service: each filter narrows the results as a parent would expect, with counts."""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.test import override_settings

from services_directory.finder.filters import day_q, evenings_q, open_now_q, weekends_q
from services_directory.models import SchoolHoliday, ServicePage, ServiceStatus
from tests.directory_support import (
    FAR,
    LONDON,
    MIDDLE,
    NEAR,
    SATURDAY_MORNING,
    charged,
    checkbox,
    form_values,
    option_text,
    page_text,
    place,
    result_names,
    search,
    service,
    session,
)
from tests.factories.services_directory import (
    TaxonomyTermFactory,
)

pytestmark = pytest.mark.django_db


# --- what the page shows ---------------------------------------------------------------------


def test_directory_lists_live_services_by_name_and_says_how_many(client, directory):
    service(directory, "Toddler time")
    service(directory, "Baby massage")
    service(directory, "Closed for good", status=ServiceStatus.DEFUNCT)
    service(directory, "Not yet published", live=False)

    response = search(client, directory)

    assert result_names(response) == ["Baby massage", "Toddler time"]
    assert 'role="status"' in response.content.decode()
    assert "2 services found" in page_text(response)


def test_result_shows_organisation_cost_ages_opening_and_categories(client, directory):
    play = TaxonomyTermFactory(name="Play and learning", slug="play")
    service(
        directory,
        "Stay and play",
        minimum_age=0,
        maximum_age=5,
        cost_options=charged("3.50"),
        schedules=[session("TU", (9, 30), (11, 30))],
        categories=[play],
    )
    with time_machine.travel(SATURDAY_MORNING, tick=False):
        text = page_text(search(client, directory))

    assert "Run by Northbrook Family Trust" in text
    assert "£3.50 per session" in text
    assert "0 to 5 years" in text
    assert "Opens Tuesday at 9:30" in text
    assert "Play and learning" in text


# --- each filter -----------------------------------------------------------------------------


def test_age_keeps_services_whose_age_range_includes_the_child(client, directory):
    service(directory, "Under fives", minimum_age=0, maximum_age=5)
    service(directory, "Teen club", minimum_age=11, maximum_age=19)
    service(directory, "Any age")
    service(directory, "Babies", minimum_age=0, maximum_age=0)

    assert result_names(search(client, directory, age="5")) == ["Any age", "Under fives"]
    assert result_names(search(client, directory, age="11")) == ["Any age", "Teen club"]
    assert result_names(search(client, directory, age="0")) == ["Any age", "Babies", "Under fives"]
    assert result_names(search(client, directory, age="under 1")) == [
        "Any age",
        "Babies",
        "Under fives",
    ]
    assert result_names(search(client, directory, age="25")) == ["Any age"]


def test_free_only_leaves_out_services_that_charge(client, directory):
    service(directory, "Library rhyme time")
    service(directory, "Swimming lessons", cost_options=charged("6"))

    response = search(client, directory, free="1")

    assert result_names(response) == ["Library rhyme time"]


def test_category_includes_its_subcategories(client, directory):
    health = TaxonomyTermFactory(name="Health", slug="health")
    feeding = TaxonomyTermFactory(name="Infant feeding", slug="infant-feeding", parent=health)
    learning = TaxonomyTermFactory(name="Learning", slug="learning")
    service(directory, "Health visitor clinic", categories=[health])
    service(directory, "Breastfeeding cafe", categories=[feeding])
    service(directory, "Phonics for parents", categories=[learning])

    assert result_names(search(client, directory, category="health")) == [
        "Breastfeeding cafe",
        "Health visitor clinic",
    ]
    assert result_names(search(client, directory, category="infant-feeding")) == [
        "Breastfeeding cafe"
    ]


def test_a_deeper_taxonomy_counts_and_finds_services_at_every_level(client, directory):
    # Imported ORUK taxonomies go deeper than the form's two levels.
    health = TaxonomyTermFactory(name="Health", slug="health")
    feeding = TaxonomyTermFactory(name="Infant feeding", slug="infant-feeding", parent=health)
    weaning = TaxonomyTermFactory(name="Weaning", slug="weaning", parent=feeding)
    first_foods = TaxonomyTermFactory(name="First foods", slug="first-foods", parent=weaning)
    service(directory, "Weaning workshop", categories=[weaning])
    service(directory, "First foods tasting", categories=[first_foods, feeding])
    service(directory, "Health visitor clinic", categories=[health])

    response = search(client, directory)
    assert option_text(response, "filter-category", "health") == "All of Health (3)"
    # Filed twice under Infant feeding (directly and four levels down), counted once.
    assert option_text(response, "filter-category", "infant-feeding") == "Infant feeding (2)"
    assert result_names(search(client, directory, category="health")) == [
        "First foods tasting",
        "Health visitor clinic",
        "Weaning workshop",
    ]
    assert result_names(search(client, directory, category="infant-feeding")) == [
        "First foods tasting",
        "Weaning workshop",
    ]
    weaning_results = search(client, directory, category="weaning")
    assert result_names(weaning_results) == ["First foods tasting", "Weaning workshop"]
    # Below the form's two levels, the chosen category is still offered, chosen, with its count.
    assert option_text(weaning_results, "filter-category", "weaning") == "Weaning (2)"
    assert 'value="weaning" selected' in weaning_results.content.decode()


def test_language_and_delivery_filters(client, directory):
    service(directory, "Polish parents group", languages=[{"code": "pl"}])
    service(directory, "Online course", delivered_in_person=False, delivered_online=True)
    service(directory, "Advice line", delivered_in_person=False, delivered_by_phone=True)

    assert result_names(search(client, directory, language="pl")) == ["Polish parents group"]
    assert result_names(search(client, directory, delivery="online")) == ["Online course"]
    assert result_names(search(client, directory, delivery="telephone")) == ["Advice line"]
    assert result_names(search(client, directory, delivery="in_person")) == ["Polish parents group"]


def test_day_evening_and_weekend_filters(client, directory):
    service(directory, "Saturday football", schedules=[session("SA", (10, 0), (12, 0))])
    service(directory, "Evening class", schedules=[session("WE", (18, 0), (20, 0))])
    service(directory, "Weekday playgroup", schedules=[session("MO,TU", (9, 0), (11, 0))])

    assert result_names(search(client, directory, day="sat")) == ["Saturday football"]
    assert result_names(search(client, directory, day="tue")) == ["Weekday playgroup"]
    assert result_names(search(client, directory, evenings="1")) == ["Evening class"]
    assert result_names(search(client, directory, weekends="1")) == ["Saturday football"]


def test_open_now_uses_the_time_in_london(client, directory):
    service(directory, "Saturday stay and play", schedules=[session("SA", (10, 0), (12, 0))])
    service(directory, "Saturday afternoon club", schedules=[session("SA", (13, 0), (15, 0))])

    # 09:45 UTC is 10:45 in London in June: the morning session is running.
    with time_machine.travel(SATURDAY_MORNING, tick=False):
        assert result_names(search(client, directory, open_now="1")) == ["Saturday stay and play"]
    # 9:30 in London: nothing has opened yet.
    with time_machine.travel(datetime.datetime(2026, 6, 6, 9, 30, tzinfo=LONDON), tick=False):
        assert result_names(search(client, directory, open_now="1")) == []


def test_open_now_respects_closures_and_school_holidays(client, directory):
    service(
        directory,
        "Closed for half term",
        schedules=[session("SA", (10, 0), (12, 0))],
        holiday_closures=[
            {"start_date": datetime.date(2026, 6, 1), "end_date": datetime.date(2026, 6, 7)}
        ],
    )
    service(
        directory,
        "Term-time group",
        schedules=[session("SA", (10, 0), (12, 0), term_time_only=True)],
    )
    service(directory, "Always on Saturdays", schedules=[session("SA", (10, 0), (12, 0))])

    with time_machine.travel(SATURDAY_MORNING, tick=False):
        assert result_names(search(client, directory, open_now="1")) == [
            "Always on Saturdays",
            "Term-time group",
        ]
        SchoolHoliday.objects.create(
            name="Half term",
            start_date=datetime.date(2026, 6, 1),
            end_date=datetime.date(2026, 6, 7),
        )
        assert result_names(search(client, directory, open_now="1")) == ["Always on Saturdays"]


def at(*args):
    """A moment on London's clocks (GMT or BST, whichever applied)."""
    return time_machine.travel(datetime.datetime(*args, tzinfo=LONDON), tick=False)


def test_temporarily_closed_service_is_listed_but_never_open(client, directory):
    service(
        directory,
        "Toy library",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        schedules=[session("SA", (10, 0), (12, 0)), session("WE", (18, 0), (20, 0))],
    )
    service(directory, "Saturday stay and play", schedules=[session("SA", (10, 0), (12, 0))])

    with time_machine.travel(SATURDAY_MORNING, tick=False):
        everything = search(client, directory)
        assert result_names(everything) == ["Saturday stay and play", "Toy library"]
        assert "Temporarily closed" in page_text(everything)
        for when in ({"open_now": "1"}, {"day": "sat"}, {"weekends": "1"}):
            assert result_names(search(client, directory, **when)) == ["Saturday stay and play"], (
                when
            )
        assert result_names(search(client, directory, evenings="1")) == []
        # The counts beside the options agree.
        assert checkbox(everything, "open_now") == ("Open now (1)", False)
        assert checkbox(everything, "evenings") == ("Open in the evening (after 5:30pm) (0)", True)
        assert option_text(everything, "filter-day", "sat") == "Saturday 6 June (1)"
        assert option_text(everything, "filter-day", "wed") is None


def test_monthly_session_is_open_only_in_its_week_of_the_month(client, directory):
    service(
        directory,
        "First Wednesday coffee morning",
        schedules=[session("1WE", (10, 0), (12, 0), freq="MONTHLY")],
    )
    service(
        directory,
        "Last Friday family disco",
        schedules=[session("-1FR", (18, 0), (20, 0), freq="MONTHLY")],
    )
    service(directory, "Wednesday rhyme time", schedules=[session("WE", (10, 0), (12, 0))])

    with at(2026, 7, 1, 10, 30):  # the first Wednesday of July
        assert result_names(search(client, directory, open_now="1")) == [
            "First Wednesday coffee morning",
            "Wednesday rhyme time",
        ]
    with at(2026, 7, 8, 10, 30):  # the second
        assert result_names(search(client, directory, open_now="1")) == ["Wednesday rhyme time"]

    # "Open on Wednesday" is the coming Wednesday: the 1st of July seen from Monday 29 June,
    # the 8th a week later.
    with at(2026, 6, 29, 9, 0):
        response = search(client, directory, day="wed")
        assert result_names(response) == ["First Wednesday coffee morning", "Wednesday rhyme time"]
        assert option_text(response, "filter-day", "wed") == "Wednesday 1 July (2)"
    with at(2026, 7, 6, 9, 0):
        response = search(client, directory)
        assert option_text(response, "filter-day", "wed") == "Wednesday 8 July (1)"
        assert option_text(response, "filter-day", "fri") is None  # 10 July is not the last
        assert result_names(search(client, directory, day="wed")) == ["Wednesday rhyme time"]
        # It is still a service with evening sessions, and the result says when the next is.
        assert result_names(search(client, directory, evenings="1")) == ["Last Friday family disco"]
        assert "Opens on Friday 31 July at 18:00" in page_text(response)
        assert "Opens on Wednesday 5 August at 10:00" in page_text(response)
    with at(2026, 7, 27, 9, 0):
        assert result_names(search(client, directory, day="fri")) == ["Last Friday family disco"]


def test_fortnightly_session_runs_every_other_week_from_its_first_date(client, directory):
    service(
        directory,
        "Fortnightly dads group",
        schedules=[session("SA", (10, 0), (12, 0), interval=2, dtstart=datetime.date(2026, 6, 6))],
    )
    # Every other week, but from which? Never claimed as open on a date.
    service(directory, "Fortnightly, no first date", schedules=[session("SA", (10, 0), (12, 0))])
    ServicePage.objects.get(title="Fortnightly, no first date").schedules.update(interval=2)
    ServicePage.objects.get(title="Fortnightly, no first date").save()

    for day, expected in (
        (6, ["Fortnightly dads group"]),
        (13, []),
        (20, ["Fortnightly dads group"]),
    ):
        with at(2026, 6, day, 10, 45):
            assert result_names(search(client, directory, open_now="1")) == expected, day
            assert result_names(search(client, directory, day="sat")) == expected, day
    with at(2026, 6, 8, 9, 0):
        # At weekends is a pattern, not a date: both still meet at weekends.
        assert len(result_names(search(client, directory, weekends="1"))) == 2
        assert result_names(search(client, directory, day="sat")) == []  # Saturday 13 June


def test_sessions_count_only_between_their_first_and_last_dates(client, directory):
    service(
        directory,
        "Summer holiday club",
        schedules=[
            session(
                "MO,TU,WE,TH",
                (10, 0),
                (14, 0),
                valid_from=datetime.date(2026, 7, 22),
                valid_to=datetime.date(2026, 8, 27),
            )
        ],
    )
    service(
        directory,
        "Spring course",
        schedules=[session("SA", (18, 0), (20, 0), valid_to=datetime.date(2026, 5, 30))],
    )

    with time_machine.travel(SATURDAY_MORNING, tick=False):
        assert result_names(search(client, directory, day="mon")) == []
        # Ended: no longer a weekend or evening service.
        assert result_names(search(client, directory, weekends="1")) == []
        assert result_names(search(client, directory, evenings="1")) == []
    with at(2026, 7, 23, 10, 30):
        assert result_names(search(client, directory, open_now="1")) == ["Summer holiday club"]
    with at(2026, 8, 31, 10, 30):
        assert result_names(search(client, directory, open_now="1")) == []


def test_open_on_a_day_leaves_out_closures_and_term_time_sessions_in_the_holidays(
    client, directory
):
    service(
        directory,
        "Closed for half term",
        schedules=[session("SA", (10, 0), (12, 0))],
        holiday_closures=[
            {"start_date": datetime.date(2026, 6, 1), "end_date": datetime.date(2026, 6, 7)}
        ],
    )
    service(
        directory,
        "Term-time group",
        schedules=[session("SA", (10, 0), (12, 0), term_time_only=True)],
    )
    service(directory, "Always on Saturdays", schedules=[session("SA", (10, 0), (12, 0))])
    SchoolHoliday.objects.create(
        name="Half term", start_date=datetime.date(2026, 5, 30), end_date=datetime.date(2026, 6, 7)
    )

    with at(2026, 6, 4, 9, 0):  # Thursday of half term: the coming Saturday is the 6th
        response = search(client, directory, day="sat")
        assert result_names(response) == ["Always on Saturdays"]
        assert option_text(response, "filter-day", "sat") == "Saturday 6 June (1)"
    with at(2026, 6, 8, 9, 0):  # back at school: Saturday 13 June
        assert len(result_names(search(client, directory, day="sat"))) == 3


def test_school_holidays_only_session_is_open_in_the_holidays_and_not_in_term(client, directory):
    service(
        directory,
        "Holiday club",
        schedules=[session("MO,TU,WE,TH", (10, 0), (14, 0), school_holidays_only=True)],
    )
    service(directory, "Weekday group", schedules=[session("MO,TU,WE,TH", (10, 0), (14, 0))])
    SchoolHoliday.objects.create(
        name="Summer holiday",
        start_date=datetime.date(2026, 7, 22),
        end_date=datetime.date(2026, 8, 31),
    )

    with at(2026, 7, 20, 11, 0):  # Monday, the last week of term
        assert result_names(search(client, directory, open_now="1")) == ["Weekday group"]
        # Wednesday 22 July is the first day of the holiday.
        assert result_names(search(client, directory, day="tue")) == ["Weekday group"]
        assert result_names(search(client, directory, day="wed")) == [
            "Holiday club",
            "Weekday group",
        ]
        assert "Opens Wednesday at 10:00" in page_text(search(client, directory, q="club"))
    with at(2026, 7, 23, 11, 0):
        assert len(result_names(search(client, directory, open_now="1"))) == 2


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Sunday 18 October 2026, British Summer Time: 08:45 UTC is 09:45 in London.
        ((2026, 10, 18, 8, 45), ["Sunday swim"]),
        # Clocks went back at 02:00 on 25 October: the same 08:45 UTC is 08:45 in London.
        ((2026, 10, 25, 8, 45), []),
        ((2026, 10, 25, 9, 45), ["Sunday swim"]),
        # Clocks went forward at 01:00 on 29 March: 08:45 UTC is 09:45 in London, a week after
        # 08:45 UTC was 08:45.
        ((2026, 3, 22, 8, 45), []),
        ((2026, 3, 29, 8, 45), ["Sunday swim"]),
        # 23:30 UTC on Saturday 27 June is already Sunday 00:30 in London.
        ((2026, 6, 27, 23, 30), ["Midnight feast"]),
    ],
)
def test_open_now_follows_london_clocks_across_the_clock_change(client, directory, utc, expected):
    service(directory, "Sunday swim", schedules=[session("SU", (9, 30), (11, 30))])
    service(directory, "Midnight feast", schedules=[session("SU", (0, 0), (1, 0))])
    service(directory, "Saturday late", schedules=[session("SA", (23, 0), (23, 59))])

    with time_machine.travel(datetime.datetime(*utc, tzinfo=datetime.UTC), tick=False):
        assert result_names(search(client, directory, open_now="1")) == expected


def test_time_filters_keep_active_services_open_on_the_day_or_at_the_moment(directory):
    """Closures, school holidays, monthly sessions and status count, whether the directory
    passes the school holidays it has read or the filter asks the database."""
    service(directory, "Saturday", schedules=[session("SA", (10, 0), (12, 0))])
    service(directory, "Evening", schedules=[session("WE", (18, 0), (20, 0))])
    service(
        directory, "Term time", schedules=[session("SA", (10, 0), (12, 0), term_time_only=True)]
    )
    service(
        directory,
        "Closed this week",
        schedules=[session("SA", (10, 0), (12, 0))],
        holiday_closures=[
            {"start_date": datetime.date(2026, 6, 1), "end_date": datetime.date(2026, 6, 7)}
        ],
    )
    service(
        directory,
        "First Saturday",
        schedules=[session("1SA", (10, 0), (12, 0), freq="MONTHLY")],
    )
    service(
        directory,
        "Temporarily closed",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        schedules=[session("SA,WE", (10, 0), (19, 0))],
    )
    half_term = SchoolHoliday.objects.create(
        name="Half term", start_date=datetime.date(2026, 6, 6), end_date=datetime.date(2026, 6, 6)
    )
    services = ServicePage.objects.all()

    def names(queryset):
        return sorted(queryset.values_list("title", flat=True))

    on_day = {5: ["First Saturday", "Saturday"], 2: ["Evening"]}  # Saturday 6, Wednesday 10 June
    for holidays in (None, [half_term]):
        with time_machine.travel(SATURDAY_MORNING, tick=False):
            for day in range(7):
                assert names(services.filter(day_q(day, holidays=holidays))) == on_day.get(
                    day, []
                ), day
            assert names(services.filter(evenings_q())) == ["Evening"]
            assert names(services.filter(weekends_q())) == [
                "Closed this week",
                "First Saturday",
                "Saturday",
                "Term time",
            ]
        for moment, expected in (
            (SATURDAY_MORNING, ["First Saturday", "Saturday"]),
            (SATURDAY_MORNING.replace(hour=9), []),
            (SATURDAY_MORNING.replace(day=13), ["Closed this week", "Saturday", "Term time"]),
        ):
            assert names(services.filter(open_now_q(moment, holidays))) == expected, moment


def test_postcode_keeps_near_services_drops_far_ones_and_sorts_by_distance(client, directory):
    service(directory, "A far one", locations=[place(FAR, "Westminster hub", "SW1A 1AA")])
    service(
        directory, "B middle one", locations=[place(MIDDLE, "South Norwood centre", "SE25 6AA")]
    )
    service(directory, "C near one", locations=[place(NEAR, "Croydon centre", "CR0 1AA")])
    service(directory, "D online only", delivered_in_person=False, delivered_online=True)

    response = search(client, directory, postcode="CR0 1AA")

    assert result_names(response) == ["C near one", "B middle one"]  # within 3 miles, nearest first
    text = page_text(response)
    assert "2 services within 3 miles of CR0 1AA" in text
    assert "0.9 miles" in text
    assert "2.1 miles" in text
    assert result_names(search(client, directory, postcode="CR0 1AA", distance="1")) == [
        "C near one"
    ]
    assert result_names(search(client, directory, postcode="CR0 1AA", distance="10")) == [
        "C near one",
        "B middle one",
        "A far one",
    ]


def test_postcode_may_be_a_district_in_any_case_and_spacing(client, directory):
    service(directory, "Near", locations=[place(NEAR)])
    service(directory, "Far", locations=[place(FAR)])

    for typed in ("cr0", " Cr0  1aa ", "CR01AA"):
        response = search(client, directory, postcode=typed)
        assert result_names(response) == ["Near"], typed


def test_unknown_postcode_says_so_and_keeps_what_was_typed(client, directory):
    service(directory, "Near", locations=[place(NEAR)])

    response = search(client, directory, postcode="JE2 3AB")

    text = page_text(response)
    assert "We could not find that postcode" in text
    assert 'value="JE2 3AB"' in response.content.decode()
    assert "There is a problem" in text
    assert result_names(response) == ["Near"]  # the other filters still apply


# --- counts beside the options -----------------------------------------------------------------


@time_machine.travel(SATURDAY_MORNING, tick=False)
def test_each_option_says_how_many_services_choosing_it_would_leave(client, directory):
    health = TaxonomyTermFactory(name="Health", slug="health")
    feeding = TaxonomyTermFactory(name="Infant feeding", slug="infant-feeding", parent=health)
    service(
        directory,
        "Clinic",
        categories=[health],
        schedules=[session("SA", (9, 0), (12, 0))],
        minimum_age=0,
        maximum_age=5,
    )
    service(
        directory,
        "Feeding cafe",
        categories=[feeding],
        schedules=[session("SA,SU", (9, 0), (12, 0))],
        languages=[{"code": "pl"}],
        minimum_age=0,
        maximum_age=2,
    )
    service(
        directory,
        "Teen health",
        categories=[health],
        minimum_age=13,
        maximum_age=19,
        cost_options=charged("2"),
    )

    response = search(client, directory, age="1")

    # Counts apply the age filter, which is in use, but not their own group.
    assert option_text(response, "filter-day", "sat") == "Saturday 6 June (2)"  # today
    assert option_text(response, "filter-day", "sun") == "Sunday 7 June (1)"
    assert option_text(response, "filter-day", "mon") is None  # would leave nothing: not offered
    assert option_text(response, "filter-language", "pl") == "Polish (1)"
    assert option_text(response, "filter-category", "health") == "All of Health (2)"
    assert option_text(response, "filter-category", "infant-feeding") == "Infant feeding (1)"
    assert checkbox(response, "free") == ("Free only (2)", False)
    assert checkbox(response, "evenings") == ("Open in the evening (after 5:30pm) (0)", True)

    # Choosing Sunday still offers Saturday with its own count: a group ignores its own choice.
    response = search(client, directory, age="1", day="sun")
    assert result_names(response) == ["Feeding cafe"]
    assert option_text(response, "filter-day", "sat") == "Saturday 6 June (2)"
    assert option_text(response, "filter-category", "health") == "All of Health (1)"


def test_chosen_option_stays_offered_even_when_it_leaves_nothing(client, directory):
    service(directory, "Polish group", languages=[{"code": "pl"}], minimum_age=0, maximum_age=5)

    response = search(client, directory, language="pl", age="10")

    assert result_names(response) == []
    assert option_text(response, "filter-language", "pl") == "Polish (0)"


def option_disabled(response, select_id, value):
    body = response.content.decode()
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', body, re.S).group(1)
    return " disabled" in re.search(rf'<option value="{re.escape(value)}"[^>]*>', select).group(0)


@time_machine.travel(SATURDAY_MORNING, tick=False)
def test_age_options_say_how_many_services_each_age_leaves_and_disable_dead_ends(client, directory):
    sunday = [session("SU", (10, 0), (12, 0))]
    service(directory, "Under fives", minimum_age=0, maximum_age=5, schedules=sunday)
    service(directory, "Teen club", minimum_age=11, maximum_age=19, schedules=sunday)
    service(directory, "Up to eight", maximum_age=8, schedules=sunday)  # no lower limit
    service(directory, "Any age on Saturday", schedules=[session("SA", (10, 0), (12, 0))])

    response = search(client, directory, day="sun")

    assert len(result_names(response)) == 3
    assert option_text(response, "filter-age", "") == "Any age"
    assert option_text(response, "filter-age", "0") == "Under 1 year (2)"
    assert option_text(response, "filter-age", "7") == "7 years (1)"
    assert option_text(response, "filter-age", "12") == "12 years (1)"
    # 22 would leave nothing on a Sunday: still in the list, so the ages read in order, but
    # it cannot be chosen.
    assert option_text(response, "filter-age", "22") == "22 years (0)"
    assert option_disabled(response, "filter-age", "22")
    assert not option_disabled(response, "filter-age", "12")
    # Without the day filter the service for any age counts for every age.
    assert option_text(search(client, directory), "filter-age", "22") == "22 years (1)"

    # The age in use is left out of its own counts, and stays selectable even at 0.
    chosen = search(client, directory, day="sun", age="22")
    assert result_names(chosen) == []
    assert option_text(chosen, "filter-age", "22") == "22 years (0)"
    assert not option_disabled(chosen, "filter-age", "22")
    assert 'value="22" selected' in chosen.content.decode()
    assert option_text(chosen, "filter-age", "3") == "3 years (2)"
    # The other groups count with the age applied: nothing for a 22-year-old on Sunday.
    assert option_text(chosen, "filter-day", "sat") == "Saturday 6 June (1)"


def test_distance_options_count_services_within_each_radius(client, directory):
    service(directory, "Near", locations=[place(NEAR)])
    service(directory, "Middle", locations=[place(MIDDLE)])
    service(directory, "Far", locations=[place(FAR)])

    response = search(client, directory, postcode="CR0 1AA")

    assert option_text(response, "filter-distance", "1") == "Within 1 mile (1)"
    assert option_text(response, "filter-distance", "3") == "Within 3 miles (2)"
    assert option_text(response, "filter-distance", "10") == "Within 10 miles (3)"


# --- keywords, sorting, pages -------------------------------------------------------------------


def test_keywords_are_combined_with_the_filters(client, directory):
    service(directory, "Swimming for babies", description="Splash about in the pool.")
    service(directory, "Swimming lessons", description="Learn to swim.", cost_options=charged("6"))
    service(directory, "Baby signing", description="Learn to sign with your baby.")

    assert sorted(result_names(search(client, directory, q="swimming"))) == [
        "Swimming for babies",
        "Swimming lessons",
    ]
    response = search(client, directory, q="swimming", free="1")
    assert result_names(response) == ["Swimming for babies"]
    assert "1 service found" in page_text(response)
    # The counts beside the options apply the keywords too.
    assert checkbox(search(client, directory, q="swimming"), "free") == ("Free only (1)", False)


def test_keyword_search_ranks_the_best_match_first(client, directory):
    service(
        directory,
        "Dads group",
        description="Football, games and a chat for dads and their children.",
    )
    service(directory, "Football club", description="Football football football for under elevens.")

    names = result_names(search(client, directory, q="football"))

    assert names[0] == "Football club"
    assert sorted(names) == ["Dads group", "Football club"]


def test_sort_by_name_distance_or_best_match(client, directory):
    service(directory, "Zebra club", locations=[place(NEAR)], description="Music and songs.")
    service(
        directory,
        "Aardvark club",
        locations=[place(MIDDLE)],
        description="Music, music and more music.",
    )

    assert result_names(search(client, directory)) == ["Aardvark club", "Zebra club"]
    assert result_names(search(client, directory, postcode="CR0 1AA")) == [
        "Zebra club",
        "Aardvark club",
    ]
    assert result_names(search(client, directory, postcode="CR0 1AA", sort="name")) == [
        "Aardvark club",
        "Zebra club",
    ]
    assert result_names(
        search(client, directory, q="music", postcode="CR0 1AA", sort="distance")
    ) == [
        "Zebra club",
        "Aardvark club",
    ]
    response = search(client, directory, q="music", postcode="CR0 1AA")
    assert result_names(response) == [
        "Aardvark club",
        "Zebra club",
    ]  # best match by default with keywords
    assert "Best match" in page_text(response)


def test_changing_a_filter_keeps_the_sort_that_was_chosen(client, directory):
    service(directory, "Zebra club", locations=[place(NEAR)], minimum_age=0, maximum_age=5)
    service(directory, "Aardvark club", locations=[place(MIDDLE)], minimum_age=0, maximum_age=5)
    by_name = search(client, directory, postcode="CR0 1AA", sort="name")
    assert result_names(by_name) == ["Aardvark club", "Zebra club"]

    # The parent picks an age and presses Search: the form still asks for names A to Z.
    changed = {**form_values(by_name), "age": "3"}
    response = search(client, directory, **changed)

    assert changed["sort"] == "name"
    assert result_names(response) == ["Aardvark club", "Zebra club"]


def test_distance_sort_is_dropped_quietly_once_the_postcode_is_removed(client, directory):
    service(directory, "Zebra club", locations=[place(NEAR)])
    service(directory, "Aardvark club", locations=[place(MIDDLE)])
    response = search(client, directory, q="club", postcode="CR0 1AA", sort="distance")
    assert result_names(response) == ["Zebra club", "Aardvark club"]

    without_postcode = {**form_values(response), "postcode": ""}
    assert without_postcode["sort"] == "distance"
    response = search(client, directory, **without_postcode)

    assert "There is a problem" not in page_text(response)
    assert sorted(result_names(response)) == ["Aardvark club", "Zebra club"]
    # Nothing left in the form asks for a distance sort, so adding a postcode back sorts by
    # distance again only because that is the default with a postcode.
    assert "sort" not in form_values(response)
    assert 'name="sort"' not in response.content.decode()


def test_result_count_says_mile_or_miles_by_the_distance_not_the_number_of_services(
    client, directory
):
    service(directory, "Near one", locations=[place(NEAR)])
    service(directory, "Near two", locations=[place(NEAR)])

    assert "2 services within 1 mile of CR0 1AA" in page_text(
        search(client, directory, postcode="CR0 1AA", distance="1")
    )
    assert "2 services within 3 miles of CR0 1AA" in page_text(
        search(client, directory, postcode="CR0 1AA")
    )
    assert "1 service within 1 mile of CR0 1AA" in page_text(
        search(client, directory, postcode="CR0 1AA", distance="1", q="one")
    )
    assert "0 services within 1 mile of SW1A 1AA" in page_text(
        search(client, directory, postcode="SW1A 1AA", distance="1")
    )


def test_results_come_twenty_to_a_page_and_a_page_past_the_end_shows_the_last(client, directory):
    for number in range(45):
        service(directory, f"Group {number:02d}")

    first = search(client, directory)
    assert len(result_names(first)) == 20
    assert result_names(first)[0] == "Group 00"
    assert 'href="?page=2"' in first.content.decode()

    third = search(client, directory, page="3")
    assert result_names(third) == [f"Group {n}" for n in range(40, 45)]
    assert "Showing 41 to 45 of 45" in page_text(third)

    beyond = search(client, directory, page="99999999")
    assert result_names(beyond) == result_names(third)


def test_pagination_links_keep_the_filters(client, directory):
    for number in range(25):
        service(directory, f"Free group {number:02d}")

    response = search(client, directory, free="1", age="3")

    links = re.findall(r'href="(\?[^"]*page=2[^"]*)"', response.content.decode())
    assert links
    query = parse_qs(urlsplit(html.unescape(links[0])).query)
    assert query == {"free": ["1"], "age": ["3"], "page": ["2"]}


# --- nothing found ---------------------------------------------------------------------------


def test_no_results_suggests_which_filter_to_widen_changing_only_that_filter(client, directory):
    service(directory, "Middle", locations=[place(MIDDLE)], minimum_age=0, maximum_age=5)
    service(directory, "Teen club", locations=[place(NEAR)], minimum_age=13, maximum_age=19)

    response = search(client, directory, postcode="CR0 1AA", distance="1", age="3")

    assert result_names(response) == []
    text = page_text(response)
    assert "No services match your search" in text
    body = html.unescape(response.content.decode())
    larger = re.search(
        r'<a class="govuk-link" href="([^"]*)">Try a larger distance: within 3 miles</a>', body
    )
    assert larger, text
    assert parse_qs(urlsplit(larger.group(1)).query) == {
        "postcode": ["CR0 1AA"],
        "distance": ["3"],
        "age": ["3"],
    }
    remove_age = re.search(r'<a class="govuk-link" href="([^"]*)">Remove the age filter</a>', body)
    assert remove_age
    assert parse_qs(urlsplit(remove_age.group(1)).query) == {
        "postcode": ["CR0 1AA"],
        "distance": ["1"],
    }
    assert "Shows 1 service" in text

    # Following a suggestion finds something.
    assert result_names(client.get(directory.url + larger.group(1))) == ["Middle"]


def test_no_suggestion_leads_to_another_empty_page(client, directory):
    service(directory, "Teen club", minimum_age=13, maximum_age=19, cost_options=charged("3"))

    text = page_text(search(client, directory, age="3", free="1"))

    assert "Remove the age filter" not in text  # still nothing: charges
    assert "Include services that charge" not in text  # still nothing: ages
    assert "Clear all filters" in text


# --- the optional map --------------------------------------------------------------------------


@override_settings(MAP_TILE_URL="")
def test_without_a_tile_server_there_is_no_map_and_no_leaflet(client, directory):
    service(directory, "Near", locations=[place(NEAR)])

    body = search(client, directory).content.decode()

    assert "data-app-map" not in body
    assert "leaflet" not in body


@override_settings(
    MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png",
    MAP_ATTRIBUTION="© OpenStreetMap contributors",
)
def test_with_a_tile_server_results_carry_their_markers(client, directory):
    service(directory, "Near <b>club</b>", locations=[place(NEAR)])

    body = search(client, directory).content.decode()

    assert "data-app-map" in body
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in body
    assert "vendor/leaflet/leaflet.js" in body
    points = re.search(
        r'<script id="app-map-points" type="application/json">(.*?)</script>', body, re.S
    )
    assert '"lat": 51.37327' in points.group(1)
    assert "<b>" not in points.group(1)  # names are JSON-escaped, never markup


# --- other languages -------------------------------------------------------------------------


def test_arabic_directory_lists_arabic_pages_and_takes_english_category_links(
    client, directory, arabic_home_page, locales
):
    play = TaxonomyTermFactory(name="Play", slug="play")
    english = service(directory, "Stay and play", categories=[play])
    service(directory, "Housing advice")
    arabic_directory = directory.copy_for_translation(locales["ar"])
    arabic_directory.save_revision().publish()
    arabic = english.copy_for_translation(locales["ar"])
    arabic.title = "العب وابقَ"
    arabic.save_revision().publish()
    arabic_directory.refresh_from_db()

    response = client.get(arabic_directory.get_url(), {"category": "play"})

    assert response.status_code == 200
    assert 'lang="ar"' in response.content.decode()
    assert result_names(response) == ["العب وابقَ"]  # the copy keeps the English category
    assert "/ar/" in re.search(
        r'<h3[^>]*>\s*<a class="govuk-link" href="([^"]+)"', response.content.decode()
    ).group(1)


def test_compiled_filters_find_the_same_services(directory):
    # The facet counts reuse filters compiled to SQL once; they must mean exactly the same.
    from services_directory.finder.filters import compiled, day_q, language_q, near_q, open_now_q
    from services_directory.geo.geocoder import GeoPoint

    service(directory, "Saturday stay and play", schedules=[session("SA", (9, 30), (12, 0))])
    service(directory, "Polish group", languages=[{"code": "pl"}])
    service(directory, "Nearby clinic", locations=[place(NEAR)])
    point = GeoPoint(51.37117, -0.09969, "sector", "CR0 1AA")
    with time_machine.travel(SATURDAY_MORNING, tick=False):
        for q in [day_q(5), language_q("pl"), open_now_q(), ~language_q("pl")]:
            plain = ServicePage.objects.filter(q).order_by("title")
            fast = ServicePage.objects.filter(compiled(q)).order_by("title")
            assert list(fast) == list(plain)
        assert [p.title for p in ServicePage.objects.filter(day_q(5))] == ["Saturday stay and play"]
        assert [p.title for p in ServicePage.objects.filter(near_q(point, 1))] == ["Nearby clinic"]
        assert not ServicePage.objects.filter(near_q(point, 0.5)).exists()
