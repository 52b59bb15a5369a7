"""The moderation services: what each action changes, logs and tells, and doing it twice."""

from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consultations.models import AbuseReport, Idea, ModerationStatus, ResponseStatus
from consultations.services import moderation
from tests.factories.consultations import CommentFactory, ContributorFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def entries(item, action):
    return ModelLogEntry.objects.filter(object_id=str(item.pk), action=action)


@pytest.fixture
def told():
    with (
        mock.patch("consultations.services.notifications.tell_author_published") as published,
        mock.patch("consultations.services.notifications.tell_author_answered") as answered,
    ):
        yield {"published": published, "answered": answered}


@pytest.fixture
def invalidated():
    with mock.patch("foundation.page_cache.invalidate") as invalidate:
        yield invalidate


def test_approve_publishes_logs_and_tells_the_author_once(
    pending_idea, consultation_moderator, told, invalidated
):
    assert moderation.approve(pending_idea, consultation_moderator) is True
    assert pending_idea.status == ModerationStatus.PUBLISHED
    assert pending_idea.published_at and pending_idea.moderated_at
    assert pending_idea.moderated_by == consultation_moderator
    entry = entries(pending_idea, "consultations.approve").get()
    assert entry.user == consultation_moderator
    assert entry.data["previous_status"] == "pending"
    told["published"].assert_called_once()
    assert invalidated.called

    # Twice (a double click, a second moderator): nothing more happens.
    told["published"].reset_mock()
    assert moderation.approve(pending_idea, consultation_moderator) is False
    assert entries(pending_idea, "consultations.approve").count() == 1
    told["published"].assert_not_called()


def test_log_entries_hold_no_resident_words_or_details(board, consultation_moderator, told):
    contributor = ContributorFactory(name="Jo Bloggs", email="jo@example.com")
    idea = IdeaFactory(
        board=board,
        title="Call Jo on 07700 900123",
        status=ModerationStatus.PENDING,
        contributor=contributor,
    )
    moderation.reject(idea, consultation_moderator, "personal_details", note="Jo Bloggs again")
    moderation.edit_text(idea, consultation_moderator, title="Call me")
    for entry in ModelLogEntry.objects.filter(object_id=str(idea.pk)):
        stored = f"{entry.label} {entry.data}"
        assert "07700" not in stored
        assert "Jo" not in stored
        assert "jo@example.com" not in stored


def test_reject_needs_a_reason_from_the_list(pending_idea, consultation_moderator):
    with pytest.raises(moderation.ModerationError):
        moderation.reject(pending_idea, consultation_moderator, "<script>")
    pending_idea.refresh_from_db()
    assert pending_idea.status == ModerationStatus.PENDING
    assert not entries(pending_idea, "consultations.reject").exists()


def test_reject_keeps_reason_and_note_and_logs_the_reason(pending_idea, consultation_moderator):
    assert moderation.reject(pending_idea, consultation_moderator, "spam", note="Advert for loans")
    assert pending_idea.status == ModerationStatus.REJECTED
    assert pending_idea.rejection_reason == "spam"
    assert pending_idea.moderation_note == "Advert for loans"
    assert entries(pending_idea, "consultations.reject").get().data["reason"] == "spam"
    assert moderation.reject(pending_idea, consultation_moderator, "spam") is False


def test_hiding_a_published_idea_resolves_its_reports(idea, consultation_moderator, invalidated):
    AbuseReport.objects.create(idea=idea, reason="offensive", reporter="a")
    AbuseReport.objects.create(idea=idea, reason="spam", reporter="b")
    assert moderation.hide(idea, consultation_moderator, note="Abusive")
    assert idea.status == ModerationStatus.HIDDEN
    assert not AbuseReport.objects.filter(idea=idea, resolved_at__isnull=True).exists()
    report = AbuseReport.objects.filter(idea=idea).first()
    assert report.resolved_by == consultation_moderator
    assert entries(idea, "consultations.hide").get().data["reports_resolved"] == 2
    assert invalidated.called
    assert moderation.hide(idea, consultation_moderator) is False


