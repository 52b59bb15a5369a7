"""Find the live board, idea or comment a request names, in the visitor's language."""

from django.http import Http404
from django.utils.translation import get_language

from consultations.models import (
    Comment,
    Idea,
    IdeasBoardPage,
    ModerationStatus,
)
from home.furniture import breadcrumbs_for
from home.queries import public


def live_board(board_id):
    board = public(IdeasBoardPage.objects.live()).filter(pk=board_id).first()
    if board is None:
        raise Http404("No such board")
    return board


def consultation_of(board):
    """The board's published consultation, or 404."""
    consultation = board.consultation()
    if consultation is None:
        raise Http404("The board's consultation is not published")
    return consultation


def in_visitor_language(board):
    """The board's translation in the visitor's language when it is published, else itself."""
    language = get_language()
    if board.locale.language_code == language:
        return board
    translation = (
        public(IdeasBoardPage.objects.live())
        .filter(translation_key=board.translation_key, locale__language_code=language)
        .first()
    )
    return translation or board


def published_idea(idea_id):
    """A published idea on a live board, or 404: pending, rejected and hidden ones are not shown."""
    idea = (
        Idea.objects.published()
        .select_related("theme", "board", "board__locale")
        .filter(pk=idea_id, board__live=True)
        .first()
    )
    if idea is None:
        raise Http404("No such idea")
    return idea


def published_comment(comment_id):
    comment = (
        Comment.objects.filter(
            pk=comment_id,
            status=ModerationStatus.PUBLISHED,
            idea__status=ModerationStatus.PUBLISHED,
        )
        .select_related("idea")
        .first()
    )
    if comment is None:
        raise Http404("No such comment")
    return comment


def theme_names(board):
    """Theme names by translation key, so an idea posted in one language shows in another."""
    return {theme.translation_key: theme.name for theme in board.themes.all()}


def trail(request, board):
    """Breadcrumbs down to and including the board, for views outside the page tree."""
    return [*breadcrumbs_for(request, board), {"text": board.title, "url": board.get_url(request)}]
