"""Suggestions as you type: titles for the search boxes' autocomplete, safe and cheap."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from services_directory.models import ServiceStatus
from tests.factories.home import ContentPageFactory, PolicyIndexPageFactory, PolicyPageFactory
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

SUGGESTIONS = "/en/search/suggestions/"


def suggestions(client, typed, path=SUGGESTIONS, **params):
    response = client.get(path, {"q": typed, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def test_titles_with_a_word_starting_with_what_was_typed_come_back(client, home_page, directory):
    ContentPageFactory(parent=home_page, title="Family swimming lessons")
    ServicePageFactory(parent=directory, title="Swimming for toddlers")
    ContentPageFactory(parent=home_page, title="Baby massage")
    ContentPageFactory(parent=home_page, title="Noswimming here")

    # Titles starting with the words first, then shorter ones.
    assert suggestions(client, "swim") == ["Swimming for toddlers", "Family swimming lessons"]
    assert suggestions(client, "SWIMMING L") == ["Family swimming lessons"]


def test_no_more_than_eight_and_each_title_once(client, home_page, directory):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Toddler group {number:02d}")
    ServicePageFactory(parent=directory, title="Toddler group 00", slug="toddler-group-again")

    found = suggestions(client, "todd")

    assert len(found) == 8
    assert len(set(found)) == 8


def test_only_live_public_listed_pages_are_suggested(client, home_page, directory):
    ContentPageFactory(parent=home_page, title="Parenting course", live=False)
    private = ContentPageFactory(parent=home_page, title="Parenting staff notes")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ServicePageFactory(
        parent=directory, title="Parenting club (closed)", status=ServiceStatus.DEFUNCT
    )
    ContentPageFactory(parent=home_page, title="Parenting support")

    assert suggestions(client, "parent") == ["Parenting support"]


def test_suggestions_are_in_the_readers_language(client, arabic_home_page, home_page):
    ContentPageFactory(parent=home_page, title="Swimming lessons")
    ContentPageFactory(parent=arabic_home_page, title="دروس السباحة")

    assert suggestions(client, "دروس", path="/ar/search/suggestions/") == ["دروس السباحة"]
    assert suggestions(client, "swim", path="/ar/search/suggestions/") == []


def test_the_directory_box_can_ask_for_services_only(client, home_page, directory):
    policies = PolicyIndexPageFactory(parent=home_page)
    PolicyPageFactory(parent=policies, title="Play policy")
    ServicePageFactory(parent=directory, title="Play and stay")

    assert suggestions(client, "play", type="services") == ["Play and stay"]
    assert set(suggestions(client, "play")) == {"Play policy", "Play and stay"}


def test_one_letter_gives_nothing_and_an_empty_box_gives_the_screen_reader_messages(
    client, home_page
):
    ContentPageFactory(parent=home_page, title="Swimming lessons")
    assert suggestions(client, "s") == []

    answer = client.get(SUGGESTIONS).json()
    assert answer["suggestions"] == []
    assert answer["messages"]["noResults"] == "No suggestions"
    assert answer["messages"]["results"]["1"] == "1 suggestion is available."
    assert answer["messages"]["results"]["8"] == "8 suggestions are available."


def test_wildcards_are_matched_as_typed(client, home_page):
    ContentPageFactory(parent=home_page, title="100% free childcare")
    ContentPageFactory(parent=home_page, title="1000 hours of play")

    assert suggestions(client, "100%") == ["100% free childcare"]
    assert suggestions(client, "__") == []


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_input_gets_an_ordinary_answer(client, home_page, value):
    ContentPageFactory(parent=home_page, title="Swimming lessons")
    response = client.get(SUGGESTIONS, {"q": value, "type": value})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_a_suggestion_costs_at_most_three_queries_and_none_when_asked_again(client, home_page):
    for number in range(20):
        ContentPageFactory(parent=home_page, title=f"Swimming club {number}")

    suggestions(client, "club")  # as a running server: the site already looked up
    with CaptureQueriesContext(connection) as first:
        suggestions(client, "swim")
    with CaptureQueriesContext(connection) as again:
        suggestions(client, "swim")

    assert len(first) <= 3, [query["sql"][:80] for query in first]
    assert len(again) == 0


def test_publishing_a_page_shows_its_title_at_once(client, home_page):
    ContentPageFactory(parent=home_page, title="Swimming club")
    assert suggestions(client, "swim") == ["Swimming club"]

    ContentPageFactory(parent=home_page, title="Swimming gala")

    assert suggestions(client, "swim") == ["Swimming club", "Swimming gala"]
