"""Figures about one consultation's feedback, for the admin dashboard, the public closing
section and the draft findings report.

Everything is counted in the database with a fixed number of queries, however many ideas there
are. A consultation and its boards may exist in several languages: ideas posted on any language's
copy of a board belong to it (boards and themes are matched by ``translation_key``), and boards
and themes are named in the consultation's own language where a translation exists.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override

from consultations.languages import language_name
from consultations.models import (
    BoardTheme,
    Comment,
    ConsultationPage,
    Idea,
    IdeasBoardPage,
    ModerationStatus,
    RejectionReason,
    RespondentType,
)

PUBLISHED = Q(status=ModerationStatus.PUBLISHED)
NOT_PUBLISHED = Q(status__in=[ModerationStatus.REJECTED, ModerationStatus.HIDDEN])


@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: how many ideas were received, and how many are published."""

    key: str
    label: str
    received: int
    published: int


@dataclass(frozen=True)
class ReasonCount:
    """Contributions not published for one reason."""

    reason: str
    label: str
    count: int


@dataclass(frozen=True)
class ModerationFigures:
    """What happened to contributions of one kind: the moderation transparency figures."""

    received: int = 0
    published: int = 0
    pending: int = 0
    not_published: int = 0
    by_reason: list[ReasonCount] = field(default_factory=list)


@dataclass(frozen=True)
class CrossTab:
    """Ideas per theme (rows) split by respondent type (columns)."""

    rows: list[Tally]
    columns: list[tuple[str, str]]
    received: list[list[int]]
    published: list[list[int]]


@dataclass(frozen=True)
class ConsultationFigures:
    """Everything counted about one consultation's ideas, comments and supports."""

    ideas: ModerationFigures
    comments: ModerationFigures
    # Supports on published ideas: the sum of the counts residents can see on the boards.
    supports: int
    by_theme: list[Tally]
    by_respondent_type: list[Tally]
    by_area: list[Tally]
    by_day: list[Tally]
    theme_by_respondent_type: CrossTab
    # The languages residents wrote in (issue 10): most ideas first.
    by_language: list[Tally] = field(default_factory=list)

    @property
    def themes_with_ideas(self):
        return [row for row in self.by_theme if row.received]


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


class ConsultationScope:
    """The boards and themes of a consultation in every language, named in its own.

    Three queries, made once: the consultation's translations, their boards, and the boards'
    themes. ``ideas`` and ``comments`` are querysets over every language's boards.
    """

    def __init__(self, consultation: ConsultationPage):
        self.consultation = consultation
        self.locale_id = consultation.locale_id

    @cached_property
    def _boards_filter(self):
        translations = ConsultationPage.objects.filter(
            translation_key=self.consultation.translation_key
        ).values_list("path", "depth")
        condition = Q(pk__in=[])
        for path, depth in translations:
            condition |= Q(path__startswith=path, depth=depth + 1)
        return condition

    @cached_property
    def boards(self):
        """One board per translation key, in the consultation's language where there is one."""
        chosen = {}
        for board in IdeasBoardPage.objects.filter(self._boards_filter).order_by("path"):
            current = chosen.get(board.translation_key)
            if current is None or (
                board.locale_id == self.locale_id and current.locale_id != self.locale_id
            ):
                chosen[board.translation_key] = board
        # Order as the editor ordered the boards under the consultation: by the last step of
        # the tree path, which is the board's place among its siblings in any language's tree.
        return sorted(chosen.values(), key=lambda board: board.path[-board.steplen :])

    @cached_property
    def board_keys(self):
        return [board.translation_key for board in self.boards]

    @cached_property
    def themes(self):
        """Theme names by translation key, ordered by board and then by the board's order."""
        board_order = {key: index for index, key in enumerate(self.board_keys)}
        found = {}
        for key, locale_id, name, order, board_key in BoardTheme.objects.filter(
            board__translation_key__in=self.board_keys
        ).values_list(
            "translation_key", "locale_id", "name", "sort_order", "board__translation_key"
        ):
            current = found.get(key)
            if current is None or (locale_id == self.locale_id and current[0] != self.locale_id):
                found[key] = (locale_id, name, (board_order.get(board_key, 0), order or 0))
        ordered = sorted(found.items(), key=lambda item: item[1][2])
        return {key: name for key, (_locale, name, _order) in ordered}

    @property
    def ideas(self):
        return Idea.objects.filter(board__translation_key__in=self.board_keys)

    @property
    def comments(self):
        return Comment.objects.filter(idea__board__translation_key__in=self.board_keys)

    def board_title(self, translation_key):
        for board in self.boards:
            if board.translation_key == translation_key:
                return board.title
        return ""

    def theme_name(self, translation_key):
        if not translation_key:
            return gettext("No theme given")
        return self.themes.get(translation_key, "")


def _moderation_figures(rows):
    """Fold (status, rejection_reason, count) rows into the transparency figures."""
    by_status = defaultdict(int)
    by_reason = defaultdict(int)
    for status, reason, count in rows:
        by_status[status] += count
        if status in (ModerationStatus.REJECTED, ModerationStatus.HIDDEN):
            by_reason[reason or ""] += count
    labels = dict(RejectionReason.choices)
    reasons = [
        ReasonCount(value, str(label), by_reason[value])
        for value, label in RejectionReason.choices
        if by_reason.get(value)
    ]
    if by_reason.get(""):
        # Hidden after residents' reports, before a moderator gave a reason.
        reasons.append(ReasonCount("", gettext("Hidden, no reason recorded"), by_reason[""]))
    unknown = set(by_reason) - set(labels) - {""}
    reasons += [ReasonCount(value, value, by_reason[value]) for value in sorted(unknown)]
    return ModerationFigures(
        received=sum(by_status.values()),
        published=by_status[ModerationStatus.PUBLISHED],
        pending=by_status[ModerationStatus.PENDING],
        not_published=by_status[ModerationStatus.REJECTED] + by_status[ModerationStatus.HIDDEN],
        by_reason=reasons,
    )


