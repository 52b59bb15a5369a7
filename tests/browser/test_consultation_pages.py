"""Every consultation page and form state passes axe (WCAG 2.2 AA), in English, Arabic and Urdu.

Arabic pages are found by address and element ids rather than by their English words, so the
same test reads both languages. Each form state also checks what a resident typed is kept.
"""

import re

import pytest

from tests.browser.consultations_support import (
    CLOSED_BOARD,
    CLOSED_CONSULTATION,
    IDEA_WITH_COMMENTS,
    INDEX,
    OPEN_CONSULTATION,
    PRE_MODERATED_BOARD,
    board_ids,
    error_summary_has_focus,
    then_it_passes_axe,
    then_it_passes_axe_without_javascript,
    then_the_page_is_in,
)
from tests.browser.reading import number_in

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ar", "ur"]
PAGES = {
    "index": (INDEX, 200),
    "consultation_open": (OPEN_CONSULTATION, 200),
    "consultation_closed": (CLOSED_CONSULTATION, 200),
    "board_open": (PRE_MODERATED_BOARD, 200),
    "board_closed": (CLOSED_BOARD, 200),
    "email_link_broken": ("/{lang}/consultations/confirm/bad/", 400),
}
# Words with nothing in common with the demo board's ideas, so no "similar ideas" step.
NEW_IDEA = {
    "title": "Grandparents' breakfast club once a quarter",
    "description": "Grandmothers and grandfathers rarely meet the staff. A breakfast club "
    "every quarter would welcome them.",
}
# Shares its words with "A WhatsApp broadcast list for each centre", so the step appears.
SIMILAR_IDEA = {
    "title": "WhatsApp broadcast for every centre",
    "description": "One WhatsApp broadcast per centre with changes to sessions.",
}


@pytest.fixture(scope="module")
def boards(live_site, live_site_env):
    return board_ids(live_site_env)


# --- given / when / then ----------------------------------------------------------------------


def given_a_resident_opens(page, live_site, path, lang, status=200):
    response = page.goto(live_site + path.format(lang=lang))
    assert response.status == status
    then_the_page_is_in(page, lang)
    return page


def when_they_open_the_post_idea_form(page, live_site, lang):
    given_a_resident_opens(page, live_site, PRE_MODERATED_BOARD, lang)
    page.locator("a.govuk-button--start[href$='/post/']").click()
    page.wait_for_load_state()
    assert page.locator("form.app-idea-form").is_visible()


def when_they_fill_in_an_idea(page, idea, area="CR0"):
    """Title, description, the first theme, the first "I am…" choice, area and consent."""
    page.locator("#title").fill(idea["title"])
    page.locator("#description").fill(idea["description"])
    page.locator("input[name='theme']").first.check()
    page.locator("input[name='respondent_type']").first.check()
    page.locator("#area").fill(area)
    page.locator("#consent").check()


def when_they_send(page, form="main form[method='post']"):
    page.locator(form).locator("button[type='submit']:visible").last.click()
    page.wait_for_load_state()


def when_they_open_the_idea_with_comments(page, live_site, lang):
    """Opens it from the board; what the board's link to its comments said ("3 comments")."""
    given_a_resident_opens(page, live_site, PRE_MODERATED_BOARD, lang)
    if lang == "en":
        idea = page.locator("li.app-idea").filter(has_text=IDEA_WITH_COMMENTS)
        said = idea.locator("a[href$='#comments']").inner_text()
        idea.get_by_role("link", name=IDEA_WITH_COMMENTS, exact=True).click()
    else:
        # Residents' ideas keep their own words in every language; find it by its comments link.
        comments_link = page.locator("li.app-idea a[href$='#comments']").first
        said = comments_link.inner_text()
        comments_link.click()
    page.wait_for_load_state()
    then_the_page_is_in(page, lang)
    return said


def then_the_error_summary_has_focus_and_lists(page, count):
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    page.wait_for_function(
        "() => document.activeElement?.classList.contains('govuk-error-summary')"
    )
    assert error_summary_has_focus(page)
    links = summary.locator(".govuk-error-summary__list a")
    assert links.count() == count
    # Every link leads to a field on the page.
    for href in links.evaluate_all("links => links.map(link => link.getAttribute('href'))"):
        assert page.locator(href).count() == 1, href
    assert page.title().startswith(("Error:", "خطأ", "خرابی"))  # GOV.UK: the title says so too


