"""reCAPTCHA on the idea form, against the local stand-in: yes, no and no answer at all."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains

from consultations.models import Idea
from foundation.spam_protection import RECAPTCHA_FAILED, RECAPTCHA_UNAVAILABLE
from tests.submissions import token

pytestmark = pytest.mark.django_db

WORDS = "Working dads cannot come on weekdays."


def post(client, board, **extra):
    return client.post(
        reverse("consultations:post_idea", args=[board.pk]),
        {
            "title": "Saturday stay and play",
            "description": WORDS,
            "theme": str(board.themes.first().pk),
            "respondent_type": "parent_carer",
            "consent": "on",
            "step": "confirm",
            "g-recaptcha-response": "token-from-google",
            "submission_key": token(),
            **extra,
        },
    )


def test_a_person_google_vouches_for_posts_their_idea(client, board, google):
    google.answer = {"success": True, "hostname": "testserver"}
    assert post(client, board).status_code == 302
    assert Idea.objects.count() == 1
    assert google.requests[0]["response"] == "token-from-google"


def test_a_refused_check_asks_again_and_keeps_the_words(client, board, google):
    google.answer = {"success": False, "error-codes": ["invalid-input-response"]}
    response = post(client, board)
    assertContains(response, escape(RECAPTCHA_FAILED), status_code=400)
    assertContains(response, WORDS, status_code=400)
    assert not Idea.objects.exists()


def test_google_not_answering_is_a_message_not_an_error(client, board, google, settings):
    google.answer = b"<html>not json</html>"
    response = post(client, board)
    assertContains(response, RECAPTCHA_UNAVAILABLE, status_code=400)
    assertContains(response, WORDS, status_code=400)
    assert not Idea.objects.exists()
