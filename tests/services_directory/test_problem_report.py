"""Families report a problem with a listing; it reaches the editors' queue, spam does not."""

import re
from unittest import mock
from urllib.error import URLError

import pytest
from django.core.cache import cache
from django.test import override_settings

from services_directory.models import ProblemReport, ProblemStatus
from tests.directory_support import (
    page_text,
    service,
)
from tests.hostile import HOSTILE_VALUES
from tests.submissions import with_token

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def listing(directory):
    return service(directory, "Stay and play")


def report_url(page):
    return f"/en/directory/report/{page.pk}/"


def send(client, page, **data):
    return client.post(
        report_url(page), with_token({"kind": "times", "details": "It moved to Sunday.", **data})
    )


def test_service_page_carries_the_report_form(client, listing):
    body = client.get(listing.get_url()).content.decode()

    assert "Report a problem with this listing" in body
    assert f'action="{report_url(listing)}"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert "The opening times are wrong" in body


def test_a_report_reaches_the_editors_queue_and_shows_a_confirmation(client, listing):
    response = send(client, listing, email="parent@example.org")

    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert (report.service_id, report.kind, report.details, report.email) == (
        listing.pk,
        "times",
        "It moved to Sunday.",
        "parent@example.org",
    )
    assert report.status == ProblemStatus.NEW
    confirmation = client.get(response["Location"])
    assert "Report sent" in page_text(confirmation)
    assert "govuk-panel--confirmation" in confirmation.content.decode()


def test_missing_details_keep_what_was_chosen_and_say_what_to_fix(client, listing):
    response = client.post(
        report_url(listing), with_token(kind="cost", details="", email="not-an-email")
    )

    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert "Enter what is wrong with the listing" in text
    assert "Enter an email address in the correct format" in text
    body = response.content.decode()
    assert 'value="cost" checked' in body
    assert 'value="not-an-email"' in body
    assert '<a href="#report-details">' in body
    assert not ProblemReport.objects.exists()


def test_details_over_2000_characters_are_refused_but_kept(client, listing):
    long_text = "a" * 2001

    response = send(client, listing, details=long_text)

    assert "Tell us in 2,000 characters or fewer" in page_text(response)
    assert long_text in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_markup_is_stored_as_text_and_escaped_when_shown(client, listing):
    markup = '<script>alert("x")</script> <b>wrong</b>'

    send(client, listing, details=markup)

    assert ProblemReport.objects.get().details == markup
    # Shown back escaped when the form is redisplayed with another error.
    response = send(client, listing, details=markup, kind="")
    body = response.content.decode()
    assert markup not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_nul_bytes_are_removed_not_stored(client, listing):
    send(client, listing, details="Phone\x00 number changed")

    assert ProblemReport.objects.get().details == "Phone number changed"


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("field", ["kind", "details", "email"])
def test_hostile_values_never_cause_a_server_error(client, listing, field, value):
    response = send(client, listing, **{field: value})

    assert response.status_code in (200, 302)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_filled_honeypot_looks_like_success_but_stores_nothing(client, listing):
    response = send(client, listing, website="http://spam.example.com")

    assert response.status_code == 302
    assert "Report sent" in page_text(client.get(response["Location"]))
    assert not ProblemReport.objects.exists()


@override_settings(DIRECTORY_PROBLEM_REPORT_RATE="2/h")
def test_rate_limit_answers_429_and_keeps_the_text(client, listing):
    assert send(client, listing).status_code == 302
    assert send(client, listing).status_code == 302

    response = send(client, listing, details="A third report about the phone number.")

    assert response.status_code == 429
    text = page_text(response)
    assert "Wait an hour, then try again." in text
    assert "A third report about the phone number." in response.content.decode()
    assert ProblemReport.objects.count() == 2


@override_settings(RECAPTCHA_ENABLED=True)
def test_recaptcha_outage_gives_a_message_not_an_error_page(client, listing):
    with mock.patch(
        "django_recaptcha.client.recaptcha_request", side_effect=URLError("no network")
    ):
        response = send(
            client, listing, **{"g-recaptcha-response": "token", "details": "Kept text"}
        )

    assert response.status_code == 200
    assert "We could not check you are not a robot. Please try again." in page_text(response)
    assert "Kept text" in response.content.decode()
    assert not ProblemReport.objects.exists()


@override_settings(RECAPTCHA_ENABLED=True)
def test_recaptcha_passes_when_google_says_so(client, listing):
    answer = mock.Mock(is_valid=True, error_codes=[], extra_data={}, action=None)
    with mock.patch("django_recaptcha.client.submit", return_value=answer):
        response = send(client, listing, **{"g-recaptcha-response": "token"})

    assert response.status_code == 302
    assert ProblemReport.objects.count() == 1


@override_settings(RECAPTCHA_ENABLED=True)
def test_recaptcha_widget_is_shown_only_when_enabled(client, listing):
    body = client.get(report_url(listing)).content.decode()
    assert 'class="g-recaptcha"' in body
    assert (
        "<script>" not in re.sub(r'<script src="[^"]+"[^>]*></script>', "", body).split("<main")[1]
    )


def test_no_recaptcha_by_default(client, listing):
    assert "g-recaptcha" not in client.get(listing.get_url()).content.decode()


def test_report_page_for_an_unknown_service_is_not_found(client, listing):
    assert client.get("/en/directory/report/999999/").status_code == 404


@pytest.mark.parametrize(
    "service_id",
    [
        "99999999999999999999999",  # past SQLite's 64 bits: was an OverflowError
        str(2**63),
        str(2**31),  # past PostgreSQL's integer
        "1" * 500,
        "-1",
        "1e3",
        "0x10",
        "abc",
        "%00",
    ],
)
@pytest.mark.parametrize("suffix", ["", "sent/"])
def test_report_pages_answer_not_found_for_any_id_that_is_not_a_service(
    client, listing, service_id, suffix
):
    client.raise_request_exception = False

    assert client.get(f"/en/directory/report/{service_id}/{suffix}").status_code == 404
    assert client.post(f"/en/directory/report/{service_id}/", {"kind": "times"}).status_code == 404
    assert not ProblemReport.objects.exists()
