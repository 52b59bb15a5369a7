"""The directory's data model: services relate to their organisation, places, times and costs."""

import datetime
import uuid
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from services_directory.finder import bits
from services_directory.finder.filters import date_q, day_q, evenings_q, open_now_q, weekends_q
from services_directory.finder.opening import (
    DateRange,
    covered,
    next_opening,
    sessions_from_schedules,
)
from services_directory.finder.universe import read_universe
from services_directory.models import (
    Location,
    OpeningSession,
    ReviewState,
    Schedule,
    SchoolHoliday,
    ServiceLanguage,
    ServicePage,
)
from tests.factories.services_directory import (
    DirectoryPageFactory,
    LocationFactory,
    OrganisationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.mark.django_db
def test_service_keeps_its_organisation_location_categories_and_children(directory):
    organisation = OrganisationFactory(name="Bramble Lane Family Trust")
    location = LocationFactory(name="Bramble Lane Children's Centre")
    category = TaxonomyTermFactory(name="Play and learning", slug="play-and-learning")
    service = ServicePageFactory(
        parent=directory,
        title="Bumps and babies",
        organisation=organisation,
        locations=[location],
        categories=[category],
        schedules=[
            {"byday": "MO,WE", "opens_at": datetime.time(9, 30), "closes_at": datetime.time(11, 30)}
        ],
        languages=[{"code": "pl"}, {"code": "so"}],
        phones=[{"number": "020 7946 0123", "description": "Bookings"}],
    )

    service = ServicePage.objects.get(pk=service.pk)
    assert service.organisation.name == "Bramble Lane Family Trust"
    assert [sal.location.name for sal in service.service_at_locations.all()] == [
        "Bramble Lane Children's Centre"
    ]
    assert list(service.categories.values_list("slug", flat=True)) == ["play-and-learning"]
    assert [str(schedule) for schedule in service.schedules.all()] == [
        "Monday, Wednesday 09:30\N{EN DASH}11:30"
    ]
    assert [(language.code, language.name) for language in service.languages.all()] == [
        ("pl", "Polish"),
        ("so", "Somali"),
    ]
    assert organisation.services.get() == service
    assert category.services.get() == service


@pytest.mark.django_db
def test_service_is_free_until_a_cost_option_has_an_amount(directory):
    free = ServicePageFactory(
        parent=directory, cost_options=[{"amount": None, "option": "Drop in"}]
    )
    paid = ServicePageFactory(
        parent=directory, cost_options=[{"amount": Decimal("3.50"), "option": "Per session"}]
    )

    assert list(ServicePage.objects.filter(is_free=True)) == [free]
    assert list(ServicePage.objects.filter(is_free=False)) == [paid]


@pytest.mark.django_db
def test_weekday_sessions_follow_the_schedule_after_each_save(directory):
    service = ServicePageFactory(
        parent=directory,
        schedules=[
            {"byday": "SA", "opens_at": datetime.time(10), "closes_at": datetime.time(12)},
            {"byday": "TU,TH", "opens_at": datetime.time(17), "closes_at": datetime.time(19)},
        ],
    )
    assert ServicePage.objects.filter(day_q(5)).get() == service
    assert ServicePage.objects.filter(evenings_q()).get() == service
    assert ServicePage.objects.filter(weekends_q()).get() == service
    assert not ServicePage.objects.filter(day_q(0)).exists()

    service.schedules.set(
        [Schedule(byday="MO", opens_at=datetime.time(9), closes_at=datetime.time(12))]
    )
    service.save()

    assert list(OpeningSession.objects.values_list("weekday", flat=True)) == [0]
    assert not ServicePage.objects.filter(weekends_q()).exists()
    assert not ServicePage.objects.filter(evenings_q()).exists()


@pytest.mark.django_db
def test_open_now_respects_times_closures_and_school_holidays(directory):
    service = ServicePageFactory(
        parent=directory,
        schedules=[
            {
                "byday": "MO",
                "opens_at": datetime.time(9),
                "closes_at": datetime.time(12),
                "term_time_only": True,
            }
        ],
    )
    monday_ten = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=LONDON)
    monday_one = datetime.datetime(2025, 3, 3, 13, 0, tzinfo=LONDON)
    assert list(ServicePage.objects.filter(open_now_q(monday_ten))) == [service]
    assert not ServicePage.objects.filter(open_now_q(monday_one)).exists()

    SchoolHoliday.objects.create(
        name="Half term", start_date=datetime.date(2025, 3, 3), end_date=datetime.date(2025, 3, 7)
    )
    assert not ServicePage.objects.filter(open_now_q(monday_ten)).exists()


