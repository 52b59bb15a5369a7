"""Redis unreachable (a closed port): residents are served and their forms stored, not refused.

Before: every "report a problem" post answered 429 "Wait an hour" and nothing was stored
(django-ratelimit read the failed count as over the limit), and the log held a traceback per
cache call. Now the cache reads as empty, rate limits count in each process
(docs/decisions/0009-cache-outages.md), and the log says once that the cache is down.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains

from consultations.models import Comment, Idea
from services_directory.models import ProblemReport
from tests.consultations import conftest as consultation_fixtures
from tests.directory_support import page_text, service
from tests.faults.conftest import token

# Fixtures shared with other packages: pytest finds them among a module's attributes.
consultation_index = consultation_fixtures.consultation_index
consultation = consultation_fixtures.consultation
board = consultation_fixtures.board
idea = consultation_fixtures.idea
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_unreachable")]


@pytest.fixture
def listing(directory):
    return service(directory, "Stay and play")


def report(client, listing, details, **data):
    fields = {"kind": "times", "details": details, "submission_key": token(), **data}
    return client.post(f"/en/directory/report/{listing.pk}/", fields, follow=True)


def assert_one_warning_no_tracebacks(log):
    assert len(log.warnings_from("foundation.cache")) == 1, log.text
    assert "Cache unavailable (ConnectionError" in log.text
    assert log.tracebacks() == []
    assert log.errors() == []


def test_problem_reports_are_stored_and_the_person_thanked(client, listing, log):
    rate = int(settings.DIRECTORY_PROBLEM_REPORT_RATE.split("/")[0])
    sent = [f"Report {number}: the session moved to Tuesday." for number in range(rate)]

    responses = [report(client, listing, details) for details in sent]

    assert [response.status_code for response in responses] == [200] * rate
    assert all("Thank you" in page_text(response) for response in responses)
    stored = sorted(ProblemReport.objects.values_list("details", flat=True))
    assert stored == sorted(sent)  # nothing lost, nothing twice
    assert_one_warning_no_tracebacks(log)


def test_the_rate_limit_still_holds_in_each_process(client, listing, log):
    rate = int(settings.DIRECTORY_PROBLEM_REPORT_RATE.split("/")[0])
    for number in range(rate):
        report(client, listing, f"Report {number}")

    response = report(client, listing, "One too many")

    assert response.status_code == 429
    assert "Wait an hour" in page_text(response)
    assert "One too many" in response.content.decode()  # kept to copy or send later
    assert ProblemReport.objects.count() == rate


def test_the_honeypot_still_stores_nothing(client, listing):
    response = report(client, listing, "Buy cheap watches", website="http://spam.example")

    assert "Thank you" in page_text(response)
    assert not ProblemReport.objects.exists()


def test_recaptcha_still_applies(client, listing, google):
    google.answer = {"success": False, "error-codes": ["invalid-input-response"]}

    refused = report(client, listing, "Moved to Tuesday", **{"g-recaptcha-response": "bad"})
    google.answer = {"success": True, "hostname": "testserver"}
    passed = report(client, listing, "Moved to Tuesday", **{"g-recaptcha-response": "good"})

    assert "Tick 'I'm not a robot'" in page_text(refused)
    assert "Thank you" in page_text(passed)
    assert ProblemReport.objects.count() == 1


def test_ideas_comments_and_supports_are_stored(client, board, idea, log):
    posted = client.post(
        reverse("consultations:post_idea", args=[board.pk]),
        {
            "title": "Saturday stay and play",
            "description": "Working dads cannot come on weekdays.",
            "theme": str(board.themes.first().pk),
            "respondent_type": "parent_carer",
            "area": "CR0 1AB",
            "consent": "on",
            "submission_key": token(),
            "step": "confirm",
        },
        follow=True,
    )
    commented = client.post(
        reverse("consultations:comment", args=[idea.pk]),
        {
            "body": "Evenings would help us too.",
            "respondent_type": "parent_carer",
            "submission_key": token(),
        },
        follow=True,
    )
    supported = client.post(reverse("consultations:support", args=[idea.pk]), follow=True)

    assertContains(posted, "We have your idea")
    assert Idea.objects.filter(title="Saturday stay and play").count() == 1
    assert commented.status_code == 200
    assert Comment.objects.get().body == "Evenings would help us too."
    assertContains(supported, "You support this idea")
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert_one_warning_no_tracebacks(log)


def test_pages_are_served_and_health_says_the_cache_is_down(client, listing, log):
    for _ in range(5):
        assert client.get(listing.get_url()).status_code == 200
        assert client.get("/en/").status_code == 200

    health = client.get("/healthz/")

    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["down"] == ["cache"]
    assert health.json()["checks"]["database"]["ok"] is True
    assert_one_warning_no_tracebacks(log)