def _counted(queryset, *fields):
    return queryset.values(*fields).annotate(
        received=Count("pk"), published=Count("pk", filter=PUBLISHED)
    )


def consultation_figures(consultation: ConsultationPage) -> ConsultationFigures:
    """Ideas, comments and supports of a consultation, counted every way the dashboard shows.

    Eight queries whatever the number of ideas. Labels are in the consultation's language.
    """
    scope = ConsultationScope(consultation)
    with override(consultation.locale.language_code):
        return _figures(scope)


@dataclass(frozen=True)
class ClosingFigures:
    """What a closed consultation's page shows: moderation figures and "you said, we did"."""

    ideas: ModerationFigures
    comments: ModerationFigures
    supports: int
    boards: list


def closing_figures(consultation: ConsultationPage) -> ClosingFigures:
    """The public closing section's figures, from one scope: eight queries at any size."""
    scope = ConsultationScope(consultation)
    with override(consultation.locale.language_code):
        ideas, comments, supports = _moderation_counts(scope)
        return ClosingFigures(ideas, comments, supports, _you_said_we_did(scope))


def _moderation_counts(scope):
    """Ideas and comments by status and reason, and the supports on published ideas."""
    status_rows = list(
        scope.ideas.values("status", "rejection_reason")
        .annotate(count=Count("pk"), supports=Sum("support_count"))
        .values_list("status", "rejection_reason", "count", "supports")
    )
    idea_figures = _moderation_figures((s, r, c) for s, r, c, _supports in status_rows)
    supports = sum(
        supports or 0 for s, _r, _c, supports in status_rows if s == ModerationStatus.PUBLISHED
    )
    comment_figures = _moderation_figures(
        scope.comments.values("status", "rejection_reason")
        .annotate(count=Count("pk"))
        .values_list("status", "rejection_reason", "count")
    )
    return idea_figures, comment_figures, supports


def _figures(scope):
    ideas = scope.ideas
    idea_figures, comment_figures, supports = _moderation_counts(scope)

    # Theme by respondent type, from which the two single breakdowns are summed.
    cells = defaultdict(lambda: [0, 0])
    for row in _counted(ideas, "theme__translation_key", "respondent_type"):
        cell = cells[(row["theme__translation_key"] or "", row["respondent_type"])]
        cell[0] += row["received"]
        cell[1] += row["published"]
    theme_keys = list(scope.themes)
    if any(key == "" for key, _type in cells):
        theme_keys.append("")
    types = list(RespondentType.choices)
    by_theme = [
        Tally(
            key,
            scope.theme_name(key),
            sum(cells[(key, t)][0] for t, _l in types),
            sum(cells[(key, t)][1] for t, _l in types),
        )
        for key in theme_keys
    ]
    by_type = [
        Tally(
            value,
            str(label),
            sum(cells[(k, value)][0] for k in theme_keys),
            sum(cells[(k, value)][1] for k in theme_keys),
        )
        for value, label in types
    ]
    crosstab = CrossTab(
        rows=by_theme,
        columns=[(value, str(label)) for value, label in types],
        received=[[cells[(key, t)][0] for t, _l in types] for key in theme_keys],
        published=[[cells[(key, t)][1] for t, _l in types] for key in theme_keys],
    )

    # Areas and languages from one query: each is a sum over the other.
    area_cells, language_cells = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for row in _counted(ideas, "area", "language"):
        for cells, key in ((area_cells, row["area"] or ""), (language_cells, row["language"])):
            cells[key][0] += row["received"]
            cells[key][1] += row["published"]
    areas = [
        Tally(area, area or gettext("Not given"), received, published)
        for area, (received, published) in area_cells.items()
    ]
    # Most ideas first; "not given" last, where it does not read as a place.
    areas.sort(key=lambda row: (row.key == "", -row.received, row.key))

    by_language = [
        Tally(code, language_name(code), received, published)
        for code, (received, published) in language_cells.items()
    ]
    by_language.sort(key=lambda row: (-row.received, row.label))

    return ConsultationFigures(
        ideas=idea_figures,
        comments=comment_figures,
        supports=supports,
        by_theme=by_theme,
        by_respondent_type=by_type,
        by_area=areas,
        by_day=_by_day(ideas),
        theme_by_respondent_type=crosstab,
        by_language=by_language,
    )


def _by_day(ideas):
    """Ideas per day sent, in the council's time zone, with the quiet days in between as 0."""
    day = TruncDate("created_at", tzinfo=timezone.get_default_timezone())
    counts = {row["day"]: row for row in _counted(ideas.annotate(day=day), "day").order_by("day")}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    rows = []
    current = first
    while current <= last:
        row = counts.get(current, {"received": 0, "published": 0})
        rows.append(
            Tally(
                current.isoformat(),
                date_format(current, "j M Y"),
                row["received"],
                row["published"],
            )
        )
        current += datetime.timedelta(days=1)
    return rows


def you_said_we_did(consultation: ConsultationPage) -> list[BoardResponses]:
    """Published ideas with a response, grouped by board and then by theme, in board order.

    Five queries whatever the number of ideas. Boards without an answered idea are left out;
    within a theme, the most supported ideas come first. The contributor is never read.
    """
    scope = ConsultationScope(consultation)
    with override(consultation.locale.language_code):
        return _you_said_we_did(scope)


def _you_said_we_did(scope):
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
