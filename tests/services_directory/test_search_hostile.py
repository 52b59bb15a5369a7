"""Hostile search parameters give a normal page with a message, never a 500 or markup."""

import pytest

from tests.directory_support import (
    NEAR,
    page_text,
    place,
    result_names,
    service,
)
from tests.hostile import HOSTILE_VALUES

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db

FILTER_PARAMETERS = [
    "category",
    "age",
    "postcode",
    "distance",
    "day",
    "language",
    "delivery",
    "sort",
    "free",
    "open_now",
    "evenings",
    "weekends",
]
EVERY_PARAMETER = ["q", "page", *FILTER_PARAMETERS]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


@pytest.fixture
def listed(directory):
    service(directory, "Stay and play", locations=[place(NEAR)], minimum_age=0, maximum_age=5)
    return directory


def _assert_safe(response, value=None):
    assert response.status_code == 200, value
    body = response.content.decode()
    for markup in MARKUP:
        assert markup not in body, value
    assert "\x00" not in body, value


def _params(parameter, value):
    # A distance only means something beside a postcode.
    return (
        {parameter: value, "postcode": "CR0 1AA"} if parameter == "distance" else {parameter: value}
    )


# One test per parameter, looping over the values: the fixture is built once per parameter,
# which keeps the 14 x 14 requests quick.
@pytest.mark.parametrize("parameter", EVERY_PARAMETER)
def test_every_parameter_survives_hostile_values(client, listed, parameter):
    for value in HOSTILE_VALUES:
        response = client.get(listed.url, _params(parameter, value))
        _assert_safe(response, value)
        assert "<h1" in response.content.decode()


@pytest.mark.parametrize("parameter", [p for p in FILTER_PARAMETERS if p != "sort"])
def test_a_bad_filter_value_gets_a_message_beside_its_field(client, listed, parameter):
    # Values that are only invisible characters read as "nothing chosen", which is not an error.
    for value in [v for v in HOSTILE_VALUES if v.strip("\x00\u202e\u200b\ufeff")]:
        response = client.get(listed.url, _params(parameter, value))
        _assert_safe(response, value)
        body = response.content.decode()
        assert "There is a problem" in body, value
        assert f'id="filter-{parameter}-error"' in body, value
        assert f'href="#filter-{parameter}"' in body, value  # the error summary links to the field


@pytest.mark.parametrize(
    ("parameter", "value", "message"),
    [
        ("age", "-1", "Select an age from the list"),
        ("age", "abc", "Select an age from the list"),
        ("age", "999", "Select an age from the list"),
        ("distance", "1e309", "Select a distance from the list"),
        ("distance", "7", "Select a distance from the list"),
        ("postcode", "<b>CR0</b>", "Enter a real postcode"),
        ("category", "<script>", "Select a category from the list"),
        ("day", "someday", "Select a day from the list"),
        ("language", "klingon", "Select a language from the list"),
        ("delivery", "pigeon", "Select in person, online or by phone"),
        ("q", "x" * 5000, "Keywords must be 200 characters or fewer"),
        ("sort", "price", "Sort by relevance, distance or name"),
    ],
)
def test_messages_say_what_to_do(client, listed, parameter, value, message):
    params = {parameter: value}
    if parameter == "distance":
        params["postcode"] = "CR0 1AA"

    response = client.get(listed.url, params)

    assert response.status_code == 200
    assert message in page_text(response)
    # The rest of the search still works: the listed service is shown.
    assert result_names(response) == ["Stay and play"]


def test_what_was_typed_is_kept_and_escaped(client, listed):
    response = client.get(
        listed.url, {"postcode": '"><script>alert(1)</script>', "q": "<b>play</b>"}
    )

    body = response.content.decode()
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in body
    assert 'value="&lt;b&gt;play&lt;/b&gt;"' in body
    assert "<b>play</b>" not in body


def test_page_numbers_out_of_range_show_a_real_page(client, listed):
    for value in ("99999999", "-1", "0", "abc", "1e309", "2.5"):
        response = client.get(listed.url, {"page": value})
        assert response.status_code == 200
        assert result_names(response) == ["Stay and play"], value


def test_repeated_and_missing_parameters(client, listed):
    response = client.get(listed.url + "?age=1&age=2&age=&postcode=&distance=&day=")
    assert response.status_code == 200
    assert result_names(response) == ["Stay and play"]
    assert "There is a problem" not in page_text(response)

    response = client.get(listed.url + "?age&postcode&q&free")
    assert response.status_code == 200
    assert result_names(response) == ["Stay and play"]


def test_unusual_unicode_is_read_or_refused_politely(client, listed):
    # Digits in another script are still a number; a right-to-left override is just not a day.
    assert result_names(client.get(listed.url, {"age": "٣"})) == ["Stay and play"]
    response = client.get(listed.url, {"day": "\u202esat"})
    assert response.status_code == 200
    assert "Select a day from the list" in page_text(response)
    response = client.get(listed.url, {"q": "\ufeff\u200b"})
    assert response.status_code == 200


def test_keywords_with_search_syntax_do_not_break_the_search(client, listed):
    for value in ['"', "play*", "NEAR(play", "play AND", "^", "play OR -", "' OR 1=1 --"]:
        response = client.get(listed.url, {"q": value})
        assert response.status_code == 200, value
        assert "<h1" in response.content.decode()
