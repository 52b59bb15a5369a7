"""Authors who confirmed their address hear, once each, of publication and of our answer."""

import logging

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from consultations.models import Idea, ModerationStatus, ResponseStatus
from consultations.services.notifications import (
    ask_to_confirm_email,
    tell_author_answered,
    tell_author_published,
)

pytestmark = pytest.mark.django_db

BROKEN_MAIL = "tests.consultations.privacy.broken_mail.UnreachableMailServer"


def answer(idea):
    idea.response_status = ResponseStatus.TAKEN_FORWARD
    idea.public_response = "From September, two centres will open until 7pm on Thursdays."
    idea.responded_at = timezone.now()
    idea.save()
    return idea


def test_confirmed_author_is_told_their_idea_is_published(board, make_idea, confirmed_contributor):
    idea = make_idea(board, confirmed_contributor, title="Evening stay and play")

    assert tell_author_published(idea) is True

    [message] = mail.outbox
    assert message.to == ["tom.price@example.com"]
    assert message.subject == "Your idea is now published"
    assert '"Evening stay and play"' in message.body
    assert f"http://testserver/en/consultations/ideas/{idea.pk}/" in message.body
    assert "never shown on the website" in message.body
    assert "Northbrook Borough Council" in message.body


def test_author_is_told_of_publication_only_once(board, make_idea, confirmed_contributor):
    idea = make_idea(board, confirmed_contributor)

    tell_author_published(idea)
    tell_author_published(idea)
    tell_author_published(Idea.objects.get(pk=idea.pk))

    assert len(mail.outbox) == 1
    idea.refresh_from_db()
    assert idea.author_told_published_at is not None


def test_a_second_moderator_with_a_stale_copy_sends_nothing(
    board, make_idea, confirmed_contributor
):
    """Two saves at once each hold the idea as untold: the database decides who sends."""
    idea = make_idea(board, confirmed_contributor)
    stale_copy = Idea.objects.get(pk=idea.pk)

    tell_author_published(idea)
    assert stale_copy.author_told_published_at is None
    tell_author_published(stale_copy)

    assert len(mail.outbox) == 1


def test_unconfirmed_author_is_never_emailed(board, make_idea, contributor):
    idea = answer(make_idea(board, contributor))

    assert tell_author_published(idea) is False
    assert tell_author_answered(idea) is False

    assert mail.outbox == []
    idea.refresh_from_db()
    assert idea.author_told_published_at is None


def test_anonymous_and_anonymised_authors_are_never_emailed(
    board, make_idea, confirmed_contributor
):
    anonymous = make_idea(board, None)
    confirmed_contributor.anonymised_at = timezone.now()
    confirmed_contributor.save()
    anonymised = make_idea(board, confirmed_contributor)

    tell_author_published(anonymous)
    tell_author_published(anonymised)

    assert mail.outbox == []


def test_pending_idea_is_not_announced_as_published(board, make_idea, confirmed_contributor):
    idea = make_idea(board, confirmed_contributor, status=ModerationStatus.PENDING)

    assert tell_author_published(idea) is False
    assert mail.outbox == []


def test_author_is_told_of_the_response_once(board, make_idea, confirmed_contributor):
    idea = answer(make_idea(board, confirmed_contributor, title="Open later on Thursdays"))

    tell_author_answered(idea)
    tell_author_answered(idea)

    [message] = mail.outbox
    assert message.subject == "We have responded to your idea"
    assert '"Open later on Thursdays"' in message.body
    assert "What happened: Taken forward" in message.body
    assert "two centres will open until 7pm on Thursdays" in message.body
    assert f"/en/consultations/ideas/{idea.pk}/" in message.body


def test_no_response_email_before_there_is_a_response(board, make_idea, confirmed_contributor):
    idea = make_idea(board, confirmed_contributor)

    assert tell_author_answered(idea) is False
    assert mail.outbox == []


def test_email_is_in_the_language_the_idea_was_written_in(board, make_idea, confirmed_contributor):
    idea = make_idea(board, confirmed_contributor, language="ar")

    tell_author_published(idea)

    assert f"http://testserver/ar/consultations/ideas/{idea.pk}/" in mail.outbox[0].body


def test_markup_in_a_title_arrives_as_the_person_typed_it(board, make_idea, confirmed_contributor):
    """The email is plain text: HTML-escaping it would show &lt; to the reader."""
    idea = make_idea(board, confirmed_contributor, title="Dads & carers <groups>")

    tell_author_published(idea)

    assert '"Dads & carers <groups>"' in mail.outbox[0].body


@override_settings(EMAIL_BACKEND=BROKEN_MAIL)
def test_mail_server_down_fails_quietly_and_keeps_the_author_untold(
    board, make_idea, confirmed_contributor, caplog
):
    idea = make_idea(board, confirmed_contributor)

    with caplog.at_level(logging.DEBUG):
        assert tell_author_published(idea) is False

    idea.refresh_from_db()
    assert idea.author_told_published_at is None
    assert "Could not send the published email" in caplog.text

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert tell_author_published(idea) is True


@override_settings(EMAIL_BACKEND=BROKEN_MAIL)
def test_mail_server_down_never_logs_an_email_address(rf, board, make_idea, contributor, caplog):
    with caplog.at_level(logging.DEBUG):
        assert ask_to_confirm_email(contributor, rf.get("/")) is False
        contributor.email_confirmed_at = timezone.now()
        contributor.save()
        tell_author_answered(answer(make_idea(board, contributor)))

    assert caplog.records
    assert "amina.khan@example.com" not in caplog.text
    assert "example.com" not in caplog.text
    assert "Amina" not in caplog.text