@pytest.mark.django_db
def test_holiday_closure_closes_the_service(directory):
    service = ServicePageFactory(
        parent=directory,
        schedules=[{"byday": "MO", "opens_at": datetime.time(9), "closes_at": datetime.time(12)}],
        holiday_closures=[
            {"start_date": datetime.date(2025, 5, 5), "end_date": datetime.date(2025, 5, 5)}
        ],
    )
    bank_holiday = datetime.datetime(2025, 5, 5, 10, 0, tzinfo=LONDON)
    next_monday = datetime.datetime(2025, 5, 12, 10, 0, tzinfo=LONDON)
    assert not ServicePage.objects.filter(open_now_q(bank_holiday)).exists()
    assert list(ServicePage.objects.filter(open_now_q(next_monday))) == [service]


def _schedule(byday, opens=(10, 0), closes=(12, 0), **extra):
    return {
        "byday": byday,
        "opens_at": datetime.time(*opens),
        "closes_at": datetime.time(*closes),
        **extra,
    }


@pytest.fixture
def varied_services(directory):
    """One service for each way a session can be placed on the calendar, or kept off it."""
    make = ServicePageFactory
    make(parent=directory, title="Weekly Saturday", schedules=[_schedule("SA")])
    make(
        parent=directory,
        title="First Wednesday",
        schedules=[_schedule("1WE", freq="MONTHLY")],
    )
    make(
        parent=directory,
        title="Second and last Tuesday",
        schedules=[_schedule("2TU,-1TU", freq="MONTHLY")],
    )
    make(
        parent=directory,
        title="Every other month, first Monday",
        schedules=[_schedule("1MO", freq="MONTHLY", interval=2, dtstart=datetime.date(2026, 7, 6))],
    )
    make(
        parent=directory,
        title="Fortnightly Thursday",
        schedules=[_schedule("TH", interval=2, dtstart=datetime.date(2026, 6, 11))],
    )
    make(
        parent=directory,
        title="Summer weekdays",
        schedules=[
            _schedule(
                "MO,TU,WE,TH,FR",
                valid_from=datetime.date(2026, 7, 22),
                valid_to=datetime.date(2026, 8, 28),
            )
        ],
    )
    make(
        parent=directory, title="Term-time Friday", schedules=[_schedule("FR", term_time_only=True)]
    )
    make(
        parent=directory,
        title="Holiday club",
        schedules=[_schedule("MO,TH", school_holidays_only=True)],
    )
    make(
        parent=directory,
        title="Closed in early August",
        schedules=[_schedule("MO,SA")],
        holiday_closures=[
            {"start_date": datetime.date(2026, 8, 1), "end_date": datetime.date(2026, 8, 10)}
        ],
    )
    make(
        parent=directory,
        title="Temporarily closed",
        status="temporarily closed",
        schedules=[_schedule("MO,TU,WE,TH,FR,SA,SU")],
    )
    make(
        parent=directory,
        title="Fifteenth of the month",
        schedules=[_schedule("", freq="MONTHLY", bymonthday="15")],
    )
    SchoolHoliday.objects.create(
        name="Summer holiday 2026",
        start_date=datetime.date(2026, 7, 22),
        end_date=datetime.date(2026, 8, 31),
    )


def _open_in_python(day):
    """Who the service page's rule (opening.Session.runs_on) says is open on `day`."""
    holiday = covered(SchoolHoliday.objects.all(), day)
    names = []
    for service in ServicePage.objects.prefetch_related("schedules", "holiday_closures"):
        closed = any(c.start_date <= day <= c.end_date for c in service.holiday_closures.all())
        runs = any(
            s.runs_on(day, school_holiday=holiday)
            for s in sessions_from_schedules(service.schedules.all(), service)
        )
        if service.status == "active" and runs and not closed:
            names.append(service.title)
    return sorted(names)


