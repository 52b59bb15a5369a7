"""Wagtail's bulk actions on the idea and comment listings call the moderation services."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains
from wagtail.models import ModelLogEntry

from consultations.models import ModerationStatus
from tests.factories.consultations import CommentFactory, IdeaFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def bulk_url(model, action, items):
    """The address the listing's footer opens: the selected ids and the way back."""
    url = reverse("wagtail_bulk_action", args=["consultations", model, action])
    listing = reverse(f"wagtailsnippets_consultations_{model}:list")
    return url + f"?next={listing}&" + "&".join(f"id={item.pk}" for item in items)


@pytest.fixture
def pending_ideas(board):
    return [
        IdeaFactory(board=board, status=ModerationStatus.PENDING, published_at=None)
        for _ in range(3)
    ]


def test_listing_offers_the_moderation_bulk_actions(moderator_client, pending_ideas):
    response = moderator_client.get(reverse("wagtailsnippets_consultations_idea:list"))
    for label in ("Approve", "Reject", "Hide"):
        assertContains(response, label)


def test_bulk_approve_publishes_every_selected_idea(
    moderator_client, consultation_moderator, pending_ideas
):
    url = bulk_url("idea", "consultations_approve", pending_ideas[:2])
    assertContains(moderator_client.get(url), "Approve and publish these 2 items?")
    response = moderator_client.post(url, follow=True)
    assertContains(response, "2 items approved.")
    statuses = [idea.__class__.objects.get(pk=idea.pk).status for idea in pending_ideas]
    assert statuses == [ModerationStatus.PUBLISHED, ModerationStatus.PUBLISHED, "pending"]
    assert (
        ModelLogEntry.objects.filter(
            action="consultations.approve", user=consultation_moderator
        ).count()
        == 2
    )


def test_bulk_reject_asks_for_a_reason(moderator_client, pending_ideas):
    url = bulk_url("idea", "consultations_reject", pending_ideas)
    page = moderator_client.get(url)
    assertContains(page, "Spam or advertising")

    refused = moderator_client.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert all(
        idea.__class__.objects.get(pk=idea.pk).status == ModerationStatus.PENDING
        for idea in pending_ideas
    )

    moderator_client.post(url, {"reason": "spam", "note": "Loan adverts"})
    for idea in pending_ideas:
        idea.refresh_from_db()
        assert idea.status == ModerationStatus.REJECTED
        assert idea.rejection_reason == "spam"


def test_bulk_hide_comments_keeps_comment_count(moderator_client, idea):
    comments = [CommentFactory(idea=idea) for _ in range(3)]
    moderator_client.post(bulk_url("comment", "consultations_hide", comments[:2]))
    idea.refresh_from_db()
    assert idea.comment_count == 1


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_bulk_reject_values_give_no_500(moderator_client, pending_ideas, value):
    url = bulk_url("idea", "consultations_reject", pending_ideas[:1])
    response = moderator_client.post(url, {"reason": value, "note": value})
    assert response.status_code in (200, 302)


def test_editors_cannot_use_the_bulk_actions(client, editor, pending_ideas):
    client.force_login(editor)
    client.post(bulk_url("idea", "consultations_approve", pending_ideas))
    assert all(
        idea.__class__.objects.get(pk=idea.pk).status == ModerationStatus.PENDING
        for idea in pending_ideas
    )
