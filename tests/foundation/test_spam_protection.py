"""The protection every public form shares: honeypot, optional reCAPTCHA, rate limit per IP."""

from unittest import mock
from urllib.error import HTTPError, URLError

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from foundation.spam_protection import RECAPTCHA_UNAVAILABLE, SpamProtectedForm, rate_limited


class CommentForm(SpamProtectedForm):
    comment = forms.CharField()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_honeypot_marks_a_submission_as_spam():
    assert CommentForm({"comment": "Hello", "website": "http://spam.example.com"}).is_spam()
    assert not CommentForm({"comment": "Hello", "website": ""}).is_spam()
    assert not CommentForm({"comment": "Hello"}).is_spam()


def test_recaptcha_is_only_added_when_enabled():
    assert "captcha" not in CommentForm().fields
    with override_settings(RECAPTCHA_ENABLED=True):
        assert "captcha" in CommentForm().fields


@pytest.mark.parametrize(
    "failure",
    [
        URLError("Name or service not known"),
        TimeoutError("timed out"),
        ConnectionRefusedError("refused"),
        ValueError("Expecting value: line 1 column 1"),
        HTTPError("https://www.google.com/recaptcha/api/siteverify", 503, "Unavailable", {}, None),
    ],
)
@override_settings(RECAPTCHA_ENABLED=True)
def test_unreachable_recaptcha_becomes_a_form_error(failure):
    form = CommentForm({"comment": "Hello", "g-recaptcha-response": "token"})

    with mock.patch("django_recaptcha.client.recaptcha_request", side_effect=failure):
        assert not form.is_valid()

    assert form.errors["captcha"] == [str(RECAPTCHA_UNAVAILABLE)]
    assert form.data["comment"] == "Hello"


@override_settings(RECAPTCHA_ENABLED=True)
def test_missing_recaptcha_answer_asks_the_person_to_tick_the_box():
    form = CommentForm({"comment": "Hello"})

    assert not form.is_valid()
    assert "Tick 'I'm not a robot' and try again." in form.errors["captcha"]


def test_rate_limit_counts_per_ip_address():
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="203.0.113.5")
    other = factory.post("/", REMOTE_ADDR="203.0.113.99")

    assert [rate_limited(first, "test-form", "2/h") for _ in range(3)] == [False, False, True]
    assert rate_limited(other, "test-form", "2/h") is False
    assert rate_limited(first, "another-form", "2/h") is False


def test_a_broken_cache_lets_the_person_through():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.5")

    with mock.patch("django_ratelimit.core.caches") as caches:
        caches.__getitem__.return_value.add.side_effect = ConnectionError("cache down")
        assert rate_limited(request, "test-form", "1/h") is False