@pytest.mark.django_db
def test_the_database_and_the_service_page_agree_on_every_day_for_ten_weeks(varied_services):
    """The filters (SQL) and "next opening" (Python) place sessions by the same rules."""
    start = datetime.date(2026, 6, 29)
    # The directory passes the school holidays it has read; without them the filter asks.
    read = [DateRange(h.start_date, h.end_date) for h in SchoolHoliday.objects.all()]
    seen = set()
    for offset in range(70):
        day = start + datetime.timedelta(days=offset)
        for holidays in (None, read):
            in_sql = sorted(
                ServicePage.objects.filter(date_q(day, holidays)).values_list("title", flat=True)
            )
            assert in_sql == _open_in_python(day), (day, holidays)
        seen.update(in_sql)
    # Each kind of schedule was open at least once, so the comparison meant something.
    assert seen == {
        "Weekly Saturday",
        "First Wednesday",
        "Second and last Tuesday",
        "Every other month, first Monday",
        "Fortnightly Thursday",
        "Summer weekdays",
        "Term-time Friday",
        "Holiday club",
        "Closed in early August",
    }


@pytest.mark.django_db
def test_monthly_and_fortnightly_sessions_fall_on_the_right_dates(varied_services):
    def open_on(*date):
        return set(
            ServicePage.objects.filter(date_q(datetime.date(*date))).values_list("title", flat=True)
        )

    assert "First Wednesday" in open_on(2026, 7, 1)
    assert "First Wednesday" not in open_on(2026, 7, 8)
    assert "Second and last Tuesday" in open_on(2026, 7, 14)
    assert "Second and last Tuesday" in open_on(2026, 7, 28)
    assert "Second and last Tuesday" not in open_on(2026, 7, 21)
    assert "Every other month, first Monday" in open_on(2026, 7, 6)
    assert "Every other month, first Monday" not in open_on(2026, 8, 3)
    assert "Every other month, first Monday" in open_on(2026, 9, 7)
    assert "Fortnightly Thursday" in open_on(2026, 6, 11)
    assert "Fortnightly Thursday" not in open_on(2026, 6, 18)
    assert "Fortnightly Thursday" in open_on(2026, 6, 25)
    assert "Fortnightly Thursday" not in open_on(2026, 6, 4)  # before its first session
    assert "Term-time Friday" in open_on(2026, 7, 17)
    assert "Term-time Friday" not in open_on(2026, 7, 24)  # summer holiday
    assert "Holiday club" not in open_on(2026, 7, 20)  # the last Monday of term
    assert "Holiday club" in open_on(2026, 7, 23)
    assert "Fifteenth of the month" not in open_on(2026, 7, 15)  # days of the month: not placed
    assert "Temporarily closed" not in open_on(2026, 7, 15)


@pytest.mark.django_db
def test_open_now_filter_agrees_with_next_opening(varied_services):
    for moment in (
        datetime.datetime(2026, 7, 1, 10, 30, tzinfo=LONDON),
        datetime.datetime(2026, 7, 1, 12, 0, tzinfo=LONDON),
        datetime.datetime(2026, 7, 24, 11, 59, tzinfo=LONDON),
        datetime.datetime(2026, 8, 3, 10, 0, tzinfo=LONDON),
    ):
        by_filter = set(
            ServicePage.objects.filter(open_now_q(moment)).values_list("title", flat=True)
        )
        day = moment.date()
        holiday = [DateRange(h.start_date, h.end_date) for h in SchoolHoliday.objects.all()]
        by_directory = set(
            ServicePage.objects.filter(open_now_q(moment, holiday)).values_list("title", flat=True)
        )
        by_page = set()
        for service in ServicePage.objects.filter(status="active"):
            closures = [DateRange(c.start_date, c.end_date) for c in service.holiday_closures.all()]
            opening = next_opening(
                sessions_from_schedules(service.schedules.all(), service),
                closures=closures,
                school_holidays=holiday,
                now=moment,
            )
            if opening and opening.is_open and opening.day == day:
                by_page.add(service.title)
        assert by_filter == by_directory == by_page, moment


@pytest.mark.django_db
def test_age_filter_treats_blank_limits_as_open(directory):
    toddlers = ServicePageFactory(parent=directory, minimum_age=1, maximum_age=4)
    teens = ServicePageFactory(parent=directory, minimum_age=11, maximum_age=19)
    anyone = ServicePageFactory(parent=directory, minimum_age=None, maximum_age=None)

    universe = read_universe(directory)

    def for_age(age):
        return {universe.pks[position] for position in bits.positions(universe.ages[age])}

    assert for_age(3) == {toddlers.pk, anyone.pk}
    assert for_age(15) == {teens.pk, anyone.pk}


