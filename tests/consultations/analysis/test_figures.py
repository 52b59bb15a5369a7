"""The figures behind the dashboard, the closing section and the findings report."""

import datetime

import pytest
from django.utils import timezone

from consultations.figures import consultation_figures, you_said_we_did
from consultations.models import BoardTheme, IdeasBoardPage, RespondentType
from tests.factories.consultations import IdeaFactory

from .conftest import add_supports

pytestmark = pytest.mark.django_db


def rows(tallies, field="received"):
    return {row.label: getattr(row, field) for row in tallies}


def test_moderation_figures_count_received_published_and_reasons(feedback, consultation):
    figures = consultation_figures(consultation)

    assert figures.ideas.received == 10
    assert figures.ideas.published == 6
    assert figures.ideas.pending == 1
    assert figures.ideas.not_published == 3
    assert {reason.label: reason.count for reason in figures.ideas.by_reason} == {
        "Spam or advertising": 1,
        "Offensive or abusive": 1,
        "Hidden, no reason recorded": 1,
    }
    assert (figures.comments.received, figures.comments.published) == (3, 1)
    assert figures.comments.pending == 1
    assert [(r.label, r.count) for r in figures.comments.by_reason] == [("Spam or advertising", 1)]
    assert figures.supports == 7  # on published ideas


def test_ideas_are_counted_by_theme_in_board_order(feedback, consultation):
    figures = consultation_figures(consultation)

    assert [row.label for row in figures.by_theme] == ["Health", "Play and learning", "Parks"]
    assert rows(figures.by_theme) == {"Health": 3, "Play and learning": 2, "Parks": 5}
    assert rows(figures.by_theme, "published") == {"Health": 3, "Play and learning": 1, "Parks": 2}


def test_ideas_are_counted_by_respondent_type_and_area(feedback, consultation):
    figures = consultation_figures(consultation)

    assert rows(figures.by_respondent_type) == {
        "A parent or carer": 7,
        "A young person": 1,
        "A professional working with families": 1,
        "Someone else": 1,
    }
    assert [(row.label, row.received) for row in figures.by_area] == [
        ("CR0", 8),
        ("CR2", 1),
        ("Not given", 1),
    ]


def test_theme_by_respondent_type_adds_up_to_each_breakdown(feedback, consultation):
    crosstab = consultation_figures(consultation).theme_by_respondent_type

    columns = [value for value, _label in crosstab.columns]
    health = crosstab.received[0]
    assert health[columns.index(RespondentType.PARENT_CARER)] == 2
    assert health[columns.index(RespondentType.YOUNG_PERSON)] == 1
    parks = crosstab.received[2]
    assert parks[columns.index(RespondentType.PARENT_CARER)] == 4
    assert parks[columns.index(RespondentType.OTHER)] == 1
    assert sum(map(sum, crosstab.received)) == 10


def test_ideas_are_counted_by_day_in_uk_time_with_quiet_days_as_zero(boards, consultation):
    # 23:30 UTC on 1 July is 00:30 on 2 July in London (British Summer Time).
    late = IdeaFactory(board=boards.early)
    early = IdeaFactory(board=boards.early)
    type(late).objects.filter(pk=late.pk).update(
        created_at=datetime.datetime(2025, 7, 1, 23, 30, tzinfo=datetime.UTC)
    )
    type(early).objects.filter(pk=early.pk).update(
        created_at=datetime.datetime(2025, 7, 4, 9, 0, tzinfo=datetime.UTC)
    )

    by_day = consultation_figures(consultation).by_day

    assert [(row.key, row.received) for row in by_day] == [
        ("2025-07-02", 1),
        ("2025-07-03", 0),
        ("2025-07-04", 1),
    ]


def test_a_consultation_without_ideas_counts_zero(boards, consultation):
    figures = consultation_figures(consultation)

    assert figures.ideas.received == 0
    assert figures.supports == 0
    assert rows(figures.by_theme) == {"Health": 0, "Play and learning": 0, "Parks": 0}
    assert figures.by_day == []
    assert figures.by_area == []


