"""Every public form stores a submission once: a double click, "back" and send again, or twenty
identical requests at once through a real server give one row, and every repeat the same answer.

Before: twenty identical "report a problem" posts were stored twenty times.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.test import Client
from django.urls import reverse

from consultations.models import Comment, Idea, Support
from services_directory.models import ProblemReport
from tests.consultations import conftest as consultation_fixtures
from tests.directory_support import page_text, service
from tests.live_site import count_rows, gunicorn_site, open_form, served_database_url
from tests.submissions import token

consultation_index = consultation_fixtures.consultation_index
consultation = consultation_fixtures.consultation
board = consultation_fixtures.board
idea = consultation_fixtures.idea
pytestmark = pytest.mark.django_db
RATES = {
    "DIRECTORY_PROBLEM_REPORT_RATE": "1000/h",
    "CONSULTATIONS_IDEA_RATE": "1000/h",
    "CONSULTATIONS_COMMENT_RATE": "1000/h",
    "CONSULTATIONS_SUPPORT_RATE": "1000/h",
}


@pytest.fixture
def listing(directory):
    return service(directory, "Stay and play")


def twenty_at_once(session, url, data):
    def post(_n):
        response = session.post(url, data=data, allow_redirects=False, timeout=60)
        return response.status_code, response.headers.get("Location", "")

    with ThreadPoolExecutor(max_workers=20) as pool:
        return list(pool.map(post, range(20)))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_identical_posts_of_each_form_store_one_row_each(listing, board, idea, tmp_path):
    url, copy = served_database_url(tmp_path)
    with gunicorn_site(tmp_path, url, **RATES) as base:
        # "Report a problem with this listing", with the token its page rendered.
        path = reverse("services_directory:report_problem", args=[listing.pk])
        session, csrf, submission = open_form(base, path)
        assert submission, "the report form carries a submission token"
        answers = twenty_at_once(
            session,
            base + path,
            {
                "csrfmiddlewaretoken": csrf,
                "submission_key": submission,
                "kind": "times",
                "details": "The session moved to Thursday.",
            },
        )
        assert {status for status, _ in answers} == {302}
        assert len({location for _, location in answers}) == 1  # the same answer each time
        assert count_rows(copy, ProblemReport, service_id=listing.pk) == 1

        # An idea.
        path = reverse("consultations:post_idea", args=[board.pk])
        session, csrf, submission = open_form(base, path)
        assert submission
        answers = twenty_at_once(
            session,
            base + path,
            {
                "csrfmiddlewaretoken": csrf,
                "submission_key": submission,
                "title": "Breakfast club at the children's centre",
                "description": "Mornings are the hardest time for working parents.",
                "theme": str(board.themes.first().pk),
                "respondent_type": "parent_carer",
                "consent": "on",
                "step": "confirm",
            },
        )
        assert {status for status, _ in answers} == {302}
        assert count_rows(copy, Idea, board_id=board.pk) == 2  # the fixture's idea and this one

        # A comment on a published idea.
        path = reverse("consultations:idea", args=[idea.pk])
        session, csrf, submission = open_form(base, path)
        assert submission
        answers = twenty_at_once(
            session,
            base + reverse("consultations:comment", args=[idea.pk]),
            {
                "csrfmiddlewaretoken": csrf,
                "submission_key": submission,
                "body": "Evenings would suit working parents.",
                "respondent_type": "other",
            },
        )
        assert {status for status, _ in answers} == {302}
        assert len({location for _, location in answers}) == 1
        assert count_rows(copy, Comment, idea_id=idea.pk) == 1

        # A first-time visitor's support, clicked twenty times before any cookie came back:
        # each request is cookieless, as the second click of a double click is.
        page = requests.get(base + path, timeout=30)
        support_token = page.text.split('name="submission_key" value="', 1)[1][:32]

        def support(_n):
            fresh = requests.Session()
            fresh.cookies.update(page.cookies)  # the CSRF cookie only
            csrf_value = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"')[0]
            return fresh.post(
                base + reverse("consultations:support", args=[idea.pk]),
                data={"csrfmiddlewaretoken": csrf_value, "submission_key": support_token},
                allow_redirects=False,
                timeout=60,
            ).status_code

        with ThreadPoolExecutor(max_workers=20) as pool:
            assert set(pool.map(support, range(20))) == {302}
        assert count_rows(copy, Support, idea_id=idea.pk) == 1


# The same, one request after another, as a person does it.


def report(client, listing, **fields):
    data = {"kind": "cost", "details": "It costs £3 now, not £2.", **fields}
    return client.post(reverse("services_directory:report_problem", args=[listing.pk]), data)


def test_a_double_click_or_back_and_send_again_stores_one_report(client, listing):
    sent = token()
    first = report(client, listing, submission_key=sent)
    again = report(client, listing, submission_key=sent)

    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert ProblemReport.objects.count() == 1


def test_going_back_and_changing_the_words_keeps_the_new_words(client, listing):
    sent = token()
    report(client, listing, submission_key=sent)
    report(client, listing, submission_key=sent, details="It costs £3.50 now, not £2.")

    assert sorted(ProblemReport.objects.values_list("details", flat=True)) == [
        "It costs £3 now, not £2.",
        "It costs £3.50 now, not £2.",
    ]


def test_a_report_without_a_token_is_not_stored_but_the_words_stay_and_a_new_token_is_given(
    client, listing
):
    response = report(client, listing, details="Closed on Fridays now.")

    assert response.status_code == 200
    assert "Your form could not be sent. Check your answers and send it again." in page_text(
        response
    )
    html = response.content.decode()
    assert "Closed on Fridays now." in html
    assert not ProblemReport.objects.exists()
    resent_token = html.split('name="submission_key" value="', 1)[1][:32]
    assert report(client, listing, submission_key=resent_token).status_code == 302
    assert ProblemReport.objects.count() == 1


def test_an_idea_and_a_comment_sent_twice_are_stored_once(client, board, idea):
    data = {
        "title": "Saturday stay and play",
        "description": "Working dads cannot come on weekdays.",
        "theme": str(board.themes.first().pk),
        "respondent_type": "parent_carer",
        "consent": "on",
        "step": "confirm",
        "submission_key": token(),
    }
    url = reverse("consultations:post_idea", args=[board.pk])
    answers = [client.post(url, data) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [302, 302]
    assert Idea.objects.filter(title="Saturday stay and play").count() == 1

    comment = {"body": "Yes please.", "respondent_type": "other", "submission_key": token()}
    url = reverse("consultations:comment", args=[idea.pk])
    answers = [client.post(url, comment) for _ in range(2)]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Comment.objects.filter(idea=idea).count() == 1


def test_a_first_time_visitors_double_click_on_support_counts_once(idea):
    url = reverse("consultations:support", args=[idea.pk])
    button = token()
    # Two cookieless requests: the second click left before the first's cookie came back.
    for _ in range(2):
        assert Client().post(url, {"submission_key": button}).status_code == 302
    # Someone else's first visit is another person.
    assert Client().post(url, {"submission_key": token()}).status_code == 302

    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 2
    assert idea.support_count == 2


def test_the_support_button_and_forms_render_a_fresh_token_each_time(client, listing, idea):
    first = client.get(reverse("consultations:idea", args=[idea.pk])).content.decode()
    second = client.get(reverse("consultations:idea", args=[idea.pk])).content.decode()

    def tokens(html):
        return [part[:32] for part in html.split('name="submission_key" value="')[1:]]

    assert len(tokens(first)) == 2  # the support button and the comment form
    assert not set(tokens(first)) & set(tokens(second))
