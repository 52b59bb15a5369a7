"""The beacon a result click sends: it counts one opened result, and refuses anything forged."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import override_settings

from search.insight import opened_token, record_search
from search.models import SearchQueryDay
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

URL = "/search/opened/"
NOON = datetime.datetime(2026, 5, 12, 11, tzinfo=datetime.UTC)


def _opened(query, language="en"):
    return SearchQueryDay.objects.get(query=query, language=language).opened


@pytest.fixture
def searched():
    """'Nursery funding' searched today in English, and the token its results page carries."""
    with time_machine.travel(NOON, tick=False):
        record_search("en", "Nursery funding", 4)
        return opened_token("en", "Nursery funding")


def test_a_result_opened_from_a_search_is_counted(client, searched):
    with time_machine.travel(NOON, tick=False):
        response = client.post(URL, {"token": searched})
        assert response.status_code == 204
        client.post(URL, {"token": searched})
    assert _opened("nursery funding") == 2


def test_a_beacon_sent_as_plain_text_is_counted(client, searched):
    # navigator.sendBeacon(url, token) sends the token as text/plain.
    with time_machine.travel(NOON, tick=False):
        response = client.post(URL, searched, content_type="text/plain;charset=UTF-8")
    assert response.status_code == 204
    assert _opened("nursery funding") == 1


def test_a_click_after_midnight_counts_for_the_day_of_the_search(client, searched):
    with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
        assert client.post(URL, {"token": searched}).status_code == 204
    assert _opened("nursery funding") == 1
    assert SearchQueryDay.objects.count() == 1


def test_an_expired_token_is_refused(client, searched):
    with time_machine.travel(NOON + datetime.timedelta(days=3), tick=False):
        assert client.post(URL, {"token": searched}).status_code == 400
    assert _opened("nursery funding") == 0


def test_a_token_signed_for_something_else_is_refused(client, searched):
    other = signing.dumps(["en", "nursery funding", "2026-05-12"], salt="another-purpose")
    with time_machine.travel(NOON, tick=False):
        assert client.post(URL, {"token": other}).status_code == 400
    assert _opened("nursery funding") == 0


def test_a_tampered_token_is_refused(client, searched):
    value, signature = searched.rsplit(":", 1)
    forged = f"{value}:{signature[::-1]}"
    with time_machine.travel(NOON, tick=False):
        assert client.post(URL, {"token": forged}).status_code == 400


def test_a_signed_value_of_the_wrong_shape_is_refused(client, searched):
    with time_machine.travel(NOON, tick=False):
        for value in ({"a": 1}, ["en", "adhd"], ["en", "adhd", "not a date"], [1, 2, 3], "abc"):
            token = signing.dumps(value, salt="search-opened")
            assert client.post(URL, {"token": token}).status_code == 400, value


def test_a_token_for_a_search_never_counted_changes_nothing(client, searched):
    with time_machine.travel(NOON, tick=False):
        token = opened_token("pl", "żłobek")
        assert client.post(URL, {"token": token}).status_code == 204
    assert SearchQueryDay.objects.count() == 1


def test_only_post_is_accepted(client, searched):
    assert client.get(URL, {"token": searched}).status_code == 405


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_tokens_get_400_never_500(client, value):
    assert client.post(URL, {"token": value}).status_code == 400
    assert client.post(URL, value, content_type="text/plain").status_code == 400


def test_a_missing_token_is_refused(client):
    assert client.post(URL).status_code == 400


def test_no_token_is_made_for_a_search_that_is_not_counted():
    assert opened_token("en", "   ") == ""
    assert opened_token("xx", "adhd") == ""


def test_a_token_never_carries_personal_details():
    token = opened_token("en", "jo.bloggs@example.com")
    assert "bloggs" not in signing.loads(token, salt="search-opened")[1]


@override_settings(SEARCH_OPENED_RATE="3/h")
def test_a_flood_from_one_address_is_turned_away(client, searched):
    with time_machine.travel(NOON, tick=False):
        statuses = [client.post(URL, {"token": searched}).status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert _opened("nursery funding") == 3


def test_a_rate_limit_cache_outage_lets_the_beacon_through(client, searched, monkeypatch):
    def cache_down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("foundation.spam_protection.get_usage", cache_down)
    with time_machine.travel(NOON, tick=False):
        assert client.post(URL, {"token": searched}).status_code == 204
    assert _opened("nursery funding") == 1