def test_ideas_on_another_consultation_are_not_counted(feedback, consultation_index):
    from tests.factories.consultations import ConsultationPageFactory, IdeasBoardPageFactory

    other = ConsultationPageFactory(parent=consultation_index, title="Short breaks")
    IdeaFactory(board=IdeasBoardPageFactory(parent=other))

    assert consultation_figures(other).ideas.received == 1


@pytest.fixture
def arabic_copies(boards, consultation, locales):
    """The consultation and its first board in Arabic, with the theme names translated."""
    arabic = consultation.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.save_revision().publish()
    arabic_board = boards.early.copy_for_translation(locales["ar"])
    arabic_board.save_revision().publish()
    arabic_board = IdeasBoardPage.objects.get(pk=arabic_board.pk)
    BoardTheme.objects.filter(board=arabic_board, name="Health").update(name="الصحة")
    return arabic, arabic_board


def test_ideas_on_a_translated_board_count_under_the_same_theme(
    feedback, consultation, arabic_copies
):
    _arabic, arabic_board = arabic_copies
    IdeaFactory(board=arabic_board, theme=arabic_board.themes.get(name="الصحة"), language="ar")

    figures = consultation_figures(consultation)

    assert rows(figures.by_theme) == {"Health": 4, "Play and learning": 2, "Parks": 5}


def test_figures_for_the_arabic_consultation_name_themes_in_arabic(
    feedback, consultation, arabic_copies
):
    arabic, _arabic_board = arabic_copies

    figures = consultation_figures(arabic)

    assert figures.by_theme[0].label == "الصحة"
    assert figures.by_theme[0].received == 3  # the English board's ideas count too
    assert figures.ideas.received == 10


@pytest.mark.parametrize("ideas_per_theme", [2, 40])
def test_figures_take_the_same_number_of_queries_however_many_ideas(
    boards, consultation, django_assert_max_num_queries, ideas_per_theme
):
    for board in (boards.early, boards.places):
        for board_theme in board.themes.all():
            for n in range(ideas_per_theme):
                idea = IdeaFactory(
                    board=board,
                    theme=board_theme,
                    area=f"CR{n % 9}",
                    response_status="taken_forward",
                    public_response="Done.",
                )
                add_supports(idea, 1)
    consultation.refresh_from_db()  # forget any cached locale

    with django_assert_max_num_queries(9):
        consultation_figures(consultation)
    with django_assert_max_num_queries(6):
        you_said_we_did(consultation)


def test_you_said_we_did_groups_answered_published_ideas_by_board_then_theme(
    feedback, consultation
):
    answered = you_said_we_did(consultation)

    assert [group.board.title for group in answered] == ["Getting help early", "Places"]
    early, places = answered
    assert [(theme.name, [idea.title for idea in theme.ideas]) for theme in early.themes] == [
        ("Health", ["Evening baby clinic", "Dentist visits at nursery"]),  # most supported first
        ("Play and learning", ["Toy library on Saturdays"]),
    ]
    assert [(theme.name, [idea.title for idea in theme.ideas]) for theme in places.themes] == [
        ("Parks", ["More benches in parks"]),  # never the rejected idea with a response
    ]
    clinic = early.themes[0].ideas[0]
    assert clinic.get_response_status_display() == "Taken forward"
    assert clinic.public_response.startswith("We will open the clinic")


def test_you_said_we_did_leaves_out_boards_with_no_answers(boards, consultation):
    IdeaFactory(board=boards.places, title="Not answered yet")

    assert you_said_we_did(consultation) == []


def test_figures_for_a_consultation_that_has_closed_still_count(feedback, consultation):
    consultation.closes_at = timezone.now() - datetime.timedelta(days=1)
    consultation.opens_at = timezone.now() - datetime.timedelta(days=30)
    consultation.save()

    assert consultation_figures(consultation).ideas.published == 6
