"""Consultation pages make a fixed number of SQL queries, however many ideas a board holds.

Each test measures a page with a small list, grows the list to thousands (ideas are inserted in
bulk: saving 2,000 one by one would take minutes) and measures again: the counts must be equal and
within the site's budget for a public page.
"""

import datetime
import uuid

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.identity import COOKIE_NAME, COOKIE_SALT, visitor_key
from consultations.models import (
    Comment,
    Idea,
    ModerationStatus,
    RespondentType,
    ResponseStatus,
    Support,
)
from tests.factories.consultations import (
    ConsultationPageFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)
from tests.factories.home import PolicyTopicFactory

# Cache reads are SQL queries here, as in production without Redis.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_cache")]
QUERY_BUDGET = 15
FEW_IDEAS, MANY_IDEAS = 50, 2000
RESPONDENTS = list(RespondentType.values)
RESPONSES = ["", *ResponseStatus.values]


def add_ideas(board, count):
    """`count` more published ideas on `board`, across its themes, with supports and responses.

    Every idea a board page can draw is here: some with comments, some answered, some from young
    people, some without an area, so a query hidden in any branch of the template is counted.
    """
    themes = list(board.themes.all())
    start = Idea.objects.filter(board=board).count()
    now = timezone.now()
    ideas = []
    for number in range(start, start + count):
        response = RESPONSES[number % len(RESPONSES)]
        ideas.append(
            Idea(
                board=board,
                theme=themes[number % len(themes)],
                title=f"Bulk idea {number}",
                description="Longer opening hours at the family hub on Saturdays.",
                area="" if number % 4 == 0 else "CR0",
                respondent_type=RESPONDENTS[number % len(RESPONDENTS)],
                status=ModerationStatus.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=number),
                support_count=(number * 7) % 97,
                comment_count=number % 3,
                response_status=response,
                public_response="We are looking into it." if response else "",
                submission_key=uuid.uuid4().hex,
            )
        )
    Idea.objects.bulk_create(ideas, batch_size=500)


def add_comments(idea, count):
    start = Comment.objects.filter(idea=idea).count()
    now = timezone.now()
    Comment.objects.bulk_create(
        [
            Comment(
                idea=idea,
                body=f"I agree, comment {number}.",
                respondent_type=RESPONDENTS[number % len(RESPONDENTS)],
                status=ModerationStatus.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=number),
                submission_key=uuid.uuid4().hex,
            )
            for number in range(start, start + count)
        ]
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=start + count)


