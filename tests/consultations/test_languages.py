"""Residents write in any language: chosen or worked out, shown, filtered, counted, translated."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from consultations.exports import FeedbackExport
from consultations.figures import consultation_figures
from consultations.models import Comment, Idea
from tests.consultations import libretranslate_standin
from tests.factories.consultations import IdeaFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def in_language(code, name, *args):
    with translation.override(code):
        return reverse(name, args=args)


@pytest.fixture
def valid(board):
    return {
        "title": "Saturday stay and play",
        "description": "Working dads cannot come on weekdays.",
        "theme": str(board.themes.first().pk),
        "respondent_type": "parent_carer",
        "consent": "on",
        "submission_key": "a" * 32,
    }


def selected_option(html, select_id):
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="([^"]*)" selected>', select).group(1)


def options(html, select_id):
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


# --- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_the_language_select_defaults_to_the_pages_language(client, board, language):
    html = client.get(in_language(language, "consultations:post_idea", board.pk)).content.decode()

    assert selected_option(html, "language") == language
    codes = [code for code, _label in options(html, "language")]
    # The site's languages first, then the rest of the world's.
    assert codes[:6] == ["en", "pl", "ro", "ar", "ur", "bn"]
    assert "so" in codes
    assert "uk" in codes


def test_an_idea_is_stored_in_the_language_the_resident_chose(client, board, valid):
    url = in_language("en", "consultations:post_idea", board.pk)

    client.post(url, {**valid, "title": "Sobotnie zabawy", "language": "pl"})

    assert Idea.objects.get().language == "pl"


@pytest.mark.parametrize(
    ("page_language", "title", "expected"),
    [
        ("en", "مساحة لعب يوم السبت", "ar"),
        ("ur", "ہفتے کے دن کھیل کا وقت", "ur"),  # Arabic script on an Urdu page is Urdu
        ("en", "শনিবার খেলার সময়", "bn"),
        ("pl", "Sobotnie zabawy dla taty", "pl"),  # Latin script keeps the page's language
        ("en", "Saturday stay and play", "en"),
    ],
)
def test_without_a_choice_the_language_is_worked_out_from_the_writing(
    client, board, valid, page_language, title, expected
):
    url = in_language(page_language, "consultations:post_idea", board.pk)
    data = {**valid, "title": title, "description": title}

    client.post(url, data)

    assert Idea.objects.get().language == expected


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_hostile_language_value_is_never_stored_and_never_an_error(client, board, valid, value):
    url = in_language("en", "consultations:post_idea", board.pk)

    response = client.post(url, {**valid, "language": value})

    assert response.status_code in (200, 302, 400)
    idea = Idea.objects.first()
    assert idea is None or idea.language == "en"


def test_an_error_keeps_the_chosen_language(client, board, valid):
    url = in_language("en", "consultations:post_idea", board.pk)

    response = client.post(url, {**valid, "consent": "", "language": "ro"})

    assert response.status_code == 400
    assert selected_option(response.content.decode(), "language") == "ro"


def test_a_comment_is_stored_in_the_language_chosen(client, idea):
    page = client.get(in_language("ar", "consultations:idea", idea.pk)).content.decode()
    assert selected_option(page, "comment-language") == "ar"

    client.post(
        in_language("ar", "consultations:comment", idea.pk),
        {
            "body": "Komentarz po polsku",
            "respondent_type": "parent_carer",
            "language": "pl",
            "submission_key": "b" * 32,
        },
    )

    assert Comment.objects.get().language == "pl"


# --- showing and filtering -------------------------------------------------------------------


def test_an_idea_in_another_language_says_which_and_is_marked_up_in_it(client, board):
    polish = IdeaFactory(board=board, title="Sobotnie zabawy", language="pl")
    english = IdeaFactory(board=board, title="Saturday play", language="en")

    polish_page = client.get(in_language("en", "consultations:idea", polish.pk))
    english_page = client.get(in_language("en", "consultations:idea", english.pk))

    assertContains(polish_page, "Written in Polish")
    assertContains(polish_page, '<h1 class="govuk-heading-l" lang="pl" dir="auto">')
    assertNotContains(english_page, "Written in")


def test_the_board_filters_ideas_by_language_with_counts_and_without_javascript(client, board):
    for n in range(2):
        IdeaFactory(board=board, title=f"Pomysł {n}", language="pl")
    IdeaFactory(board=board, title="فكرة", language="ar")
    IdeaFactory(board=board, title="An English idea", language="en")
    IdeaFactory(board=board, title="Idea somalí", language="so")

    html = client.get(board.url).content.decode()
    filtered = client.get(board.url, {"language": "pl"}).content.decode()

    assert options(html, "filter-language") == [
        ("", "All languages"),
        ("ar", "Arabic (1 idea)"),
        ("en", "English (1 idea)"),
        ("pl", "Polish (2 ideas)"),
        ("so", "Somali (1 idea)"),
    ]
    assert "Pomysł 0" in filtered
    assert "Pomysł 1" in filtered
    assert "An English idea" not in filtered
    assert selected_option(filtered, "filter-language") == "pl"


@pytest.mark.parametrize("value", ["xx", "<b>pl</b>", "pl" * 400, "'; DROP TABLE"])
def test_an_unknown_language_filter_shows_every_idea(client, board, value):
    IdeaFactory(board=board, title="Pomysł", language="pl")
    IdeaFactory(board=board, title="An English idea", language="en")

    response = client.get(board.url, {"language": value})

    assertContains(response, "Pomysł")
    assertContains(response, "An English idea")


def test_the_language_filter_is_left_out_while_every_idea_is_in_one_language(client, board):
    IdeaFactory(board=board, language="en")

    assertNotContains(client.get(board.url), 'id="filter-language"')


def test_exports_and_figures_count_ideas_by_language(board, consultation):
    IdeaFactory(board=board, title="Pomysł", language="pl")
    IdeaFactory(board=board, title="Another pomysł", language="pl")
    IdeaFactory(board=board, title="An idea", language="en")

    rows = list(FeedbackExport(consultation).rows("ideas"))
    figures = consultation_figures(consultation)

    header = FeedbackExport(consultation).headers("ideas")
    column = header.index("Language")
    assert sorted(row[column] for row in rows) == ["en", "pl", "pl"]
    assert [(row.key, row.label, row.received) for row in figures.by_language] == [
        ("pl", "Polish", 2),
        ("en", "English", 1),
    ]


def test_the_dashboard_charts_ideas_by_language(client, board, consultation, superuser):
    IdeaFactory(board=board, language="pl")
    client.force_login(superuser)

    response = client.get(reverse("consultation_feedback", args=[consultation.pk]))

    assertContains(response, "Ideas by language written in")
    assertContains(response, 'data-language="pl"><th scope="row">Polish</th><td>1</td>')


# --- machine translation ---------------------------------------------------------------------


@pytest.fixture
def translator(monkeypatch):
    """A LibreTranslate stand-in, configured as the site's machine translator."""
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    with (
        libretranslate_standin.running_standin() as standin,
        override_settings(
            WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
                "CLASS": "home.machine_translation.LibreTranslateTranslator",
                "OPTIONS": {"LIBRETRANSLATE_URL": standin.url, "TIMEOUT": 2},
            }
        ),
    ):
        yield standin


