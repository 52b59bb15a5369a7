"""reCAPTCHA answering yes, no and not at all, through a local stand-in for Google's server.

The stand-in (tests/recaptcha_standin.py) is selected as a deployment would choose another
endpoint, with django-recaptcha's own RECAPTCHA_DOMAIN setting: nothing in django-recaptcha or
urllib is mocked, so the real request, TLS, timeout and JSON handling are exercised. The form is
the directory's "report a problem with this listing", the first public form to share
foundation.spam_protection.
"""

import re
import time

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from foundation.spam_protection import (
    RECAPTCHA_FAILED,
    RECAPTCHA_REFUSED,
    RECAPTCHA_UNAVAILABLE,
)
from services_directory.forms import ProblemReportForm
from services_directory.models import ProblemReport
from tests import recaptcha_standin
from tests.council_site.test_settings import PRODUCTION_ENV, _run
from tests.directory_support import page_text, service
from tests.submissions import with_token

TEXT = "The Tuesday session moved to the library on Hill Street."


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def listing(db, directory):
    return service(directory, "Stay and play")


def send(client, listing, token="token-from-google", **data):
    fields = with_token({"kind": "times", "details": TEXT, **data})
    if token is not None:
        fields["g-recaptcha-response"] = token
    return client.post(f"/en/directory/report/{listing.pk}/", fields)


def assert_refused_and_kept(response, message):
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert str(message) in text
    assert TEXT in response.content.decode()
    assert not ProblemReport.objects.exists()


# --- v2: the checkbox ----------------------------------------------------------------------


def test_v2_yes_stores_the_report(client, listing, google, settings):
    google.answer = {"success": True, "hostname": "testserver"}

    response = send(client, listing)

    assert response.status_code == 302
    assert ProblemReport.objects.get().details == TEXT
    # It really was the stand-in that was asked, with the site's secret and the person's token.
    [asked] = google.requests
    assert asked["path"] == recaptcha_standin.VERIFY_PATH
    assert (asked["secret"], asked["response"]) == (
        settings.RECAPTCHA_PRIVATE_KEY,
        "token-from-google",
    )


def test_v2_no_asks_the_person_to_tick_the_box_and_keeps_their_text(client, listing, google):
    google.answer = {"success": False, "error-codes": ["invalid-input-response"]}

    response = send(client, listing)

    assert_refused_and_kept(response, RECAPTCHA_FAILED)
    assert len(google.requests) == 1


# --- Google not answering --------------------------------------------------------------------


@pytest.fixture(params=["silent", "refused", "garbled"])
def unreachable_domain(request, trusting_standin):
    """Google as a resident's request may meet it: silent, refusing, or answering nonsense."""
    if request.param == "silent":
        with recaptcha_standin.silent_listener() as domain:
            yield domain
    elif request.param == "refused":
        yield recaptcha_standin.closed_port()
    else:
        with recaptcha_standin.running_standin(trusting_standin) as standin:
            standin.answer = b"<html>Service Unavailable</html>"
            yield standin.domain


def test_google_not_answering_gives_a_message_keeps_the_text_and_stores_nothing(
    client, listing, unreachable_domain
):
    started = time.monotonic()
    with override_settings(
        RECAPTCHA_ENABLED=True,
        RECAPTCHA_DOMAIN=unreachable_domain,
        RECAPTCHA_VERIFY_REQUEST_TIMEOUT=0.5,
    ):
        response = send(client, listing)

    assert_refused_and_kept(response, RECAPTCHA_UNAVAILABLE)
    # The person waits for the short timeout, not for Google's default ten seconds.
    assert time.monotonic() - started < 5


# --- v3: the score -------------------------------------------------------------------------


@pytest.fixture
def google_v3(google):
    with override_settings(RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE=0.5):
        yield google


