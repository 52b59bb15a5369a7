"""Answering a request to erase one person's data, from the admin, by their email address."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import ModelLogEntry

from consultations.models import Comment, Contributor, Idea, Support
from consultations.services.personal_data import ERASE_ACTION, erase_person, find_person
from tests.factories.consultations import ContributorFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

URL = "/admin/consultations/personal-data/"


@pytest.fixture
def person(board, closed_board, make_idea, make_comment):
    """Someone who posted twice (two records, one address typed differently) and commented."""
    first = ContributorFactory(name="Lena Novak", email="lena.novak@example.com")
    second = ContributorFactory(name="Lena", email="Lena.Novak@Example.com")
    own_idea = make_idea(board, first, title="Baby massage at the library")
    Support.objects.create(idea=own_idea, supporter="a" * 64)
    make_comment(own_idea, None, body="Someone else agrees.")
    make_idea(closed_board, second, title="Longer opening on Saturdays")
    neighbour_idea = make_idea(board, None, title="More benches in the park", comment_count=2)
    make_comment(neighbour_idea, second, body="Lena's comment on a neighbour's idea.")
    make_comment(neighbour_idea, None, body="A neighbour's own comment.")
    return {"first": first, "second": second, "neighbour_idea": neighbour_idea}


@pytest.fixture
def officer_client(client, privacy_officer):
    client.force_login(privacy_officer)
    return client


def test_people_without_the_permission_are_refused(client, admin_user_without_permission, editor):
    for user in (admin_user_without_permission, editor):
        client.force_login(user)
        assertContains(client.get(URL), "Nothing was looked up", status_code=403)
        assert client.post(URL, {"email": "a@example.com", "action": "erase"}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_only_people_with_the_permission_see_the_menu_item(
    client, home_page, privacy_officer, admin_user_without_permission, superuser
):
    for user, shown in ((privacy_officer, True), (superuser, True)):
        client.force_login(user)
        assert ("Find and erase a person" in client.get("/admin/").content.decode()) is shown
    client.force_login(admin_user_without_permission)
    assertNotContains(client.get("/admin/"), "Find and erase a person")


def test_officer_sees_what_is_held_before_anything_is_erased(officer_client, person):
    response = officer_client.post(URL, {"email": " LENA.novak@example.com ", "action": "find"})

    assertContains(response, "2 contribution records with this address")
    assertContains(response, "2 ideas")
    assertContains(response, "1 comment")
    assertContains(response, "in 2 consultations")
    assertContains(response, "Baby massage at the library")
    assertContains(response, "Longer opening on Saturdays")
    assertContains(response, "Lena&#x27;s comment on a neighbour&#x27;s idea.")
    assertContains(response, "Children&#x27;s centre opening hours")
    assertContains(response, "Yes, erase their data")
    assert Idea.objects.filter(contributor__isnull=False).count() == 2


def test_superuser_can_use_the_page(client, superuser, person):
    client.force_login(superuser)
    response = client.post(URL, {"email": "lena.novak@example.com", "action": "find"})
    assertContains(response, "Baby massage at the library")


def test_an_address_nobody_gave_says_so(officer_client, person):
    response = officer_client.post(URL, {"email": "nobody@example.com", "action": "find"})

    assertContains(response, "Nobody gave that email address")
    assertNotContains(response, "Yes, erase their data")


def test_erasing_removes_the_person_and_withdraws_their_contributions(
    officer_client, privacy_officer, person
):
    response = officer_client.post(
        URL, {"email": "lena.novak@example.com", "action": "erase"}, follow=True
    )

    assertContains(response, "Erased the details of 2 contribution records.")
    assertContains(response, "2 ideas withdrawn. 1 comment withdrawn.")
    assertNotContains(response, "lena.novak@example.com")
    assert not Contributor.objects.filter(email__iexact="lena.novak@example.com").exists()
    assert not Idea.objects.filter(title="Baby massage at the library").exists()
    assert not Idea.objects.filter(title="Longer opening on Saturdays").exists()
    assert not Comment.objects.filter(body__startswith="Lena's").exists()
    assert not Support.objects.exists()
    neighbour = Idea.objects.get(pk=person["neighbour_idea"].pk)
    assert neighbour.comment_count == 1
    assert neighbour.comments.get().body == "A neighbour's own comment."


def test_erasure_leaves_an_audit_entry_without_the_address(officer_client, privacy_officer, person):
    officer_client.post(URL, {"email": "lena.novak@example.com", "action": "erase"})

    [entry] = ModelLogEntry.objects.filter(action=ERASE_ACTION)
    assert entry.user == privacy_officer
    assert entry.data == {"contributors": 2, "ideas": 2, "comments": 1}
    assert entry.message == (
        "Erased a person's details on request (2 records), withdrawing 2 ideas and 1 comment"
    )
    for text in (entry.label, str(entry.data), entry.message):
        assert "lena" not in text.lower()


def test_erasure_in_the_site_history(officer_client, superuser, person):
    officer_client.post(URL, {"email": "lena.novak@example.com", "action": "erase"})
    officer_client.force_login(superuser)

    response = officer_client.get("/admin/reports/site-history/")

    assertContains(response, "Erase a person&#x27;s data")
    assertNotContains(response, "lena.novak")


def test_erasing_needs_a_post(officer_client, person):
    response = officer_client.get(URL, {"email": "lena.novak@example.com", "action": "erase"})

    assert response.status_code == 200
    assert Contributor.objects.filter(email__iexact="lena.novak@example.com").count() == 2


def test_erasing_needs_the_csrf_token(privacy_officer, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(privacy_officer)

    response = client.post(URL, {"email": "lena.novak@example.com", "action": "erase"})

    assert response.status_code == 403
    assert Contributor.objects.filter(email__iexact="lena.novak@example.com").count() == 2


def test_a_blank_address_never_matches_people_already_anonymised(privacy_officer, person):
    """Anonymised records all have an empty address: erasing "" must not withdraw their ideas."""
    person["first"].email = ""
    person["first"].save()

    assert find_person("  ")["contributors"] == []
    assert erase_person("", privacy_officer)["ideas"] == 0
    assert Idea.objects.filter(title="Baby massage at the library").exists()


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("action", ["find", "erase"])
def test_hostile_search_values_are_refused_with_a_message(officer_client, person, value, action):
    response = officer_client.post(URL, {"email": value, "action": action})

    assertContains(response, "Enter a valid email address")
    assert b"<script>alert(1)</script>" not in response.content
    assert Contributor.objects.count() == 2