@pytest.fixture
def polish_idea(board):
    return IdeaFactory(
        board=board,
        title="Sobotnie zabawy",
        description="Tata pracuje w tygodniu.\nSobota jest lepsza.",
        language="pl",
    )


def test_without_a_translator_no_translation_is_offered(client, polish_idea):
    url = in_language("en", "consultations:idea", polish_idea.pk)

    assertNotContains(client.get(url), "translate=1")
    assertNotContains(client.get(url, {"translate": "1"}), "Machine translation")


def test_a_reader_can_show_a_labelled_translation_beside_the_original(
    client, translator, polish_idea
):
    url = in_language("ar", "consultations:idea", polish_idea.pk)

    page = client.get(url).content.decode()
    assert f'href="{url}?translate=1#translation"' in page

    translated = client.get(url, {"translate": "1"}).content.decode()
    block = re.search(r'<div class="app-idea-translation".*?</div>\s*<p', translated, re.S)
    assert block is not None
    assert '<div lang="ar" dir="rtl">' in block.group(0)
    assert "[ar] Sobotnie zabawy" in block.group(0)
    assert "[ar] Tata pracuje w tygodniu.<br>Sobota jest lepsza." in block.group(0)
    # The original stays, marked as Polish.
    assert '<h1 class="govuk-heading-l" lang="pl" dir="auto">Sobotnie zabawy</h1>' in translated
    assert translator.requests[0]["source"] == "pl"
    assert translator.requests[0]["target"] == "ar"


def test_the_translation_label_names_the_language_it_is_from(client, translator, polish_idea):
    url = in_language("en", "consultations:idea", polish_idea.pk)

    response = client.get(url, {"translate": "1"})

    assertContains(response, "Machine translation from Polish \u2013 may contain mistakes")


def test_a_translation_is_asked_for_once_per_idea_and_language(client, translator, polish_idea):
    url = in_language("en", "consultations:idea", polish_idea.pk)

    for _ in range(3):
        assertContains(client.get(url, {"translate": "1"}), "[en] Sobotnie zabawy")
    client.get(in_language("ro", "consultations:idea", polish_idea.pk), {"translate": "1"})

    assert [request["target"] for request in translator.requests] == ["en", "ro"]


def test_an_idea_in_the_readers_language_offers_no_translation(client, translator, board):
    idea = IdeaFactory(board=board, language="en")

    response = client.get(in_language("en", "consultations:idea", idea.pk), {"translate": "1"})

    assertNotContains(response, "translate=1")
    assertNotContains(response, "Machine translation")
    assert translator.requests == []


def test_a_failing_translator_leaves_the_original_and_says_so(
    client, polish_idea, monkeypatch, caplog
):
    monkeypatch.setenv("no_proxy", "*")
    with (
        libretranslate_standin.running_standin(failing=True) as standin,
        override_settings(
            WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
                "CLASS": "home.machine_translation.LibreTranslateTranslator",
                "OPTIONS": {"LIBRETRANSLATE_URL": standin.url, "TIMEOUT": 2},
            }
        ),
    ):
        response = client.get(
            in_language("en", "consultations:idea", polish_idea.pk), {"translate": "1"}
        )

    assert response.status_code == 200
    assertContains(response, "We could not translate this idea just now.")
    assertContains(response, "Sobotnie zabawy")
    assert "Sobotnie" not in caplog.text  # residents' words stay out of the logs