def queries(client, url):
    """Queries for one request once the site-root cache is warm, as on any running server."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def assert_flat(few, many):
    assert few == many, f"{few} queries with the short list, {many} with the long one"
    assert many <= QUERY_BUDGET


def theme_filter(board):
    return f"?theme={board.themes.order_by('sort_order').last().translation_key}"


# What to ask the board for with the short list and with the long one: every pair draws twenty
# ideas, the long list's from deep in the list (page 50 of 100; page 20 of one theme's 50).
BOARD_VIEWS = {
    "first page": lambda board: ("", ""),
    "later page": lambda board: ("?page=2", "?page=50"),
    "theme filter": lambda board: (theme_filter(board),) * 2,
    "theme filter, later page": lambda board: (
        theme_filter(board) + "&page=1",
        theme_filter(board) + "&page=20",
    ),
    "newest first": lambda board: ("?sort=newest",) * 2,
}


@pytest.mark.parametrize("view", list(BOARD_VIEWS))
def test_board_page_queries_stay_flat_from_50_to_2000_ideas(client, board, view):
    few_query, many_query = BOARD_VIEWS[view](board)
    add_ideas(board, FEW_IDEAS)
    few = queries(client, board.url + few_query)
    add_ideas(board, MANY_IDEAS - FEW_IDEAS)
    many = queries(client, board.url + many_query)
    assert_flat(few, many)


def test_a_returning_supporter_costs_the_same_on_a_long_board(client, board):
    """A visitor with the supporter cookie: which ideas they supported is one query, not twenty."""
    visitor = uuid.uuid4().hex
    # Signed as HttpResponse.set_signed_cookie signs it.
    signer = signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT)
    client.cookies[COOKIE_NAME] = signer.sign(visitor)

    def support_first_page():
        # The first page is sorted by support: mark this visitor as having supported all of it.
        ideas = Idea.objects.filter(board=board).order_by("-support_count", "-published_at")[:20]
        Support.objects.bulk_create(
            [Support(idea=idea, supporter=visitor_key(visitor)) for idea in ideas],
            ignore_conflicts=True,
        )

    add_ideas(board, FEW_IDEAS)
    support_first_page()
    few = queries(client, board.url)
    add_ideas(board, MANY_IDEAS - FEW_IDEAS)
    support_first_page()
    many = queries(client, board.url)
    assert_flat(few, many)
    assert "You support this idea" in client.get(board.url).content.decode()


def test_closed_board_queries_stay_flat(client, consultation_index):
    now = timezone.now()
    closed = ConsultationPageFactory(
        parent=consultation_index,
        opens_at=now - datetime.timedelta(days=200),
        closes_at=now - datetime.timedelta(days=100),
    )
    board = IdeasBoardPageFactory(parent=closed)
    add_ideas(board, FEW_IDEAS)
    few = queries(client, board.url)
    add_ideas(board, MANY_IDEAS - FEW_IDEAS)
    many = queries(client, board.url)
    assert_flat(few, many)


def test_idea_page_queries_stay_flat_as_comments_grow(client, board):
    idea = IdeaFactory(board=board, response_status=ResponseStatus.TAKEN_FORWARD)
    url = reverse("consultations:idea", args=[idea.pk])
    add_comments(idea, 2)
    few = queries(client, url)
    add_comments(idea, 198)
    many = queries(client, url)
    assert_flat(few, many)
    assert "I agree, comment 199." in client.get(url).content.decode()


def test_idea_page_queries_do_not_depend_on_the_board_size(client, board):
    idea = IdeaFactory(board=board)
    url = reverse("consultations:idea", args=[idea.pk])
    add_comments(idea, 5)
    add_ideas(board, FEW_IDEAS)
    few = queries(client, url)
    add_ideas(board, MANY_IDEAS - FEW_IDEAS)
    many = queries(client, url)
    assert_flat(few, many)


def test_consultation_page_queries_stay_flat_as_boards_and_ideas_grow(client, consultation):
    first = IdeasBoardPageFactory(parent=consultation)
    add_ideas(first, FEW_IDEAS)
    few = queries(client, consultation.url)
    for _ in range(5):
        add_ideas(IdeasBoardPageFactory(parent=consultation), 400)
    many = queries(client, consultation.url)
    assert_flat(few, many)


def test_closed_consultation_page_queries_stay_flat(client, consultation_index):
    now = timezone.now()
    closed = ConsultationPageFactory(
        parent=consultation_index,
        opens_at=now - datetime.timedelta(days=200),
        closes_at=now - datetime.timedelta(days=100),
    )
    add_ideas(IdeasBoardPageFactory(parent=closed), FEW_IDEAS)
    few = queries(client, closed.url)
    for _ in range(3):
        add_ideas(IdeasBoardPageFactory(parent=closed), 650)
    many = queries(client, closed.url)
    assert_flat(few, many)


def test_index_page_queries_stay_flat_as_consultations_grow(client, consultation_index):
    now = timezone.now()
    topics = [PolicyTopicFactory() for _ in range(3)]

    def add_consultations(count, offset):
        for number in range(offset, offset + count):
            # Open, upcoming and closed in turn, so every group of the index is drawn.
            shift = datetime.timedelta(days=30 * (number % 3 - 1))
            consultation = ConsultationPageFactory(
                parent=consultation_index,
                opens_at=now + shift - datetime.timedelta(days=7),
                closes_at=now + shift + datetime.timedelta(days=7),
            )
            consultation.topics.set(topics[: 1 + number % 3])
            consultation.save_revision().publish()
            add_ideas(IdeasBoardPageFactory(parent=consultation), 20)

    add_consultations(2, 0)
    few = queries(client, consultation_index.url)
    add_consultations(10, 2)
    many = queries(client, consultation_index.url)
    assert_flat(few, many)


def test_home_page_open_consultations_slot_costs_the_same_for_one_or_three(
    client, home_page, consultation_index
):
    home_page.consultations_page = consultation_index
    home_page.save_revision().publish()
    ConsultationPageFactory(parent=consultation_index)
    few = queries(client, "/en/")
    for _ in range(4):
        ConsultationPageFactory(parent=consultation_index)
    many = queries(client, "/en/")
    assert_flat(few, many)
