"""Directory pages make the same number of SQL queries with 100 services as with 2,000."""

import datetime
import re
import uuid
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from foundation.page_cache import invalidate
from services_directory.models import (
    CostOption,
    OpeningSession,
    Schedule,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
)
from tests.directory_support import (
    MIDDLE,
    NEAR,
    place,
    result_names,
    service,
    session,
)
from tests.factories.services_directory import TaxonomyTermFactory

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db
QUERY_BUDGET = 15
SMALL, LARGE = 100, 2000


def add_services(directory, count, *, categories, locations):
    """`count` plausible services under `directory`, in bulk: a few seconds for thousands.

    Pages are inserted as rows (Wagtail's add_child would save them one by one), with the child
    rows a results page reads: a schedule and its sessions, a cost, a place, a language, a category.
    """
    content_type = ContentType.objects.get_for_model(ServicePage)
    directory.refresh_from_db()
    start = directory.numchild
    now = timezone.now()
    pages = []
    for offset in range(count):
        number = start + offset + 1
        slug = f"bulk-service-{number}"
        pages.append(
            Page(
                title=f"Bulk stay and play {number}",
                draft_title=f"Bulk stay and play {number}",
                slug=slug,
                path=Page._get_path(directory.path, directory.depth + 1, number),
                depth=directory.depth + 1,
                numchild=0,
                url_path=f"{directory.url_path}{slug}/",
                content_type=content_type,
                locale_id=directory.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    pages = Page.objects.bulk_create(pages)
    services = [
        ServicePage(
            page_ptr_id=page.pk,
            description="Songs, stories and play for young children and their parents.",
            minimum_age=number % 4,
            maximum_age=5 + number % 10,
            is_free=number % 3 != 0,
            last_modified=now,
        )
        for number, page in enumerate(pages)
    ]
    fields = ServicePage._meta.local_concrete_fields
    ServicePage._base_manager._insert(services, fields=fields, using=connection.alias)
    for page, service_row in zip(pages, services, strict=True):
        service_row.__dict__.update(
            {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
        )
    schedules = Schedule.objects.bulk_create(
        Schedule(
            service_id=page.pk,
            byday="MO,SA",
            opens_at=datetime.time(9, 30),
            closes_at=datetime.time(12),
        )
        for page in pages
    )
    OpeningSession.objects.bulk_create(
        OpeningSession(
            service_id=schedule.service_id,
            schedule=schedule,
            weekday=weekday,
            opens_at=schedule.opens_at,
            closes_at=schedule.closes_at,
        )
        for schedule in schedules
        for weekday in (0, 5)
    )
    CostOption.objects.bulk_create(
        CostOption(service_id=s.pk, amount=Decimal("2.50"), option="Per session")
        for s in services
        if not s.is_free
    )
    ServiceAtLocation.objects.bulk_create(
        ServiceAtLocation(service_id=page.pk, location=locations[n % len(locations)])
        for n, page in enumerate(pages)
    )
    ServiceLanguage.objects.bulk_create(
        ServiceLanguage(service_id=page.pk, code=("pl", "so", "ar")[n % 3], name="")
        for n, page in enumerate(pages)
    )
    through = ServicePage.categories.through
    through.objects.bulk_create(
        through(servicepage_id=page.pk, taxonomyterm=categories[n % len(categories)])
        for n, page in enumerate(pages)
    )
    Page.objects.filter(pk=directory.pk).update(numchild=start + count)
    get_search_backend().add_bulk(
        ServicePage, ServicePage.objects.filter(pk__in=[p.pk for p in pages])
    )
    # Bulk inserts send no signals: move the content generation on as an import does.
    invalidate()


URLS = [
    "",
    "?q=play",
    "?q=play&free=1&age=3",
    "?postcode=CR0+1AA&age=3&free=1&day=sat",
    "?postcode=CR0+1AA&distance=5&q=stories&sort=distance",
    "?category=play&language=pl&open_now=1&weekends=1&evenings=1&delivery=in_person",
    "?page=2",
    "?age=25&free=1&postcode=CR0&distance=1",  # few or no results: the suggestions page
]


def count_queries(client, url):
    client.get(url)  # warm the site root cache, as any running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


# A minute turning mid-test would add the "open now" query to one count.
@pytest.mark.usefixtures("still_clock")
def test_results_pages_make_the_same_queries_with_100_and_2000_services(client, directory):
    play = TaxonomyTermFactory(name="Play", slug="play")
    health = TaxonomyTermFactory(name="Health", slug="health")
    TaxonomyTermFactory(name="Baby clinics", slug="baby-clinics", parent=health)
    locations = [place(NEAR, "Croydon centre"), place(MIDDLE, "South Norwood centre")]
    add_services(directory, SMALL, categories=[play, health], locations=locations)
    small = {url: count_queries(client, directory.url + url) for url in URLS}

    add_services(directory, LARGE - SMALL, categories=[play, health], locations=locations)
    large = {url: count_queries(client, directory.url + url) for url in URLS}

    for url in URLS:
        assert small[url][0] == large[url][0], url
        assert large[url][0] <= QUERY_BUDGET, url
    # A parent with a shortlist has a session to read as well: still within the budget.
    some_service = ServicePage.objects.filter(pk__in=directory.get_children().values("pk")).first()
    client.post("/en/directory/shortlist/add/", {"service": some_service.translation_key.hex})
    for url in URLS:
        assert count_queries(client, directory.url + url)[0] <= QUERY_BUDGET, url
    # The pages really did list services: the counts were measured on full pages.
    assert len(result_names(large[""][1])) == 20
    assert (
        "2,000 services found" in large[""][1].content.decode()
        or "2000 services found" in large[""][1].content.decode()
    )


def test_keyword_ranking_sees_only_the_filtered_services(client, directory):
    """Scoring, the costly part, sees only the services the filters keep, never everything."""
    free = service(directory, "Free rhyme time", description="Rhymes and songs.")
    paid = service(
        directory,
        "Paid rhyme time",
        description="Rhymes and songs.",
        cost_options=[{"amount": Decimal(4), "option": ""}],
    )

    with CaptureQueriesContext(connection) as queries:
        response = client.get(directory.url, {"q": "rhymes", "free": "1"})

    assert result_names(response) == ["Free rhyme time"]
    ranking = [
        q["sql"]
        for q in queries.captured_queries
        if "bm25" in q["sql"].lower() or "ts_rank" in q["sql"].lower()
    ]
    assert len(ranking) == 1
    # The candidates travel as one list of ids: the free service's, not the paid one's.
    candidates = re.search(r"(?:json_each|unnest)\((.*?)\)", ranking[0]).group(1)
    assert set(map(int, re.findall(r"\d+", candidates.split("::")[0]))) == {free.pk}
    assert paid.pk != free.pk


@pytest.mark.postgres
def test_postgresql_runs_the_full_text_match_once_not_in_every_count(client, directory):
    for number in range(3):
        service(directory, f"Rhyme time {number}", description="Rhymes and songs.")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(directory.url, {"q": "rhymes", "age": "2"})

    assert len(result_names(response)) == 3
    counts = [q["sql"] for q in queries.captured_queries if "UNION ALL" in q["sql"]]
    assert counts and all("@@" not in sql for sql in counts)
    assert sum("@@" in q["sql"] for q in queries.captured_queries) == 2  # the ids, the ranking


def test_service_and_shortlist_pages_make_the_same_queries_as_the_directory_grows(
    client,
    directory,
):
    play = TaxonomyTermFactory(name="Play", slug="play")
    locations = [place(NEAR, "Croydon centre"), place(MIDDLE, "South Norwood centre")]
    page = service(
        directory,
        "Stay and play",
        categories=[play],
        locations=[locations[0]],
        schedules=[session("MO", (9, 0), (11, 0))],
        languages=[{"code": "pl"}],
        phones=[{"number": "020 7946 0123"}],
    )
    client.post("/en/directory/shortlist/add/", {"service": page.translation_key.hex})
    add_services(directory, 20, categories=[play], locations=locations)
    service_small, _ = count_queries(client, page.get_url())
    shortlist_small, _ = count_queries(client, "/en/directory/shortlist/")

    add_services(directory, 300, categories=[play], locations=locations)
    service_large, response = count_queries(client, page.get_url())
    shortlist_large, _ = count_queries(client, "/en/directory/shortlist/")

    assert service_small == service_large
    assert shortlist_small == shortlist_large
    assert len(re.findall(r'class="app-related__item"', response.content.decode())) == 3
