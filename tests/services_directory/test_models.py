"""The directory's data model: services relate to their organisation, places, times and costs."""

import datetime
import uuid
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

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
    assert ServicePage.objects.open_on(5).get() == service
    assert ServicePage.objects.open_evenings().get() == service
    assert ServicePage.objects.open_weekends().get() == service
    assert not ServicePage.objects.open_on(0).exists()

    service.schedules.set(
        [Schedule(byday="MO", opens_at=datetime.time(9), closes_at=datetime.time(12))]
    )
    service.save()

    assert list(OpeningSession.objects.values_list("weekday", flat=True)) == [0]
    assert not ServicePage.objects.open_weekends().exists()
    assert not ServicePage.objects.open_evenings().exists()


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
    assert list(ServicePage.objects.open_at(monday_ten)) == [service]
    assert not ServicePage.objects.open_at(monday_one).exists()

    SchoolHoliday.objects.create(
        name="Half term", start_date=datetime.date(2025, 3, 3), end_date=datetime.date(2025, 3, 7)
    )
    assert not ServicePage.objects.open_at(monday_ten).exists()


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
    assert not ServicePage.objects.open_at(bank_holiday).exists()
    assert list(ServicePage.objects.open_at(next_monday)) == [service]


@pytest.mark.django_db
def test_age_filter_treats_blank_limits_as_open(directory):
    toddlers = ServicePageFactory(parent=directory, minimum_age=1, maximum_age=4)
    teens = ServicePageFactory(parent=directory, minimum_age=11, maximum_age=19)
    anyone = ServicePageFactory(parent=directory, minimum_age=None, maximum_age=None)

    assert set(ServicePage.objects.for_age(3)) == {toddlers, anyone}
    assert set(ServicePage.objects.for_age(15)) == {teens, anyone}


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
