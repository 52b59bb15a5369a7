"""Anonymous readers get cached pages; editors and people with a session never do."""

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


def test_a_repeat_anonymous_view_is_served_from_the_cache_without_queries(client, home_page):
    first = client.get("/en/")
    assert "X-Page-Cache" not in first
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_a_cached_page_is_sent_with_the_policy_it_was_stored_with(client, home_page):
    # The policy allows the one inline script by its hash: the same for every reader.
    first = client.get("/en/")
    second = client.get("/en/")
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "'nonce-" not in second["Content-Security-Policy"]


def test_a_cached_page_announces_the_length_of_the_body_it_sends(client, home_page):
    # A stale Content-Length made browsers wait for bytes that never came (the page hung).
    client.get("/en/")
    for _ in range(3):
        response = client.get("/en/")
        assert response["X-Page-Cache"] == "hit"
        assert int(response["Content-Length"]) == len(response.content)


def test_publishing_a_page_shows_the_change_at_once(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Holiday clubs")
    client.get(page.url)
    page.title = "Holiday clubs and activities"
    page.save_revision().publish()
    response = client.get(page.url)
    assert "Holiday clubs and activities" in response.content.decode()
    assert "X-Page-Cache" not in response


def test_signed_in_editors_never_get_a_cached_page(client, home_page, superuser):
    client.get("/en/")
    client.force_login(superuser)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response


def test_visitors_with_any_cookie_are_not_served_or_stored(client, home_page):
    client.cookies["csrftoken"] = "abc"
    client.get("/en/")
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")


def test_error_pages_are_not_cached(client, home_page):
    client.get("/en/no-such-page/")
    assert client.get("/en/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")


class BrokenCache:
    def get(self, *args, **kwargs):
        raise ConnectionError("cache down")

    set = get


def test_pages_still_render_when_the_page_cache_is_down(client, home_page, monkeypatch):
    monkeypatch.setattr("foundation.page_cache.cache", BrokenCache())
    monkeypatch.setattr("foundation.page_cache.page_store", BrokenCache)
    assert client.get("/en/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_a_flood_of_cached_pages_never_pushes_out_rate_limit_counters(client, home_page):
    # Pages and counters live in separate caches: a full page cache culls pages only.
    cache.set("rl:a-counter", 3, 300)
    for n in range(50):
        client.get(f"/en/?n={n}")
    assert cache.get("rl:a-counter") == 3
    assert caches["pages"] is not cache


def test_an_import_moves_the_generation_once_not_once_a_row(client, home_page, monkeypatch):
    from foundation import page_cache
    from tests.factories.home import ContentPageFactory

    moves = []
    monkeypatch.setattr(page_cache, "invalidate", lambda **kwargs: moves.append(1))
    with page_cache.invalidation_deferred():
        for number in range(5):
            ContentPageFactory(parent=home_page, title=f"Imported {number}")
        assert moves == []
    assert moves == [1]  # now; and once more when the transaction commits


def test_a_page_saved_outside_an_import_is_seen_at_once(client, home_page):
    from tests.factories.home import ContentPageFactory

    client.get("/en/")
    page = ContentPageFactory(parent=home_page, title="Holiday clubs", show_in_menus=True)
    assert "Holiday clubs" in client.get("/en/").content.decode()
    assert page.live


def test_the_generation_moves_again_once_when_the_change_commits(home_page):
    from django.db import connection

    from foundation import page_cache
    from tests.factories.home import ContentPageFactory

    for number in range(3):
        ContentPageFactory(parent=home_page, title=f"Page {number}")

    pending = [entry[1] for entry in connection.run_on_commit]
    assert pending.count(page_cache._invalidate_after_commit) == 1


def test_with_the_database_cache_a_cached_page_costs_one_query(client, home_page, database_caches):
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 1, [q["sql"] for q in queries]


def test_a_page_stays_fresh_when_the_generation_copy_is_lost(client, home_page):
    from foundation.page_cache import GENERATION_COPY_KEY

    client.get("/en/")
    caches["pages"].delete(GENERATION_COPY_KEY)  # culled, or expired
    assert client.get("/en/")["X-Page-Cache"] == "hit"  # read again from the generation
    home_page.title = "Families first"
    home_page.save_revision().publish()
    caches["pages"].delete(GENERATION_COPY_KEY)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
