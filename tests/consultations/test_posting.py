"""Posting an idea: search before create, errors that keep every word, one idea per form."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import Idea, ModerationMode, ModerationStatus
from tests.factories.consultations import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_url(board):
    return reverse("consultations:post_idea", args=[board.pk])


@pytest.fixture
def valid(board):
    return {
        "title": "Saturday stay and play",
        "description": "Working dads cannot come on weekdays.",
        "theme": str(board.themes.first().pk),
        "respondent_type": "parent_carer",
        "area": "cr0 1ab",
        "consent": "on",
        "submission_key": "a" * 32,
    }


def test_an_idea_with_nothing_similar_is_stored_pending_and_the_person_told_what_next(
    client, board, post_url, valid
):
    response = client.post(post_url, valid, follow=True)
    idea = Idea.objects.get()
    assert idea.status == ModerationStatus.PENDING
    assert idea.area == "CR0"  # only the district is kept
    assert idea.theme == board.themes.first()
    assertContains(response, "We have your idea")
    assertContains(response, "within 2 working days")


def test_similar_published_ideas_are_offered_before_posting(client, board, post_url, valid):
    IdeaFactory(board=board, title="Stay and play on Saturdays", support_count=3)
    response = client.post(post_url, valid)
    assertContains(response, "Is your idea already here?")
    assertContains(response, "Stay and play on Saturdays")
    assert not Idea.objects.filter(title="Saturday stay and play").exists()

    confirmed = client.post(post_url, {**valid, "step": "confirm"}, follow=True)
    assertContains(confirmed, "We have your idea")
    assert Idea.objects.filter(title="Saturday stay and play").count() == 1


def test_errors_are_summarised_and_everything_typed_is_kept(client, post_url, valid):
    response = client.post(
        post_url,
        {**valid, "theme": "", "consent": "", "area": "NOT A POSTCODE", "email": "nope"},
    )
    assert response.status_code == 400
    assertContains(response, "There is a problem", status_code=400)
    assertContains(response, 'href="#theme"', status_code=400)
    assertContains(response, "Confirm you have read the privacy notice", status_code=400)
    assertContains(response, "Enter the first part of a postcode, like CR0", status_code=400)
    assertContains(response, "Saturday stay and play", status_code=400)
    assertContains(response, "Working dads cannot come on weekdays.", status_code=400)
    assert not Idea.objects.exists()


def test_the_same_form_sent_twice_stores_one_idea(client, post_url, valid):
    client.post(post_url, valid)
    client.post(post_url, valid)
    assert Idea.objects.count() == 1


def test_a_young_persons_idea_is_pre_moderated_even_on_a_post_moderated_board(
    client, board, post_url, valid
):
    board.moderation = ModerationMode.POST
    board.save_revision().publish()
    client.post(post_url, {**valid, "respondent_type": "young_person", "name": "Sam"})
    client.post(post_url, {**valid, "submission_key": "b" * 32, "title": "Another one"})
    assert Idea.objects.get(respondent_type="young_person").status == ModerationStatus.PENDING
    assert Idea.objects.get(title="Another one").status == ModerationStatus.PUBLISHED


def test_name_and_email_are_stored_apart_from_the_idea(client, post_url, valid):
    client.post(post_url, {**valid, "name": "Jo Bloggs", "email": "JO@Example.com"})
    idea = Idea.objects.select_related("contributor").get()
    assert idea.contributor.name == "Jo Bloggs"
    assert idea.contributor.email == "jo@example.com"
    assert "Jo Bloggs" not in idea.title + idea.description


def test_honeypot_looks_like_success_but_stores_nothing(client, post_url, valid):
    response = client.post(post_url, {**valid, "website": "http://spam.example"}, follow=True)
    assertContains(response, "We have your idea")
    assert not Idea.objects.exists()


@override_settings(CONSULTATIONS_IDEA_RATE="2/h")
def test_rate_limit_refuses_with_the_text_kept(client, post_url, valid):
    cache.clear()
    for n in range(2):
        client.post(post_url, {**valid, "submission_key": f"{n}" * 32, "title": f"Idea {n}"})
    response = client.post(post_url, {**valid, "submission_key": "c" * 32, "title": "Third"})
    assert response.status_code == 429
    assertContains(response, "Wait an hour", status_code=429)
    assertContains(response, "Third", status_code=429)
    assert Idea.objects.count() == 2


def test_a_forged_theme_from_another_board_is_refused(client, board, consultation, post_url, valid):
    from tests.factories.consultations import IdeasBoardPageFactory

    other = IdeasBoardPageFactory(parent=consultation, themes=["Elsewhere"])
    response = client.post(post_url, {**valid, "theme": str(other.themes.first().pk)})
    assertContains(response, "Select the theme your idea is about", status_code=400)
    assert not Idea.objects.exists()


def test_markup_is_stored_as_text_and_shown_escaped(client, board, post_url, valid):
    client.post(
        post_url, {**valid, "title": "<b>Bold</b> idea", "description": "<script>x()</script>"}
    )
    idea = Idea.objects.get()
    idea.status = ModerationStatus.PUBLISHED
    idea.save()
    response = client.get(reverse("consultations:idea", args=[idea.pk]))
    assertContains(response, "&lt;b&gt;Bold&lt;/b&gt; idea")
    assertNotContains(response, "<script>x()</script>")
