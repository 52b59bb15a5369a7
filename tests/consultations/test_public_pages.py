"""The public side of consultations: the index, a consultation, a board and an idea."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import ConsultationRelatedPage, ModerationStatus
from home.models import HomePage
from tests.factories.consultations import (
    CommentFactory,
    ConsultationPageFactory,
    ContributorFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)
from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db


def test_index_groups_open_upcoming_and_closed(client, consultation_index, consultation):
    now = timezone.now()
    ConsultationPageFactory(
        parent=consultation_index,
        title="Childcare next year",
        opens_at=now + datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=40),
    )
    ConsultationPageFactory(
        parent=consultation_index,
        title="Best start in life",
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=200),
    )
    response = client.get(consultation_index.url)
    html = response.content.decode()
    assert html.index("Open consultations") < html.index("Supporting families early")
    assert html.index("Upcoming consultations") < html.index("Childcare next year")
    assert html.index("Closed consultations") < html.index("Best start in life")

    only_closed = client.get(consultation_index.url, {"status": "closed"})
    assertContains(only_closed, "Best start in life")
    assertNotContains(only_closed, "Supporting families early")


def test_index_says_when_a_filter_is_not_recognised(client, consultation_index, consultation):
    response = client.get(consultation_index.url, {"status": "<script>", "topic": "nope"})
    assert response.status_code == 200
    assertContains(response, "We did not recognise that filter")
    # The one bare <script> is the site's own js-enabled line (allowed by its CSP hash).
    assertContains(response, "<script>", count=1)


def test_board_shows_published_ideas_only_and_never_a_name(client, board):
    contributor = ContributorFactory(name="Jane Parentname", email="jane@example.com")
    IdeaFactory(board=board, title="Published idea", contributor=contributor)
    IdeaFactory(board=board, title="Waiting idea", status=ModerationStatus.PENDING)
    IdeaFactory(board=board, title="Rejected idea", status=ModerationStatus.REJECTED)
    response = client.get(board.url)
    assertContains(response, "Published idea")
    assertContains(response, "From a parent or carer in <bdi>CR0</bdi>", html=False)
    assertNotContains(response, "Waiting idea")
    assertNotContains(response, "Rejected idea")
    assertNotContains(response, "Jane Parentname")
    assertNotContains(response, "jane@example.com")
    assertContains(response, "Post an idea")


def test_board_sorts_by_support_and_filters_by_theme(client, board):
    health, play = list(board.themes.all())
    IdeaFactory(board=board, title="Quiet idea", support_count=1, theme=health)
    IdeaFactory(board=board, title="Popular idea", support_count=40, theme=play)
    html = client.get(board.url).content.decode()
    assert html.index("Popular idea") < html.index("Quiet idea")
    filtered = client.get(board.url, {"theme": str(health.translation_key)})
    assertContains(filtered, "Quiet idea")
    assertNotContains(filtered, "Popular idea")


def test_closed_board_is_read_only_with_its_closing_message(client, consultation, board, idea):
    consultation.closing_message = "<p>Thank you for 300 ideas.</p>"
    consultation.save_revision().publish()
    with time_machine.travel(consultation.closes_at + datetime.timedelta(minutes=1)):
        response = client.get(board.url)
        assertContains(response, "This board has closed")
        assertContains(response, "Thank you for 300 ideas.")
        assertNotContains(response, "Post an idea")
        post = client.get(reverse("consultations:post_idea", args=[board.pk]))
        assert post.status_code == 403


def test_upcoming_board_says_when_it_opens(client, consultation_index):
    opens = timezone.now() + datetime.timedelta(days=3)
    upcoming = ConsultationPageFactory(
        parent=consultation_index, opens_at=opens, closes_at=opens + datetime.timedelta(days=30)
    )
    board = IdeasBoardPageFactory(parent=upcoming)
    response = client.get(board.url)
    assertContains(response, "This board opens on")
    assertNotContains(response, "Post an idea")


def test_idea_page_shows_published_comments_and_response(client, idea):
    idea.response_status = "taken_forward"
    idea.public_response = "We now run Saturday sessions in three centres."
    idea.save()
    CommentFactory(idea=idea, body="Yes please, weekends are hard.")
    CommentFactory(idea=idea, body="Unchecked comment", status=ModerationStatus.PENDING)
    response = client.get(reverse("consultations:idea", args=[idea.pk]))
    assertContains(response, "Evening stay and play sessions")
    assertContains(response, "We now run Saturday sessions in three centres.")
    assertContains(response, "Taken forward")
    assertContains(response, "Yes please, weekends are hard.")
    assertNotContains(response, "Unchecked comment")


@pytest.mark.parametrize("status", [ModerationStatus.PENDING, ModerationStatus.HIDDEN])
def test_unpublished_idea_page_is_not_found(client, board, status):
    hidden = IdeaFactory(board=board, status=status)
    assert client.get(reverse("consultations:idea", args=[hidden.pk])).status_code == 404


def test_home_page_lists_open_consultations(client, home_page, consultation_index, consultation):
    home = HomePage.objects.get(pk=home_page.pk)
    home.consultations_page = consultation_index
    home.save_revision().publish()
    response = client.get(home.url)
    assertContains(response, "Have your say")
    assertContains(response, "Supporting families early")


def test_home_page_slot_is_kept_between_views_and_changes_when_a_consultation_closes(
    client, home_page, consultation_index, consultation
):
    """Kept in the memo (no queries of its own on a second view), yet a consultation that closes
    leaves the home page at its closing time, with nobody publishing anything."""
    home = HomePage.objects.get(pk=home_page.pk)
    home.consultations_page = consultation_index
    home.save_revision().publish()
    reader = {"HTTP_COOKIE": "returning=1"}  # rendered afresh: not from the page cache
    assertContains(client.get(home.url, **reader), "Supporting families early")
    with CaptureQueriesContext(connection) as again:
        assertContains(client.get(home.url, **reader), "Supporting families early")
    assert not [query for query in again if "consultations_consultationpage" in query["sql"]]
    with time_machine.travel(consultation.closes_at + datetime.timedelta(minutes=1)):
        response = client.get(home.url, **reader)
    assertNotContains(response, "Supporting families early")
    assertContains(response, "There are no open consultations at the moment.")


def test_policy_links_to_its_open_consultation_and_not_once_closed(client, home_page, consultation):
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=home_page), title="Policy A")
    ConsultationRelatedPage.objects.create(consultation=consultation, page=policy)
    response = client.get(policy.url)
    assertContains(response, f'href="{consultation.url}"')
    with time_machine.travel(consultation.closes_at + datetime.timedelta(seconds=1)):
        response = client.get(policy.url)
        assertNotContains(response, f'href="{consultation.url}"')


def test_a_closed_consultation_shows_you_said_we_did_and_moderation_figures(
    client, consultation, board
):
    IdeaFactory(
        board=board,
        title="Weekend sessions",
        response_status="taken_forward",
        public_response="Three centres now open on Saturdays.",
    )
    IdeaFactory(board=board, title="Unanswered idea")
    IdeaFactory(
        board=board, title="Spam idea", status=ModerationStatus.REJECTED, rejection_reason="spam"
    )
    with time_machine.travel(consultation.closes_at + datetime.timedelta(days=1)):
        response = client.get(consultation.url)
    assertContains(response, "You said, we did")
    assertContains(response, "Three centres now open on Saturdays.")
    assertContains(response, "Taken forward")
    assertNotContains(response, "Spam idea")
    assertContains(response, "We received 3 ideas.")
    assertContains(response, "Spam or advertising: 1")


def test_an_open_consultation_has_no_closing_section(client, consultation, board, idea):
    assertNotContains(client.get(consultation.url), "You said, we did")


def test_residents_words_carry_their_own_language_and_direction(client, board):
    IdeaFactory(board=board, title="فكرة جديدة", language="ar")
    response = client.get(board.url)
    assertContains(response, 'lang="ar" dir="auto">فكرة جديدة</a>', html=False)


@pytest.mark.parametrize("slug", ["ideas", "boards", "comments", "confirm"])
def test_a_consultation_cannot_take_a_slug_the_ideas_boards_use(consultation, slug):
    from django.core.exceptions import ValidationError

    consultation.slug = slug
    with pytest.raises(ValidationError) as refused:
        consultation.full_clean()
    assert "slug" in refused.value.message_dict
