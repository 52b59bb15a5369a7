"""The mail server unreachable (a closed port): the idea is stored and the person told so.

Asking for updates sends a confirmation email while the idea is posted; a mail server that
refuses the connection must cost the resident nothing, and the log gets one line per email that
could not go, with no traceback and no address in it.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from consultations.models import Idea
from tests.consultations import conftest as consultation_fixtures
from tests.faults.conftest import LOOPBACK, free_port, token

consultation_index = consultation_fixtures.consultation_index
consultation = consultation_fixtures.consultation
board = consultation_fixtures.board
pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_unreachable(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = LOOPBACK
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False


def post_idea(client, board, title, email):
    return client.post(
        reverse("consultations:post_idea", args=[board.pk]),
        {
            "title": title,
            "description": "Working dads cannot come on weekdays.",
            "theme": str(board.themes.first().pk),
            "respondent_type": "parent_carer",
            "consent": "on",
            "name": "Amina Khan",
            "email": email,
            "submission_key": token(),
            "step": "confirm",
        },
        follow=True,
    )


def test_ideas_are_stored_and_the_person_sees_success(client, board, smtp_unreachable, log):
    titles = ["Saturday stay and play", "Evening drop-in for dads"]

    responses = [post_idea(client, board, title, "amina.khan@example.com") for title in titles]

    for response in responses:
        assertContains(response, "We have your idea")
    assert sorted(Idea.objects.values_list("title", flat=True)) == sorted(titles)
    warnings = log.warnings_from("consultations.services.notifications")
    assert [w.getMessage().split(" to ")[0] for w in warnings] == [
        "Could not send the confirmation email"
    ] * len(titles), log.text
    assert "ConnectionRefusedError" in warnings[0].getMessage()
    assert log.tracebacks() == []
    assert log.errors() == []
    assert "amina" not in log.text.lower()


def test_health_says_email_is_down_and_stays_200(client, smtp_unreachable, monkeypatch):
    from council_site import views

    monkeypatch.setitem(views._email_probe, "key", None)  # no answer kept from another test

    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["email"] == {"ok": False, "detail": "smtp unreachable"}
