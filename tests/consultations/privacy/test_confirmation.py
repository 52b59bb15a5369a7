"""The double opt-in: only the person who reads the email can sign up for updates."""

import datetime
import json
import re
from urllib.parse import quote, urlsplit

import pytest
import time_machine
from django.core import mail, signing
from django.test import RequestFactory
from django.utils import timezone
from pytest_django.asserts import assertContains

from consultations.services.notifications import ask_to_confirm_email, confirmation_token
from tests.factories.consultations import ContributorFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def confirm_path(token):
    return f"/en/consultations/confirm/{token}/"


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_confirmation_email_has_a_link_that_confirms_the_address(client, home_page, contributor):
    sent = ask_to_confirm_email(contributor, RequestFactory().get("/en/"))

    assert sent is True
    [message] = mail.outbox
    assert message.to == ["amina.khan@example.com"]
    assert "Confirm your email address" in message.subject
    assert message.body.startswith("Dear Amina Khan,")
    assert "Northbrook Borough Council" in message.body
    link = link_in(message)
    assert link.startswith("http://testserver/en/consultations/confirm/")

    response = client.get(urlsplit(link).path)

    assertContains(response, "Email address confirmed")
    assertContains(response, "What happens next")
    contributor.refresh_from_db()
    assert contributor.email_confirmed_at is not None


def test_confirmation_email_link_follows_the_language_the_person_used(rf, contributor):
    request = rf.get("/ar/")
    request.LANGUAGE_CODE = "ar"

    ask_to_confirm_email(contributor, request)

    assert "http://testserver/ar/consultations/confirm/" in mail.outbox[0].body


def test_no_confirmation_email_without_an_address_or_once_confirmed(rf, confirmed_contributor):
    ask_to_confirm_email(ContributorFactory(email=""), rf.get("/"))
    ask_to_confirm_email(confirmed_contributor, rf.get("/"))

    assert mail.outbox == []


def test_opening_the_link_twice_keeps_the_first_confirmation(client, home_page, contributor):
    token = confirmation_token(contributor)
    client.get(confirm_path(token))
    contributor.refresh_from_db()
    first = contributor.email_confirmed_at

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        response = client.get(confirm_path(token))

    assert response.status_code == 200
    contributor.refresh_from_db()
    assert contributor.email_confirmed_at == first


def test_a_tampered_link_is_refused_clearly(client, home_page, contributor):
    token = confirmation_token(contributor)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    response = client.get(confirm_path(tampered))

    assertContains(response, "This link does not work", status_code=400)
    contributor.refresh_from_db()
    assert contributor.email_confirmed_at is None


def test_a_link_for_someone_else_cannot_be_forged_from_your_own(client, home_page, contributor):
    """The token's payload is readable, but changing the contributor id breaks the signature."""
    victim = ContributorFactory(email="victim@example.com")
    token = confirmation_token(contributor)
    payload, signed_part = token.split(":", 1)
    data = json.loads(signing.b64_decode(payload.encode()))
    data["c"] = victim.pk
    forged_payload = signing.b64_encode(json.dumps(data, separators=(",", ":")).encode())
    forged = f"{forged_payload.decode()}:{signed_part}"
    assert forged != token

    response = client.get(confirm_path(forged))

    assert response.status_code == 400
    victim.refresh_from_db()
    assert victim.email_confirmed_at is None


def test_a_link_works_for_fourteen_days_only(client, home_page, contributor):
    sent_at = timezone.now()
    with time_machine.travel(sent_at, tick=False):
        token = confirmation_token(contributor)

    with time_machine.travel(sent_at + datetime.timedelta(days=15)):
        response = client.get(confirm_path(token))
    assertContains(response, "more than 14 days old", status_code=400)

    with time_machine.travel(sent_at + datetime.timedelta(days=13)):
        response = client.get(confirm_path(token))
    assert response.status_code == 200


def test_a_link_stops_working_when_the_address_changes(client, home_page, contributor):
    token = confirmation_token(contributor)
    contributor.email = "someone.else@example.com"
    contributor.save()

    response = client.get(confirm_path(token))

    assert response.status_code == 400
    contributor.refresh_from_db()
    assert contributor.email_confirmed_at is None


def test_a_link_stops_working_once_the_address_is_removed(client, home_page, contributor):
    token = confirmation_token(contributor)
    contributor.name = contributor.email = ""
    contributor.anonymised_at = timezone.now()
    contributor.save()

    response = client.get(confirm_path(token))

    assert response.status_code == 400


def test_a_link_for_an_erased_person_is_refused(client, home_page, contributor):
    token = confirmation_token(contributor)
    contributor.delete()

    assert client.get(confirm_path(token)).status_code == 400


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_tokens_get_a_clear_refusal_never_an_error(client, home_page, value):
    response = client.get(confirm_path(quote(value, safe="")))

    assert 400 <= response.status_code < 500
    if response.status_code == 400:
        assertContains(response, "This link does not work", status_code=400)
    assert b"<script>alert" not in response.content
