"""You said, we did: the published ideas the council has answered, board by board."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import override

from consultations.models import ConsultationPage, IdeasBoardPage

from .scope import ConsultationScope


@dataclass
class ThemeResponses:
    """The answered ideas of one theme on one board."""

    key: str
    name: str
    ideas: list = field(default_factory=list)


@dataclass
class BoardResponses:
    """A board (in the consultation's language) and its answered ideas, theme by theme."""

    board: IdeasBoardPage
    themes: list[ThemeResponses] = field(default_factory=list)


def you_said_we_did(consultation: ConsultationPage) -> list[BoardResponses]:
    """Published ideas with a response, grouped by board and then by theme, in board order.

    Five queries whatever the number of ideas. Boards without an answered idea are left out;
    within a theme, the most supported ideas come first. The contributor is never read.
    """
    scope = ConsultationScope(consultation)
    with override(consultation.locale.language_code):
        return board_responses(scope)


def board_responses(scope):
    """you_said_we_did for a scope already made, in the language already active."""
    by_board = {board.translation_key: BoardResponses(board) for board in scope.boards}
    theme_order = {key: index for index, key in enumerate(scope.themes)}
    grouped = defaultdict(lambda: defaultdict(list))
    answered = (
        scope.ideas.published()
        .exclude(response_status="")
        .select_related("board", "theme")
        .order_by("-support_count", "created_at")
    )
    for idea in answered:
        theme_key = idea.theme.translation_key if idea.theme else ""
        grouped[idea.board.translation_key][theme_key].append(idea)
    for board_key, themes in grouped.items():
        responses = by_board[board_key]
        for theme_key in sorted(themes, key=lambda key: theme_order.get(key, len(theme_order))):
            responses.themes.append(
                ThemeResponses(theme_key, scope.theme_name(theme_key), themes[theme_key])
            )
    return [responses for responses in by_board.values() if responses.themes]