def test_v3_page_has_a_hidden_token_input_and_no_checkbox(client, listing, google_v3, settings):
    body = client.get(f"/en/directory/report/{listing.pk}/").content.decode()

    assert 'name="g-recaptcha-response"' in body
    assert 'data-action="submit"' in body
    assert f"recaptcha/api.js?render={settings.RECAPTCHA_PUBLIC_KEY}" in body
    assert 'class="g-recaptcha"' not in body
    # Google's script comes by address; the CSP would block an inline one.
    main = body.split("<main")[1]
    assert "<script>" not in re.sub(r'<script src="[^"]+"[^>]*></script>', "", main)


def test_v3_with_a_high_score_stores_the_report(client, listing, google_v3):
    google_v3.answer = {"success": True, "score": 0.9, "action": "submit"}

    response = send(client, listing)

    assert response.status_code == 302
    assert ProblemReport.objects.get().details == TEXT
    assert google_v3.requests[0]["response"] == "token-from-google"


@pytest.mark.parametrize(
    "answer",
    [
        {"success": True, "score": 0.1, "action": "submit"},
        {"success": True, "action": "submit"},  # no score at all counts as the lowest
        {"success": True, "score": 0.9, "action": "login"},  # a token made for another form
    ],
    ids=["low-score", "no-score", "other-action"],
)
def test_v3_refuses_a_low_score_with_a_message_and_keeps_the_text(
    client, listing, google_v3, answer
):
    google_v3.answer = answer

    response = send(client, listing)

    assert_refused_and_kept(response, RECAPTCHA_REFUSED)


def test_v3_without_javascript_asks_to_try_again_and_keeps_the_text(client, listing, google_v3):
    response = send(client, listing, token=None)

    assert_refused_and_kept(response, RECAPTCHA_UNAVAILABLE)
    assert google_v3.requests == []


# --- Configuration -----------------------------------------------------------------------------


@override_settings(RECAPTCHA_ENABLED=True, RECAPTCHA_VERSION="v4")
def test_an_unknown_version_is_a_configuration_error_not_a_guess():
    with pytest.raises(ImproperlyConfigured, match="RECAPTCHA_VERSION"):
        ProblemReportForm()


@pytest.mark.parametrize(
    ("changes", "remove", "message"),
    [
        ({"RECAPTCHA_VERSION": "v4"}, (), "Set RECAPTCHA_VERSION to v2"),
        (
            {"RECAPTCHA_ENABLED": "true"},
            ("RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY"),
            "set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY",
        ),
        (
            {},
            ("RECAPTCHA_ENABLED", "RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY"),
            "set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY, or RECAPTCHA_ENABLED=false",
        ),
    ],
    ids=["unknown-version", "enabled-without-keys", "keys-forgotten"],
)
def test_production_refuses_to_start_with_a_recaptcha_it_cannot_use(changes, remove, message):
    result = _run(["check"], {**PRODUCTION_ENV, **changes}, remove=remove)

    assert result.returncode != 0
    assert message in result.stderr


def test_production_reads_recaptcha_choices_from_the_environment():
    show = "from django.conf import settings as s; "
    show += "print(s.RECAPTCHA_ENABLED, s.RECAPTCHA_VERSION, s.RECAPTCHA_REQUIRED_SCORE)"

    on = _run(["shell", "-c", show], {**PRODUCTION_ENV, "RECAPTCHA_VERSION": " V3 "})
    off = _run(["shell", "-c", show], {**PRODUCTION_ENV, "RECAPTCHA_ENABLED": "false"})

    assert on.stdout.split()[-3:] == ["True", "v3", "0.5"], on.stderr
    assert off.stdout.split()[-3:] == ["False", "v2", "0.5"], off.stderr


def test_production_runs_without_recaptcha_only_when_told_to():
    show = "from django.conf import settings as s; print(s.RECAPTCHA_ENABLED)"
    keys = ("RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY")

    off = _run(["shell", "-c", show], {**PRODUCTION_ENV, "RECAPTCHA_ENABLED": "false"}, keys)
    # Keys present and the variable unset: on, as the variable's production default says.
    default = _run(["shell", "-c", show], PRODUCTION_ENV, ("RECAPTCHA_ENABLED",))

    assert off.returncode == 0, off.stderr
    assert off.stdout.split()[-1] == "False"
    assert default.stdout.split()[-1] == "True", default.stderr
