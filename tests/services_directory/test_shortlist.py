"""A shortlist without an account: add and remove with plain forms, print it, share its link."""

import re
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from services_directory.shortlist import MAX_SERVICES, parse_ids
from tests.directory_support import (
    page_text,
    result_names,
    service,
)

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db
SHORTLIST = "/en/directory/shortlist/"


def oruk_id(page):
    return page.translation_key.hex


def add(client, page, next_url="/en/services/"):
    return client.post(
        "/en/directory/shortlist/add/", {"service": str(page.translation_key), "next": next_url}
    )


def test_adding_from_the_results_keeps_the_parent_in_place(client, directory):
    play = service(directory, "Stay and play")
    service(directory, "Toy library")

    response = add(client, play, next_url=directory.url + "?age=3")

    assert response.status_code == 302
    assert response["Location"] == f"{directory.url}?age=3#service-{oruk_id(play)}"
    results = client.get(directory.url).content.decode()
    assert "Your shortlist (1 service)" in page_text(client.get(directory.url))
    block = re.search(rf'id="service-{oruk_id(play)}"(.*?)</li>', results, re.S).group(1)
    assert "Remove from shortlist" in block
    assert result_names(client.get(SHORTLIST)) == ["Stay and play"]


def test_removing_takes_a_service_off_the_shortlist(client, directory):
    play = service(directory, "Stay and play")
    library = service(directory, "Toy library")
    add(client, play)
    add(client, library)

    client.post("/en/directory/shortlist/remove/", {"service": oruk_id(play), "next": SHORTLIST})

    assert result_names(client.get(SHORTLIST)) == ["Toy library"]


def test_add_and_remove_need_a_post_with_a_csrf_token(directory):
    play = service(directory, "Stay and play")
    strict = Client(enforce_csrf_checks=True)

    assert strict.get("/en/directory/shortlist/add/").status_code == 405
    assert (
        strict.post("/en/directory/shortlist/add/", {"service": oruk_id(play)}).status_code == 403
    )

    page = strict.get(directory.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(
        "/en/directory/shortlist/add/", {"service": oruk_id(play), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_service_page_has_the_same_button(client, directory):
    play = service(directory, "Stay and play")

    assert "Add to shortlist" in page_text(client.get(play.get_url()))
    add(client, play, next_url=play.get_url())
    assert "Remove from shortlist" in page_text(client.get(play.get_url()))


def test_shared_link_shows_the_same_list_to_anyone(client, directory):
    play = service(directory, "Stay and play")
    library = service(directory, "Toy library")
    add(client, library)
    add(client, play)

    body = client.get(SHORTLIST).content.decode()
    link = re.search(r'id="shortlist-link" type="text" value="([^"]+)"', body).group(1)
    assert (
        link == f"http://testserver{SHORTLIST}?ids={library.translation_key},{play.translation_key}"
    )
    assert "data-app-copy=" in body  # the copy button, shown by main.js where the clipboard works

    stranger = Client()
    shared = stranger.get(link.removeprefix("http://testserver"))
    assert shared.status_code == 200
    assert result_names(shared) == ["Toy library", "Stay and play"]
    assert "A shortlist of services" in page_text(shared)

    # They can keep it as their own.
    stranger.post(
        "/en/directory/shortlist/add/",
        {"services": f"{library.translation_key},{play.translation_key}"},
    )
    assert result_names(stranger.get(SHORTLIST)) == ["Toy library", "Stay and play"]


def test_shared_links_ignore_malformed_ids_and_stop_at_fifty():
    good = [uuid.uuid4() for _ in range(60)]
    raw = ",".join(["not-a-uuid", "<script>", str(good[0]), str(good[0]), *map(str, good[1:])])

    ids = parse_ids(raw)

    assert ids[0] == good[0].hex
    assert len(ids) == MAX_SERVICES
    assert len(set(ids)) == MAX_SERVICES


@pytest.mark.parametrize(
    "ids",
    [
        "<script>alert(1)</script>",
        "x" * 5000,
        "\x00",
        ",,,",
        "00000000-0000-0000-0000-000000000000",
        "%00",
        "",
    ],
)
def test_hostile_shared_links_give_a_normal_page(client, directory, ids):
    service(directory, "Stay and play")

    response = client.get(SHORTLIST, {"ids": ids})

    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "This link does not point to any services we list." in page_text(response)


def test_next_must_stay_on_this_site(client, directory):
    play = service(directory, "Stay and play")

    response = add(client, play, next_url="https://evil.example.com/")

    assert response["Location"].startswith(SHORTLIST)


def test_empty_shortlist_explains_how_to_add(client, directory):
    text = page_text(client.get(SHORTLIST))

    assert "You have not added any services yet." in text


# A minute turning between two counted views would add the "open now" query to one.
@pytest.mark.usefixtures("still_clock")
def test_shortlist_queries_do_not_grow_with_its_length(client, directory):
    pages = [service(directory, f"Group {n}") for n in range(12)]
    for page in pages[:2]:
        add(client, page)
    client.get(SHORTLIST)
    with CaptureQueriesContext(connection) as few:
        client.get(SHORTLIST)
    for page in pages[2:]:
        add(client, page)
    with CaptureQueriesContext(connection) as many:
        response = client.get(SHORTLIST)

    assert len(result_names(response)) == 12
    assert len(few) == len(many)