def test_approving_a_reported_idea_keeps_it_published_and_closes_reports(
    idea, consultation_moderator, told
):
    AbuseReport.objects.create(idea=idea, reason="offensive", reporter="a")
    assert moderation.approve(idea, consultation_moderator)
    assert idea.status == ModerationStatus.PUBLISHED
    assert AbuseReport.objects.get(idea=idea).resolved_at is not None
    told["published"].assert_not_called()  # it was already published


def test_comment_count_follows_published_comments(idea, consultation_moderator):
    first = CommentFactory(idea=idea, status=ModerationStatus.PENDING, published_at=None)
    second = CommentFactory(idea=idea, status=ModerationStatus.PENDING, published_at=None)
    Idea.objects.filter(pk=idea.pk).update(comment_count=7)  # wrong, as after a lost update

    moderation.approve(first, consultation_moderator)
    moderation.approve(second, consultation_moderator)
    idea.refresh_from_db()
    assert idea.comment_count == 2

    moderation.hide(first, consultation_moderator)
    idea.refresh_from_db()
    assert idea.comment_count == 1

    moderation.approve(second, consultation_moderator)  # again: still one hidden, one shown
    idea.refresh_from_db()
    assert idea.comment_count == 1


def test_approving_a_comment_does_not_tell_the_idea_author(
    pending_comment, consultation_moderator, told
):
    moderation.approve(pending_comment, consultation_moderator)
    told["published"].assert_not_called()


def test_edit_text_corrects_flags_again_and_logs_field_names(board, consultation_moderator):
    idea = IdeaFactory(
        board=board,
        title="Stay and paly",
        description="Ring me on 07700 900123",
        flags=["07700 900123"],
        status=ModerationStatus.PENDING,
    )
    moderation.edit_text(
        idea, consultation_moderator, title="Stay and play", description="Ring the centre"
    )
    assert idea.title == "Stay and play"
    assert idea.flags == []
    entry = entries(idea, "consultations.edit_text").get()
    assert entry.data["fields"] == ["title", "description"]
    assert entry.user == consultation_moderator
    assert moderation.edit_text(idea, consultation_moderator, title="Stay and play") is False


def test_edit_text_refuses_other_fields(idea, consultation_moderator):
    with pytest.raises(moderation.ModerationError):
        moderation.edit_text(idea, consultation_moderator, status="published")


def test_respond_sets_status_response_and_tells_the_author(idea, consultation_moderator, told):
    moderation.respond(
        idea, consultation_moderator, ResponseStatus.TAKEN_FORWARD, "We will open on Saturdays."
    )
    assert idea.response_status == ResponseStatus.TAKEN_FORWARD
    assert idea.public_response == "We will open on Saturdays."
    assert idea.responded_at <= timezone.now()
    told["answered"].assert_called_once()
    entry = entries(idea, "consultations.respond").get()
    assert entry.data == {"response_status": "taken_forward"}
    assert (
        moderation.respond(
            idea, consultation_moderator, ResponseStatus.TAKEN_FORWARD, "We will open on Saturdays."
        )
        is False
    )


@pytest.mark.parametrize("status", ["maybe", "<b>", "x" * 30])
def test_respond_refuses_a_status_not_on_the_list(idea, consultation_moderator, status):
    with pytest.raises(moderation.ModerationError):
        moderation.respond(idea, consultation_moderator, status, "Text")


def test_respond_refuses_a_response_too_long(idea, consultation_moderator):
    with pytest.raises(moderation.ModerationError):
        moderation.respond(idea, consultation_moderator, "taken_forward", "x" * 2001)


def test_checking_a_post_moderated_idea_marks_it_checked_without_telling_again(
    idea, consultation_moderator, told
):
    assert idea.moderated_at is None
    assert moderation.approve(idea, consultation_moderator) is True
    assert idea.moderated_at is not None
    assert idea.status == ModerationStatus.PUBLISHED
    told["published"].assert_not_called()
    assert moderation.approve(idea, consultation_moderator) is False
