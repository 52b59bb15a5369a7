"""The moderation queue: what it lists and in which order, its actions, and who may use it."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import ModelLogEntry

from consultations.models import AbuseReport, ModerationMode, ModerationStatus
from tests.factories.consultations import (
    CommentFactory,
    ContributorFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

QUEUE = "consultations_moderation_queue"


def queue_keys(response):
    return [entry.key for entry in response.context["object_list"]]


def pending(board, title, *, days_ago, flags=()):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        return IdeaFactory(
            board=board,
            title=title,
            status=ModerationStatus.PENDING,
            published_at=None,
            flags=list(flags),
        )


def test_queue_lists_flagged_items_first_then_oldest_first(moderator_client, board, idea):
    newer = pending(board, "Newer idea", days_ago=1)
    older = pending(board, "Older idea", days_ago=3)
    flagged = pending(board, "Ring 07700 900123", days_ago=0, flags=["07700 900123"])
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        comment = CommentFactory(idea=idea, status=ModerationStatus.PENDING, published_at=None)

    response = moderator_client.get(reverse(QUEUE))

    assert response.status_code == 200
    assert queue_keys(response) == [
        f"idea:{flagged.pk}",
        f"idea:{older.pk}",
        f"comment:{comment.pk}",
        f"idea:{newer.pk}",
    ]


def test_queue_leaves_out_published_and_rejected_items(moderator_client, board, idea):
    IdeaFactory(board=board, title="Turned down", status=ModerationStatus.REJECTED)
    response = moderator_client.get(reverse(QUEUE))
    assertContains(response, "Nothing is waiting for moderation.")


def test_reported_items_and_unchecked_post_moderated_ideas_are_listed(
    moderator_client, board, idea
):
    AbuseReport.objects.create(idea=idea, reason="offensive", details="Rude words", reporter="r")
    board.moderation = ModerationMode.POST
    board.save()
    unchecked = IdeaFactory(board=board, title="Published at once")

    response = moderator_client.get(reverse(QUEUE))

    assert set(queue_keys(response)) == {f"idea:{idea.pk}", f"idea:{unchecked.pk}"}
    assertContains(response, "It is offensive or abusive")
    assertContains(response, "Rude words")


def test_safeguarding_report_puts_an_item_first(moderator_client, board, idea):
    pending(board, "Old plain idea", days_ago=5)
    AbuseReport.objects.create(idea=idea, reason="safeguarding", reporter="r")
    response = moderator_client.get(reverse(QUEUE))
    assert queue_keys(response)[0] == f"idea:{idea.pk}"


def test_matched_words_are_highlighted_and_text_escaped(moderator_client, board):
    IdeaFactory(
        board=board,
        title="<b>Help</b>",
        description="Ring 07700 900123, I self-harm",
        status=ModerationStatus.PENDING,
        flags=["07700 900123", "self-harm"],
    )
    response = moderator_client.get(reverse(QUEUE))
    assertContains(response, "<mark>07700 900123</mark>")
    assertContains(response, "<mark>self-harm</mark>")
    assertContains(response, "&lt;b&gt;Help&lt;/b&gt;")
    assertNotContains(response, "<b>Help</b>")


def test_queue_does_not_show_names_or_emails(moderator_client, board, pending_idea):
    pending_idea.contributor = ContributorFactory(name="Jo Bloggs", email="jo@example.com")
    pending_idea.save()
    response = moderator_client.get(reverse(QUEUE))
    assertNotContains(response, "Jo Bloggs")
    assertNotContains(response, "jo@example.com")


def test_queue_filters_by_kind(moderator_client, pending_idea, pending_comment):
    response = moderator_client.get(reverse(QUEUE), {"kind": "comment"})
    assert queue_keys(response) == [f"comment:{pending_comment.pk}"]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("parameter", ["kind", "why", "board", "p", "ordering", "q"])
def test_hostile_query_parameters_never_break_the_queue(
    moderator_client, pending_idea, parameter, value
):
    response = moderator_client.get(reverse(QUEUE), {parameter: value})
    assert response.status_code in (200, 400, 404)


def test_editors_and_page_moderators_get_403(client, editor, moderator, pending_idea):
    for user in (editor, moderator):
        client.force_login(user)
        assert client.get(reverse(QUEUE)).status_code == 403
        response = client.post(
            reverse("consultations_moderation_act"), {"do": f"approve:idea:{pending_idea.pk}"}
        )
        assert response.status_code == 403
        reject_url = reverse("consultations_moderation_reject", args=["idea", pending_idea.pk])
        assert client.get(reject_url).status_code == 403
    pending_idea.refresh_from_db()
    assert pending_idea.status == ModerationStatus.PENDING


def test_superuser_may_moderate(client, superuser, pending_idea):
    client.force_login(superuser)
    assert client.get(reverse(QUEUE)).status_code == 200


def test_row_button_approves_one_item_and_logs_who(
    moderator_client, consultation_moderator, pending_idea, board
):
    other = pending(board, "Another", days_ago=1)
    response = moderator_client.post(
        reverse("consultations_moderation_act"),
        {"do": f"approve:idea:{pending_idea.pk}", "item": [f"idea:{other.pk}"]},
        follow=True,
    )
    assertContains(response, "1 item approved.")
    pending_idea.refresh_from_db()
    other.refresh_from_db()
    assert pending_idea.status == ModerationStatus.PUBLISHED
    assert other.status == ModerationStatus.PENDING
    entry = ModelLogEntry.objects.get(action="consultations.approve")
    assert entry.user == consultation_moderator


def test_ticked_items_are_rejected_together_with_a_reason(
    moderator_client, pending_idea, pending_comment
):
    response = moderator_client.post(
        reverse("consultations_moderation_act"),
        {
            "action": "reject",
            "reason": "off_topic",
            "note": "Not about this board",
            "item": [f"idea:{pending_idea.pk}", f"comment:{pending_comment.pk}"],
        },
        follow=True,
    )
    assertContains(response, "2 items rejected.")
    for item in (pending_idea, pending_comment):
        item.refresh_from_db()
        assert item.status == ModerationStatus.REJECTED
        assert item.rejection_reason == "off_topic"


def test_bulk_reject_without_a_reason_changes_nothing(moderator_client, pending_idea):
    response = moderator_client.post(
        reverse("consultations_moderation_act"),
        {"action": "reject", "item": [f"idea:{pending_idea.pk}"]},
        follow=True,
    )
    assertContains(response, "Choose why the items are not published.")
    pending_idea.refresh_from_db()
    assert pending_idea.status == ModerationStatus.PENDING


def test_ticked_items_are_hidden(moderator_client, idea, board):
    second = IdeaFactory(board=board)
    moderator_client.post(
        reverse("consultations_moderation_act"),
        {"action": "hide", "item": [f"idea:{idea.pk}", f"idea:{second.pk}"]},
    )
    idea.refresh_from_db()
    second.refresh_from_db()
    assert idea.status == second.status == ModerationStatus.HIDDEN


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("field", ["do", "action", "item", "reason", "note", "next"])
def test_hostile_action_posts_are_refused_without_a_500(
    moderator_client, pending_idea, field, value
):
    data = {"action": "approve", "item": f"idea:{pending_idea.pk}", field: value}
    response = moderator_client.post(reverse("consultations_moderation_act"), data)
    assert response.status_code in (302, 400)
    assert response.url.startswith("/admin/")


def test_reject_page_shows_the_item_and_rejects_with_reason(
    moderator_client, board, consultation_moderator
):
    flagged = IdeaFactory(
        board=board,
        description="Ring 07700 900123",
        status=ModerationStatus.PENDING,
        flags=["07700 900123"],
    )
    url = reverse("consultations_moderation_reject", args=["idea", flagged.pk])
    page = moderator_client.get(url)
    assertContains(page, "<mark>07700 900123</mark>")
    assertContains(page, "Contains personal details")

    response = moderator_client.post(url, {"reason": "personal_details", "note": "Phone number"})
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.status == ModerationStatus.REJECTED
    assert flagged.moderated_by == consultation_moderator


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("field", ["reason", "note"])
def test_hostile_reject_form_values_give_a_message_not_a_500(
    moderator_client, pending_idea, field, value
):
    url = reverse("consultations_moderation_reject", args=["idea", pending_idea.pk])
    data = {"reason": "spam", "note": "", field: value}
    response = moderator_client.post(url, data)
    assert response.status_code in (200, 302)
    pending_idea.refresh_from_db()
    if response.status_code == 200:
        assert pending_idea.status == ModerationStatus.PENDING
        assertNotContains(response, "<script>alert(1)</script>")


@pytest.mark.parametrize("kind", ["page", "<script>", "idea"])
def test_reject_page_for_an_unknown_item_is_404(moderator_client, kind):
    url = reverse("consultations_moderation_reject", args=[kind, 999999])
    # The site's locale middleware sends an unknown address to its /en/ form first.
    assert moderator_client.get(url, follow=True).status_code == 404


def test_menu_shows_the_number_waiting(moderator_client, pending_idea, pending_comment):
    response = moderator_client.get(reverse("wagtailadmin_home"))
    assertContains(response, "Moderation queue (2)")


def test_editors_do_not_see_the_consultations_menu(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assertNotContains(response, "Moderation queue")


def test_actions_from_swapped_in_results_return_to_the_full_queue(moderator_client, pending_idea):
    results = moderator_client.get(
        reverse("consultations_moderation_queue_results"),
        {"kind": "idea", "_w_filter_fragment": "1"},
    )
    assert results.context["next_url"] == reverse(QUEUE) + "?kind=idea"
    response = moderator_client.post(
        reverse("consultations_moderation_act"),
        {"do": f"hide:idea:{pending_idea.pk}", "next": results.context["next_url"]},
    )
    assert response.url == reverse(QUEUE) + "?kind=idea"


def test_queue_filters_by_board(moderator_client, consultation, pending_idea):
    other_board = IdeasBoardPageFactory(parent=consultation, title="Play")
    elsewhere = IdeaFactory(board=other_board, status=ModerationStatus.PENDING)
    response = moderator_client.get(reverse(QUEUE), {"board": other_board.pk})
    assert queue_keys(response) == [f"idea:{elsewhere.pk}"]
