"""Pages are found by their URL in a fixed number of queries, with Wagtail's rules intact."""

import hashlib
import inspect
import pathlib
import re

import pytest
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import views as wagtail_views
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from foundation.page_cache import GENERATION_KEY
from foundation.site_paths import page_url
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


def test_a_missing_page_is_not_found_in_any_language(client, arabic_home_page):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/no/such/deep/page/").status_code == 404
    assert client.get("/ar/no-such-page/").status_code == 404


def test_a_redirect_still_answers_where_no_page_is(client, home_page):
    page = ContentPageFactory(parent=home_page, title="New home for it")
    Redirect.objects.create(old_path="/en/old-address", redirect_page=page)

    response = client.get("/en/old-address/")

    assert response.status_code == 301
    assert response["Location"] == page.url


def test_an_editor_following_view_live_sees_the_page(client, superuser, home_page):
    page = ContentPageFactory(parent=home_page, title="Published", introduction="Live text")
    client.force_login(superuser)

    assert "Live text" in client.get(page.url).content.decode()


# --- only Wagtail's public API ------------------------------------------------------------------

PRODUCT_PACKAGES = ["foundation", "home", "services_directory", "consultations", "search", "site"]
PRIVATE_ASSIGNMENT = re.compile(r"\.(_[a-z][a-z0-9_]*)\s*(?:=(?!=)|\+=)")
# Wagtail's private site lookup and route cache: read or written, neither is for us.
PRIVATE_WAGTAIL_USE = re.compile(r"\b_find_for_request\b|\b_wagtail_route_for_request\b")
PRIVATE_SETATTR = re.compile(r"setattr\([^,]+,\s*[\"'](_[a-z][a-z0-9_]*)[\"']")


def _product_sources():
    root = pathlib.Path(settings.BASE_DIR)
    for package in PRODUCT_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(root), path.read_text()


def _wagtails_private_attributes():
    """Every private attribute name Wagtail's own code assigns: its caches and internals."""
    names = set()
    for path in pathlib.Path(wagtail.__file__).parent.rglob("*.py"):
        if "tests" not in path.parts and "test" not in path.parts:
            names |= set(PRIVATE_ASSIGNMENT.findall(path.read_text()))
    return names


def test_no_product_code_writes_a_private_wagtail_attribute():
    """Routing goes through Wagtail's public API (docs/decisions/0015-routing.md): writing
    Wagtail's own request caches or page internals breaks silently on an upgrade."""
    wagtails = _wagtails_private_attributes()
    assert {"_wagtail_site", "_wagtail_route_for_request", "_cached_parent_obj"} <= wagtails
    found = set()
    for path, source in _product_sources():
        for line in (line.strip() for line in source.splitlines()):
            written = PRIVATE_ASSIGNMENT.findall(line) + PRIVATE_SETATTR.findall(line)
            writes_wagtails = any(n in wagtails or n.startswith("_wagtail") for n in written)
            if writes_wagtails or PRIVATE_WAGTAIL_USE.search(line):
                found.add((str(path), line))
    assert found == set()


def test_addresses_from_the_memo_are_the_ones_wagtail_gives(rf, home_page, arabic_home_page):
    """BasePage.get_url and the links on every page come from foundation.site_paths; each must
    be the address Wagtail's own get_url gives, in every language and at any depth."""
    section = ContentPageFactory(parent=home_page, title="Help for families")
    deep = ContentPageFactory(
        parent=ContentPageFactory(parent=section, title="Money"), title="Fuel"
    )
    arabic = section.copy_for_translation(arabic_home_page.locale)
    arabic.save_revision().publish()
    pages = [home_page, section, deep, arabic_home_page, arabic]
    for page in pages:
        wagtails = Page.get_url(page, rf.get("/en/"))
        assert page.get_url(rf.get("/en/")) == wagtails
        assert page_url(rf.get("/en/"), Page.objects.get(pk=page.pk)) == wagtails
    assert arabic.get_url(rf.get("/ar/")) == "/ar/help-for-families/"


def test_a_pages_links_cost_no_site_lookup_once_the_memo_is_warm(rf, home_page):
    section = ContentPageFactory(parent=home_page, title="Help for families")
    page_url(rf.get("/en/"), section)
    request = rf.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert section.get_url(request) == "/en/help-for-families/"
        assert page_url(request, home_page) == "/en/"
    assert not any("wagtailcore_site" in q["sql"] for q in queries.captured_queries)
    assert not any("site_root_paths" in str(q) for q in queries.captured_queries)


# What wagtail.views.serve does once it has routed, as foundation.routing.serve_route repeats it.
WAGTAIL_SERVE_SHA256 = "eab2a9d475a3384347f8dd3a62e522b635298d6990adf6e3fbbdd302bfa8d62b"


def test_wagtails_serve_view_is_still_the_one_serve_route_follows():
    """When an upgrade changes wagtail.views.serve, re-read it and bring
    foundation.routing.serve_route into line (then record the new digest here)."""
    source = inspect.getsource(wagtail_views.serve)
    assert hashlib.sha256(source.encode()).hexdigest() == WAGTAIL_SERVE_SHA256
