"""Pages are found by their URL in a fixed number of queries, with Wagtail's rules intact."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from council_site.page_cache import GENERATION_KEY
from home.models import SiteText
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


def restrict(page, password="letmein-2026"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def assert_asks_for_the_password(client, page, hidden_text):
    content = client.get(page.url).content.decode()
    assert hidden_text not in content
    assert 'name="password"' in content


def test_a_password_protected_page_asks_for_the_password(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Staff guidance", introduction="Secret")
    restrict(page)

    assert_asks_for_the_password(client, page, "Secret")


def test_a_restriction_on_a_section_protects_the_pages_inside_it(client, home_page):
    section = ContentPageFactory(parent=home_page, title="Staff area")
    inner = ContentPageFactory(parent=section, title="Rota", introduction="Rota details")
    restrict(section)

    assert_asks_for_the_password(client, inner, "Rota details")


def test_the_right_password_opens_the_page(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Staff guidance", introduction="Secret")
    restriction = restrict(page)
    client.post(
        f"/en/_util/authenticate_with_password/{restriction.id}/{page.id}/",
        {"password": "letmein-2026", "return_url": page.url},
    )

    assert "Secret" in client.get(page.url).content.decode()


def test_a_page_that_is_not_published_is_not_found(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Coming soon")
    page.unpublish()

    assert client.get(page.url).status_code == 404


def test_deep_pages_take_as_many_queries_as_shallow_ones(client, home_page):
    shallow = ContentPageFactory(parent=home_page, title="Shallow")
    parent = ContentPageFactory(parent=home_page, title="Section")
    for depth in range(4):
        parent = ContentPageFactory(parent=parent, title=f"Level {depth}")
    counts = []
    for page in (shallow, parent):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_arabic_address_serves_the_arabic_page(client, arabic_home_page):
    page = ContentPageFactory(parent=arabic_home_page.get_parent().get_children().first())
    translation = page.copy_for_translation(arabic_home_page.locale)
    translation.title = "صفحة عربية"
    translation.save_revision().publish()

    response = client.get(translation.url)

    assert response.status_code == 200
    assert "صفحة عربية" in response.content.decode()


def test_a_change_saved_by_another_process_is_seen_at_once(client, home_page):
    client.get("/en/")  # this process now keeps the furniture of this generation
    SiteText.objects.filter(locale__language_code="en").update(
        organisation_name="Renamed Borough Council"
    )
    assert "Renamed Borough Council" not in client.get("/en/").content.decode()

    # Another process saved the settings: its signal moved the shared generation on.
    cache.set(GENERATION_KEY, 123456789, None)

    assert "Renamed Borough Council" in client.get("/en/").content.decode()


def test_a_restriction_added_after_a_view_protects_the_page_at_once(client, home_page):
    # With no restriction anywhere, routing skips the check; adding one must switch it back on.
    page = ContentPageFactory(parent=home_page, title="Staff guidance", introduction="Secret")
    assert "Secret" in client.get(page.url).content.decode()

    restrict(page)

    assert_asks_for_the_password(client, page, "Secret")


def test_with_no_restriction_or_alias_anywhere_a_page_asks_nothing_about_them(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Open to all", introduction="Hello")
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert "Hello" in client.get(page.url).content.decode()
    assert not any("pageviewrestriction" in q["sql"] for q in queries.captured_queries)
    assert not any('alias_of_id" IS NOT NULL' in q["sql"] for q in queries.captured_queries)
