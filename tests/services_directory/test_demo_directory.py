"""The demo directory: enough realistic services to try every filter, loaded idempotently."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.log_actions import log

from services_directory.demo.holidays import school_holidays
from services_directory.demo.loader import load_demo_directory
from services_directory.finder.filters import evenings_q, open_now_q, weekends_q
from services_directory.finder.universe import read_universe
from services_directory.models import (
    DirectoryPage,
    Location,
    OpeningSession,
    Organisation,
    Schedule,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
)


def snapshot():
    return {
        "services": ServicePage.objects.count(),
        "live": ServicePage.objects.live().count(),
        "organisations": Organisation.objects.count(),
        "locations": Location.objects.count(),
        "terms": TaxonomyTerm.objects.count(),
        "schedules": Schedule.objects.count(),
        "sessions": OpeningSession.objects.count(),
        "revisions": sum(page.revisions.count() for page in ServicePage.objects.all()),
        "last_modified": sorted(ServicePage.objects.values_list("last_modified", flat=True)),
        "descriptions": sorted(ServicePage.objects.values_list("description", flat=True)),
    }


@pytest.mark.django_db
def test_loading_twice_changes_nothing(home_page):
    out = io.StringIO()
    first_changes = load_demo_directory(home_page, stdout=out)
    before = snapshot()

    second_changes = load_demo_directory(home_page)

    assert first_changes > 40
    assert second_changes == 0
    assert snapshot() == before
    assert "services: 40/" in out.getvalue()


@pytest.mark.django_db
def test_loading_again_keeps_what_editors_changed_in_the_admin(home_page, moderator, editor):
    load_demo_directory(home_page)
    page = ServicePage.objects.order_by("pk").first()
    page.title = "Stay and play, now on Fridays too"
    page.save_revision(user=moderator).publish(user=moderator)
    unpublished = ServicePage.objects.live().exclude(pk=page.pk).order_by("pk").first()
    unpublished.unpublish(user=moderator)
    place = Location.objects.order_by("pk").first()
    place.name = "Elm Road Family Hub"
    place.save()
    log(place, "wagtail.edit", user=editor)
    out = io.StringIO()

    load_demo_directory(home_page, stdout=out)

    page.refresh_from_db()
    unpublished.refresh_from_db()
    place.refresh_from_db()
    assert page.title == "Stay and play, now on Fridays too"
    assert not unpublished.live
    assert place.name == "Elm Road Family Hub"
    assert "changed in the admin by moderator" in out.getvalue()
    assert "kept 'Elm Road Family Hub, " in out.getvalue()
    assert "changed in the admin by editor" in out.getvalue()


@pytest.mark.django_db
def test_demo_directory_has_varied_live_services_under_the_home_page(home_page):
    load_demo_directory(home_page)

    directory = DirectoryPage.objects.child_of(home_page).get()
    services = ServicePage.objects.live().child_of(directory)
    assert services.count() >= 40
    assert services.filter(is_free=True).exists() and services.filter(is_free=False).exists()
    assert services.filter(weekends_q()).exists()
    assert services.filter(evenings_q()).exists()
    ages = read_universe(directory).ages
    assert ages[15] and ages[0]
    assert services.filter(maximum_age=25).exists()
    assert services.filter(delivered_online=True).exists()
    assert services.filter(delivered_by_phone=True, delivered_in_person=False).exists()
    assert Schedule.objects.filter(term_time_only=True).exists()
    assert {"pl", "ro", "ar", "ur", "bn", "so", "ta", "pt"} <= set(
        ServiceLanguage.objects.values_list("code", flat=True)
    )
    assert services.overdue_for_review().exists()
    assert services.exclude(pk__in=services.due_for_review()).exists()
    # Every place is in one of the borough's real postcode districts, with a position on the map.
    districts = {location.postal_code.split()[0] for location in Location.objects.all()}
    assert districts <= {"CR0", "CR2", "CR5", "CR7", "CR8", "SE19", "SE25", "SW16"}
    assert not Location.objects.filter(latitude__isnull=True).exists()
    assert all(51.28 < lat < 51.45 for lat in Location.objects.values_list("latitude", flat=True))


@pytest.mark.django_db
def test_demo_holiday_club_runs_in_the_school_holidays_only(home_page):
    london = zoneinfo.ZoneInfo("Europe/London")
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0, tzinfo=london), tick=False):
        load_demo_directory(home_page)
    holiday_club = ServicePage.objects.get(slug="holiday-activities-and-food")
    assert all(s.school_holidays_only for s in holiday_club.schedules.all())

    term_time = datetime.datetime(2026, 6, 18, 11, 0, tzinfo=london)  # a Thursday in term
    summer = datetime.datetime(2026, 7, 23, 11, 0, tzinfo=london)  # a Thursday in the holiday
    assert holiday_club not in ServicePage.objects.filter(open_now_q(term_time))
    assert holiday_club in ServicePage.objects.filter(open_now_q(summer))


@pytest.mark.django_db
def test_demo_categories_come_from_the_core_purpose(home_page):
    load_demo_directory(home_page)

    top = TaxonomyTerm.objects.filter(parent__isnull=True).values_list("name", flat=True)
    assert "Early learning and childcare" in top
    assert "Health visiting and child health" in top
    assert (
        TaxonomyTerm.objects.get(slug="infant-feeding").parent.slug
        == "health-visiting-and-child-health"
    )


@pytest.mark.django_db
def test_command_loads_the_directory(home_page):
    out = io.StringIO()
    call_command("load_demo_directory", stdout=out)
    assert ServicePage.objects.live().count() >= 40
    assert "Directory ready" in out.getvalue()


def test_school_holidays_cover_the_academic_year():
    holidays = school_holidays(datetime.date(2025, 11, 3))
    names = [name for name, _start, _end in holidays]
    assert names[0] == "October half term 2025\N{EN DASH}26"
    easter = next(h for h in holidays if h[0].startswith("Easter"))
    assert easter[1] < datetime.date(2026, 4, 5) < easter[2]  # Easter Sunday 2026
    assert all(start <= end for _name, start, end in holidays)


@pytest.mark.django_db
def test_generate_directory_makes_live_searchable_services(home_page):
    out = io.StringIO()
    call_command("generate_directory", "--services", "200", "--seed", "7", stdout=out)

    generated = ServicePage.objects.live().filter(slug__startswith="generated-")
    assert generated.count() == 200
    assert "Services: 200/200 (100%)" in out.getvalue()
    assert "Search index: 200/200 (100%)" in out.getvalue()
    # Every generated page sits properly in the page tree and can be found by a word in its title.
    directory = DirectoryPage.objects.get()
    assert directory.get_children().count() == directory.numchild == 200
    sample = generated.order_by("path").first()
    word = sample.title.split()[0].strip(",")
    assert sample in ServicePage.objects.live().search(word)
    assert sample.get_url() == f"{directory.get_url()}{sample.slug}/"
    assert OpeningSession.objects.filter(service=sample).exists()
    assert generated.filter(is_free=False).exists() and generated.filter(is_free=True).exists()


@pytest.mark.django_db
def test_generate_directory_is_deterministic_for_a_seed(home_page):
    call_command("generate_directory", "--services", "30", "--seed", "11", stdout=io.StringIO())
    first = list(
        ServicePage.objects.order_by("path").values_list("title", "minimum_age", "is_free")
    )

    call_command(
        "generate_directory", "--services", "30", "--seed", "11", "--clear", stdout=io.StringIO()
    )
    second = list(
        ServicePage.objects.order_by("path").values_list("title", "minimum_age", "is_free")
    )

    assert first == second
    assert len(second) == 30


@pytest.mark.django_db
def test_generate_directory_rejects_silly_counts(home_page):
    with pytest.raises(CommandError):
        call_command("generate_directory", "--services", "0", stdout=io.StringIO())


@pytest.mark.postgres
@pytest.mark.django_db
def test_generate_directory_leaves_postgresql_knowing_how_many_services_there_are(home_page):
    # Planning from "the table is empty" made the first searches after a bulk load take seconds.
    call_command("generate_directory", "--services", "300", "--seed", "3", stdout=io.StringIO())

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s",
            [ServicePage._meta.db_table],
        )
        (estimated_rows,) = cursor.fetchone()
    assert estimated_rows >= 300


@pytest.mark.django_db
def test_generate_directory_says_what_to_do_when_the_demo_directory_was_deleted(home_page):
    load_demo_directory(home_page)
    directory = DirectoryPage.objects.get()
    ServicePage.objects.child_of(directory).delete()
    directory.delete()

    with pytest.raises(CommandError, match="add a Directory page under the home page"):
        call_command("generate_directory", "--services", "5", stdout=io.StringIO())
    assert not DirectoryPage.objects.exists()
