"""Everything counted about a consultation's ideas, broken down by theme, respondent type, area,
language and day, for the admin dashboard and the draft findings report."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override

from consultations.languages import language_name
from consultations.models import ConsultationPage, RespondentType

from .moderation import PUBLISHED, ModerationFigures, moderation_counts
from .scope import ConsultationScope


@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: how many ideas were received, and how many are published."""

    key: str
    label: str
    received: int
    published: int


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


def _figures(scope):
    ideas = scope.ideas
    idea_figures, comment_figures, supports = moderation_counts(scope)

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