@pytest.mark.django_db
def test_oruk_id_is_shared_by_translations(directory, arabic_home_page, locales):
    organisation = OrganisationFactory()
    service = ServicePageFactory(
        parent=directory, organisation=organisation, languages=[{"code": "ar"}]
    )
    directory.copy_for_translation(locales["ar"])
    arabic_service = service.copy_for_translation(locales["ar"])
    arabic_organisation = organisation.copy_for_translation(locales["ar"])
    arabic_organisation.save()

    assert isinstance(service.oruk_id, uuid.UUID)
    assert arabic_service.oruk_id == service.oruk_id
    assert arabic_organisation.oruk_id == organisation.oruk_id
    assert arabic_service.languages.get().oruk_id == service.languages.get().oruk_id


@pytest.mark.django_db
def test_review_state_uses_the_review_interval(directory, settings):
    settings.DIRECTORY_REVIEW_INTERVAL_DAYS = 100
    today = datetime.date.today()
    fresh = ServicePageFactory(parent=directory, last_checked=today)
    soon = ServicePageFactory(parent=directory, last_checked=today - datetime.timedelta(days=80))
    old = ServicePageFactory(parent=directory, last_checked=today - datetime.timedelta(days=101))

    assert fresh.review_state == ReviewState.UP_TO_DATE
    assert soon.review_state == ReviewState.DUE_SOON
    assert old.review_state == ReviewState.OVERDUE
    assert set(ServicePage.objects.due_for_review()) == {soon, old}
    assert list(ServicePage.objects.overdue_for_review()) == [old]


@pytest.mark.django_db
def test_age_range_and_times_are_validated(directory):
    service = ServicePageFactory.build(minimum_age=10, maximum_age=5, delivered_in_person=False)
    with pytest.raises(ValidationError) as error:
        service.clean()
    assert "maximum_age" in error.value.message_dict

    schedule = Schedule(byday="MO", opens_at=datetime.time(12), closes_at=datetime.time(9))
    with pytest.raises(ValidationError) as error:
        schedule.clean()
    assert "closes_at" in error.value.message_dict


@pytest.mark.django_db
def test_schedule_asks_for_a_first_date_when_fortnightly_and_one_kind_of_weeks():
    fortnightly = Schedule(
        byday="SA", opens_at=datetime.time(10), closes_at=datetime.time(12), interval=2
    )
    with pytest.raises(ValidationError) as error:
        fortnightly.clean()
    assert "dtstart" in error.value.message_dict
    fortnightly.dtstart = datetime.date(2026, 6, 6)
    fortnightly.clean()

    both = Schedule(
        byday="SA",
        opens_at=datetime.time(10),
        closes_at=datetime.time(12),
        term_time_only=True,
        school_holidays_only=True,
    )
    with pytest.raises(ValidationError) as error:
        both.clean()
    assert "school_holidays_only" in error.value.message_dict


@pytest.mark.django_db
def test_schedule_days_reject_text_that_is_not_an_rrule_day_list():
    schedule = Schedule(byday="<b>MO</b>")
    with pytest.raises(ValidationError) as error:
        schedule.clean_fields(exclude=["service", "sort_order"])
    assert "byday" in error.value.message_dict


@pytest.mark.django_db
def test_location_gets_a_position_and_tidy_postcode_from_what_editors_type(locales):
    location = Location(name="Thornton Heath Library", postal_code="cr7  8rs", locale=locales["en"])
    location.full_clean()
    assert location.postal_code == "CR7 8RS"
    assert 51.3 < location.latitude < 51.45
    assert -0.2 < location.longitude < 0.0

    bad = Location(name="Nowhere", postal_code="<script>", locale=locales["en"])
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "postal_code" in error.value.message_dict


@pytest.mark.django_db
def test_language_name_is_stored_in_english_for_open_referral(directory):
    service = ServicePageFactory(parent=directory, languages=[{"code": "bn"}])
    assert ServiceLanguage.objects.get(service=service).name == "Bengali"
