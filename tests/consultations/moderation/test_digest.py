"""The moderators' digest email: one message each, each item once, no resident's details."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from consultations.models import AbuseReport, Idea, ModerationStatus
from tests.factories.consultations import ContributorFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def run_digest():
    call_command("send_moderation_digest")


@pytest.fixture
def second_moderator(django_user_model):
    user = django_user_model.objects.create_user("second", "second@example.gov.uk", "pw-2nd-1")
    user.groups.add(Group.objects.get(name="Consultation moderators"))
    return user


def test_each_moderator_gets_one_message_listing_new_items(
    consultation_moderator, second_moderator, pending_idea, pending_comment, idea, capsys
):
    AbuseReport.objects.create(idea=idea, reason="offensive", reporter="r")

    run_digest()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "consultmod@example.gov.uk",
        "second@example.gov.uk",
    ]
    body = mail.outbox[0].body
    assert "3 new items" in mail.outbox[0].subject
    assert f"Idea {pending_idea.pk}" in body
    assert f"Comment {pending_comment.pk}" in body
    assert "It is offensive or abusive" in body
    assert "http://testserver/admin/consultations/moderation/" in body
    assert "Sent a digest of 3 item(s) to 2 moderator(s)." in capsys.readouterr().out


def test_items_are_sent_once(consultation_moderator, pending_idea, capsys):
    run_digest()
    run_digest()
    assert len(mail.outbox) == 1
    assert "Nothing new for moderators." in capsys.readouterr().out
    pending_idea.refresh_from_db()
    assert pending_idea.moderators_notified_at is not None


def test_digest_holds_no_names_emails_or_posted_words(consultation_moderator, board):
    IdeaFactory(
        board=board,
        title="Ring Jo on 07700 900123",
        description="Jo lives at 12 Acacia Avenue",
        status=ModerationStatus.PENDING,
        contributor=ContributorFactory(name="Jo Bloggs", email="jo@example.com"),
        flags=["07700 900123", "12 Acacia Avenue"],
    )
    run_digest()
    message = mail.outbox[0]
    text = message.subject + message.body
    for detail in ("Jo", "07700", "Acacia", "jo@example.com"):
        assert detail not in text
    assert "[flagged]" in message.body


def test_inactive_moderators_and_editors_are_not_emailed(
    consultation_moderator, editor, pending_idea
):
    consultation_moderator.is_active = False
    consultation_moderator.save()
    run_digest()
    assert mail.outbox == []
    # Kept for when someone can read it.
    assert Idea.objects.get(pk=pending_idea.pk).moderators_notified_at is None


def test_nothing_is_sent_when_nothing_is_new(consultation_moderator, idea):
    run_digest()
    assert mail.outbox == []