# --- pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_consultation_pages_pass_axe(page, live_site, name, lang):
    path, status = PAGES[name]
    given_a_resident_opens(page, live_site, path, lang, status=status)
    assert page.locator("h1").count() == 1
    if name == "consultation_closed":
        assert page.locator("#you-said-heading").is_visible()
    if name == "board_closed":
        assert page.locator("a[href$='/post/']").count() == 0
    if name == "board_open":
        assert page.locator("a.govuk-button--start[href$='/post/']").is_visible()
        page.locator("details.govuk-details summary").first.click()  # how support is counted
    then_it_passes_axe(page, f"{lang}-consultations-{name}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_idea_with_comments_and_the_comment_form_pass_axe(page, live_site, lang):
    said_on_the_board = when_they_open_the_idea_with_comments(page, live_site, lang)
    comments = page.locator("li.app-comment").count()
    assert comments > 0
    if lang == "en":
        # The board's "3 comments" is the number the idea shows. (In Arabic one and two are
        # words, "تعليقان", not digits; the counting is the same in every language.)
        assert comments == number_in(said_on_the_board)
    assert page.locator("form.app-comment-form").is_visible()
    page.locator("details.govuk-details summary").first.click()
    then_it_passes_axe(page, f"{lang}-consultations-idea")

    # A comment with no "I am…": the error, and the words kept.
    page.locator("#comment-body").fill("Texts would reach grandparents too.")
    when_they_send(page, "form.app-comment-form")
    then_the_error_summary_has_focus_and_lists(page, 1)
    assert page.locator("#comment-body").input_value() == "Texts would reach grandparents too."
    then_it_passes_axe(page, f"{lang}-consultations-idea-comment-errors")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_post_idea_form_empty_and_with_errors_passes_axe(page, live_site, lang):
    when_they_open_the_post_idea_form(page, live_site, lang)
    assert page.locator(".govuk-error-summary").count() == 0
    then_it_passes_axe(page, f"{lang}-consultations-post-idea")

    when_they_send(page)
    # Title, description, theme, "I am…" and consent are required.
    then_the_error_summary_has_focus_and_lists(page, 5)
    then_it_passes_axe(page, f"{lang}-consultations-post-idea-empty")

    page.locator("#title").fill(NEW_IDEA["title"])
    page.locator("#area").fill("Not a postcode")
    page.locator("#email").fill("not an email")
    when_they_send(page)
    then_the_error_summary_has_focus_and_lists(page, 6)
    assert page.locator("#title").input_value() == NEW_IDEA["title"]
    assert page.locator("#area").input_value() == "Not a postcode"
    assert page.locator("#email").input_value() == "not an email"
    assert page.locator("#area-error").is_visible()
    then_it_passes_axe(page, f"{lang}-consultations-post-idea-errors")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_similar_ideas_step_and_the_idea_posted_page_pass_axe_without_javascript(
    browser, live_site, lang
):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    when_they_open_the_post_idea_form(page, live_site, lang)
    when_they_fill_in_an_idea(page, SIMILAR_IDEA)
    when_they_send(page)
    assert page.locator("main h2 a", has_text=re.compile("WhatsApp")).count() >= 1
    # Their idea is shown back as text, ready to post as it is.
    assert page.locator(".govuk-inset-text").get_by_text(SIMILAR_IDEA["title"]).is_visible()
    assert page.locator("input[name='step'][value='confirm']").count() == 1
    then_the_page_is_in(page, lang)
    then_it_passes_axe_without_javascript(page, f"{lang}-consultations-similar-ideas")

    page.locator("main form[action$='/post/'] button[type='submit']").click()
    page.wait_for_load_state()
    assert page.locator(".govuk-panel").is_visible()
    assert "/posted/" in page.url
    then_the_page_is_in(page, lang)
    then_it_passes_axe_without_javascript(page, f"{lang}-consultations-idea-posted")
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_form_empty_with_errors_and_sent_passes_axe(page, live_site, lang):
    when_they_open_the_idea_with_comments(page, live_site, lang)
    page.locator("a[href$='/report/']").last.click()  # "Report this idea", after the comments'
    page.wait_for_load_state()
    then_the_page_is_in(page, lang)
    assert page.locator("input[name='reason']").count() == 5
    then_it_passes_axe(page, f"{lang}-consultations-report")

    page.locator("#details").fill("It names a member of staff.")
    when_they_send(page)
    then_the_error_summary_has_focus_and_lists(page, 1)
    assert page.locator("#details").input_value() == "It names a member of staff."
    then_it_passes_axe(page, f"{lang}-consultations-report-errors")

    page.locator("input[name='reason']").nth(1).check()
    when_they_send(page)
    assert page.locator(".govuk-panel").is_visible()
    then_the_page_is_in(page, lang)
    then_it_passes_axe(page, f"{lang}-consultations-report-sent")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_board_closed_page_keeps_what_was_typed_and_passes_axe(page, live_site, boards, lang):
    """A form opened before the close and sent after it: refused, with the words shown back."""
    when_they_open_the_post_idea_form(page, live_site, lang)
    when_they_fill_in_an_idea(page, NEW_IDEA)
    closed = f"/{lang}/consultations/boards/{boards[lang]['maternity-services']}/post/"
    page.locator("form.app-idea-form").evaluate("(form, url) => { form.action = url; }", closed)
    with page.expect_response(lambda response: response.url.endswith(closed)) as answer:
        when_they_send(page)
    assert answer.value.status == 403
    then_the_page_is_in(page, lang)
    assert page.locator("h1").count() == 1
    assert page.locator(".app-typed-text").get_by_text(NEW_IDEA["title"]).is_visible()
    assert page.locator(".app-typed-text").get_by_text("Grandmothers and grandfathers").is_visible()
    then_it_passes_axe(page, f"{lang}-consultations-board-closed")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ideas_line_up_with_their_heading_on_the_side_reading_starts(page, live_site, lang):
    given_a_resident_opens(page, live_site, PRE_MODERATED_BOARD, lang)
    heading = page.locator("#ideas").bounding_box()
    idea = page.locator("li.app-idea").first.bounding_box()
    if lang == "ar":
        assert abs((heading["x"] + heading["width"]) - (idea["x"] + idea["width"])) < 2
    else:
        assert abs(heading["x"] - idea["x"]) < 2
