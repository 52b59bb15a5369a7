"""What editors see in the admin: review report, dashboard count, charts and the problem queue."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from services_directory.models import ProblemStatus, ServicePage
from tests.factories.services_directory import (
    DirectoryPageFactory,
    ProblemReportFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def days_ago(days):
    return datetime.date.today() - datetime.timedelta(days=days)


@pytest.mark.django_db
def test_review_report_lists_overdue_listing_but_not_a_fresh_one(admin_client, directory, settings):
    settings.DIRECTORY_REVIEW_INTERVAL_DAYS = 365
    ServicePageFactory(
        parent=directory, title="Toy library at Elm Road", last_checked=days_ago(400)
    )
    ServicePageFactory(
        parent=directory, title="Baby massage at Oak Lane", last_checked=days_ago(10)
    )

    response = admin_client.get(reverse("services_due_for_review"))

    assertContains(response, "Toy library at Elm Road")
    assertNotContains(response, "Baby massage at Oak Lane")
    overdue = ServicePage.objects.get(title="Toy library at Elm Road")
    assertContains(response, reverse("wagtailadmin_pages:edit", args=[overdue.pk]))


@pytest.mark.django_db
def test_review_report_follows_the_review_interval_setting(admin_client, directory, settings):
    ServicePageFactory(parent=directory, title="Dads' group", last_checked=days_ago(100))

    settings.DIRECTORY_REVIEW_INTERVAL_DAYS = 365
    assertNotContains(admin_client.get(reverse("services_due_for_review")), "Dads&#x27; group")
    settings.DIRECTORY_REVIEW_INTERVAL_DAYS = 90
    assertContains(admin_client.get(reverse("services_due_for_review")), "Dads&#x27; group")


@pytest.mark.django_db
def test_review_report_exports_csv(admin_client, directory):
    ServicePageFactory(
        parent=directory, title="Speech and language drop-in", last_checked=days_ago(500)
    )

    response = admin_client.get(reverse("services_due_for_review") + "?export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Speech and language drop-in" in content


@pytest.mark.django_db
def test_review_report_csv_links_to_listings_where_the_site_is_served(admin_client, directory):
    # The Site record says http://localhost; the editor reached the admin at the staging host.
    service = ServicePageFactory(
        parent=directory, title="Speech and language drop-in", last_checked=days_ago(500)
    )

    response = admin_client.get(
        reverse("services_due_for_review") + "?export=csv", HTTP_HOST="staging.example.org:8000"
    )

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Address"] for row in rows] == [
        f"http://staging.example.org:8000{service.get_url()}"
    ]
    assert service.full_url.startswith("http://localhost/")  # what the export used to give
    assert admin_client.get(rows[0]["Address"]).status_code == 200


@pytest.mark.django_db
def test_dashboard_shows_how_many_listings_are_due_for_review(admin_client, directory):
    ServicePageFactory(parent=directory, last_checked=days_ago(400))
    ServicePageFactory(parent=directory, last_checked=days_ago(380))
    ServicePageFactory(parent=directory, last_checked=days_ago(5))

    response = admin_client.get(reverse("wagtailadmin_home"))

    assertContains(response, "2 listings due for review")


@pytest.mark.django_db
def test_overview_charts_count_services_by_category_and_review_state(admin_client, directory):
    families = TaxonomyTermFactory(name="Parenting and family support", slug="parenting")
    programmes = TaxonomyTermFactory(
        name="Parenting programmes", slug="programmes", parent=families
    )
    health = TaxonomyTermFactory(name="Health visiting and child health", slug="health")
    ServicePageFactory(parent=directory, categories=[families], last_checked=days_ago(400))
    ServicePageFactory(parent=directory, categories=[programmes])
    ServicePageFactory(parent=directory, categories=[families, programmes])
    ServicePageFactory(parent=directory, categories=[health])
    ProblemReportFactory(service=ServicePage.objects.first())

    response = admin_client.get(reverse("directory_overview"))

    content = response.content.decode()
    assert '<tr><th scope="row">Parenting and family support</th><td>3</td></tr>' in content
    assert '<tr><th scope="row">Health visiting and child health</th><td>1</td></tr>' in content
    assert '<tr><th scope="row">Overdue for review</th><td>1</td></tr>' in content
    assert '<tr><th scope="row">Checked recently</th><td>3</td></tr>' in content
    assert "1 new problem report" in content
    assert "style=" not in content.split('class="app-admin-chart"', 1)[1].split("</figure>", 1)[0]


@pytest.mark.django_db
def test_problem_report_queue_lists_a_report_with_its_listing(admin_client, directory):
    service = ServicePageFactory(parent=directory, title="Stay and play at Ash Grove")
    ProblemReportFactory(service=service, kind="times", details="Moved to Thursdays")

    response = admin_client.get(reverse("services_directory_problem_reports:index"))

    assertContains(response, "Stay and play at Ash Grove")
    assertContains(response, "The opening times are wrong")
    assertContains(response, reverse("wagtailadmin_pages:edit", args=[service.pk]))


@pytest.mark.django_db
def test_problem_report_queue_filters_by_status(admin_client, directory):
    service = ServicePageFactory(parent=directory)
    ProblemReportFactory(service=service, kind="cost", status=ProblemStatus.RESOLVED)
    ProblemReportFactory(service=service, kind="closed", status=ProblemStatus.NEW)

    response = admin_client.get(reverse("services_directory_problem_reports:index") + "?status=new")

    rows = response.content.decode().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "The service has closed" in rows
    assert "The cost is wrong" not in rows


@pytest.mark.django_db
def test_editor_can_move_a_problem_report_along_and_keep_notes(client, editor, directory):
    report = ProblemReportFactory(service=ServicePageFactory(parent=directory))
    client.force_login(editor)

    response = client.post(
        reverse("services_directory_problem_reports:edit", args=[report.pk]),
        {"status": "in_progress", "editor_notes": "Phoned the centre"},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "in_progress"
    assert report.editor_notes == "Phoned the centre"
    assert report.details == "The Saturday session has moved to Sunday."


@pytest.mark.django_db
def test_editor_can_add_a_category(client, editor, locales):
    client.force_login(editor)
    url = reverse("wagtailsnippets_services_directory_taxonomyterm:add")

    response = client.post(
        url,
        {
            "name": "Toy libraries",
            "slug": "toy-libraries",
            "sort_order": 3,
            "locale": locales["en"].pk,
        },
    )

    assert response.status_code == 302
    assertContains(
        client.get(reverse("wagtailsnippets_services_directory_taxonomyterm:list")), "Toy libraries"
    )


@pytest.mark.django_db
def test_service_edit_form_offers_weekday_boxes_and_only_its_own_language_categories(
    admin_client, directory, locales
):
    TaxonomyTermFactory(name="Toy libraries", slug="toy-libraries")
    TaxonomyTermFactory(name="Biblioteki zabawek", slug="toy-libraries", locale=locales["pl"])
    service = ServicePageFactory(
        parent=directory,
        schedules=[
            {"byday": "TU,SA", "opens_at": datetime.time(10), "closes_at": datetime.time(12)}
        ],
    )

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[service.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="schedules-0-byday" value="TU"' in content
    assert 'value="SA"' in content and "checked" in content.split('value="SA"', 1)[1][:40]
    assert "Toy libraries" in content
    assert "Biblioteki zabawek" not in content


@pytest.mark.django_db
def test_new_service_form_renders_under_the_directory(admin_client, directory):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["services_directory", "servicepage", directory.pk])
    )
    assert response.status_code == 200
    assertContains(response, "Opening times")


@pytest.mark.django_db
def test_editor_publishes_a_service_with_ticked_days_and_it_opens_on_those_days(
    admin_client, directory
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = nested_form_data(
        {
            "title": "Messy play",
            "slug": "messy-play",
            "description": "Paint, sand and water play.",
            "delivered_in_person": "on",
            "status": "active",
            "last_checked": "2025-01-06",
            "schedules": inline_formset(
                [
                    {
                        "byday": ["MO", "SA"],
                        "opens_at": "09:30",
                        "closes_at": "11:00",
                        "freq": "WEEKLY",
                    }
                ]
            ),
            "cost_options": inline_formset([{"amount": "2.00", "option": "Per child"}]),
            "service_at_locations": inline_formset([]),
            "holiday_closures": inline_formset([]),
            "phones": inline_formset([]),
            "contacts": inline_formset([]),
            "languages": inline_formset([{"code": "pl"}]),
            "service_areas": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # A browser sends one value per ticked box.
    data = {key: value for key, value in data.items() if not key.startswith("schedules-0-byday")}
    url = reverse(
        "wagtailadmin_pages:add", args=["services_directory", "servicepage", directory.pk]
    )
    payload = {**data, "schedules-0-byday": ["MO", "SA"]}

    response = admin_client.post(url, payload)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    service = ServicePage.objects.get(slug="messy-play")
    assert service.live
    assert service.schedules.get().byday == "MO,SA"
    assert set(service.opening_sessions.values_list("weekday", flat=True)) == {0, 5}
    assert service.is_free is False
    assert service.languages.get().name == "Polish"
