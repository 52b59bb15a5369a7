"""Right to left, checked everywhere (issue 10): every page type in Arabic and Urdu, at 320 px and
at desktop width, passes axe (WCAG 2.2 AA) and leaves a screenshot; arrows and chevrons point
the way a right-to-left reader goes."""

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.consultations_support import (
    CLOSED_BOARD,
    CLOSED_CONSULTATION,
    INDEX,
    OPEN_CONSULTATION,
    PRE_MODERATED_BOARD,
)

pytestmark = pytest.mark.browser

RIGHT_TO_LEFT = ["ar", "ur"]
# 320 px: WCAG 1.4.10 (reflow) asks that nothing needs scrolling both ways at this width.
VIEWPORTS = {"320": {"width": 320, "height": 720}, "desktop": {"width": 1280, "height": 900}}
PAGE_TYPES = {
    "home": ("/{lang}/", 200),
    "content": ("/{lang}/vision-for-families-and-children/", 200),
    "easy_read": ("/{lang}/vision-for-families-and-children-easy-read/", 200),
    "guidance": ("/{lang}/childrens-centres-core-purpose/", 200),
    "report": ("/{lang}/reports-and-papers/scrutiny-presentation-children-young-people/", 200),
    "policy_index": ("/{lang}/policies/", 200),
    "policy": ("/{lang}/policies/partnership-with-parents-and-carers-policy/", 200),
    "arrived_from_untranslated": ("/{lang}/policies/?from=untranslated", 200),
    "search": ("/{lang}/search/?q=children", 200),
    "directory": ("/{lang}/services/", 200),
    "directory_results": ("/{lang}/services/?postcode=CR0+1AA&age=3", 200),
    "consultation_index": (INDEX, 200),
    "consultation_open": (OPEN_CONSULTATION, 200),
    "consultation_closed": (CLOSED_CONSULTATION, 200),
    "board_open": (PRE_MODERATED_BOARD, 200),
    "board_closed": (CLOSED_BOARD, 200),
    "not_found": ("/{lang}/no-such-page/", 404),
}


def given_a_reader_at(page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])


def when_they_open(page, live_site, path, lang, status=200):
    response = page.goto(live_site + path.format(lang=lang))
    page.wait_for_load_state("networkidle")
    assert response.status == status
    return response


def then_the_page_is_right_to_left(page, lang):
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").count() == 1


def then_nothing_scrolls_sideways(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page is {overflow}px wider than the screen"


def then_it_passes_axe(page, name):
    screenshot(page, name)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def transform_of(page, selector, pseudo=None):
    """The first matching element's computed transform as its matrix's (a, b), or None."""
    return page.evaluate(
        """([selector, pseudo]) => {
            const element = document.querySelector(selector);
            if (!element) return null;
            const value = getComputedStyle(element, pseudo).transform;
            if (!value || value === 'none') return [1, 0];
            const [a, b] = value.slice(value.indexOf('(') + 1, -1).split(',').map(Number);
            return [Math.round(a * 1000) / 1000, Math.round(b * 1000) / 1000];
        }""",
        [selector, pseudo],
    )


# --- every page type --------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_every_page_type_is_right_to_left_and_passes_axe(page, live_site, name, lang, viewport):
    path, status = PAGE_TYPES[name]
    given_a_reader_at(page, viewport)
    when_they_open(page, live_site, path, lang, status)
    then_the_page_is_right_to_left(page, lang)
    if viewport == "320":
        then_nothing_scrolls_sideways(page)
    then_it_passes_axe(page, f"rtl-{lang}-{name}-{viewport}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["en", *RIGHT_TO_LEFT])
def test_a_service_page_passes_axe_at_every_width(page, live_site, lang, viewport):
    given_a_reader_at(page, viewport)
    when_they_open(page, live_site, PAGE_TYPES["directory_results"][0], lang)
    page.locator("li.app-service-result h3 a").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == ("ltr" if lang == "en" else "rtl")
    then_it_passes_axe(page, f"rtl-{lang}-service-{viewport}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_english_page_types_at_320px_and_desktop_leave_screenshots_and_pass_axe(
    page, live_site, viewport
):
    """The left-to-right baseline the right-to-left screenshots are compared with."""
    given_a_reader_at(page, viewport)
    problems = []
    for name, (path, status) in PAGE_TYPES.items():
        when_they_open(page, live_site, path, "en", status)
        screenshot(page, f"ltr-en-{name}-{viewport}")
        problems += [f"{name}: {violation}" for violation in axe_violations(page)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["pl", "ro", "bn"])
def test_every_page_type_passes_axe_in_the_left_to_right_translations(page, live_site, lang):
    """Polish, Romanian and Bengali: partly translated (Romanian and Bengali keep much English),
    so the English-for-now parts and the fonts of each script are checked too."""
    given_a_reader_at(page, "desktop")
    problems = []
    for name, (path, status) in PAGE_TYPES.items():
        when_they_open(page, live_site, path, lang, status)
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, "ltr"), name
        problems += [f"{name}: {violation}" for violation in axe_violations(page)]
    assert problems == [], "\n".join(problems)


# --- arrows and chevrons ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_the_start_button_arrow_points_the_way_the_page_reads(page, live_site, lang):
    when_they_open(page, live_site, PRE_MODERATED_BOARD, "en")
    assert transform_of(page, ".govuk-button__start-icon") == [1, 0]
    when_they_open(page, live_site, PRE_MODERATED_BOARD, lang)
    assert transform_of(page, ".govuk-button__start-icon") == [-1, 0]  # mirrored


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_breadcrumbs_run_from_the_right_with_chevrons_pointing_left(page, live_site, lang):
    path = PAGE_TYPES["policy"][0]
    when_they_open(page, live_site, path, "en")
    english = transform_of(page, ".govuk-breadcrumbs__list-item:nth-child(2)", "::before")
    when_they_open(page, live_site, path, lang)
    items = page.locator(".govuk-breadcrumbs__list-item")
    assert items.count() >= 2
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert second["x"] < first["x"]  # the trail reads from the right
    rtl = transform_of(page, ".govuk-breadcrumbs__list-item:nth-child(2)", "::before")
    # GOV.UK's chevron is a rotated box: mirrored, its rotation's cosine changes sign.
    assert english[0] * rtl[0] < 0


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_the_back_link_arrow_points_back_to_the_right(page, live_site, lang):
    path = "/{lang}/directory/shortlist/"

    def arrow():
        """The arrow's rotation, and whether its room is on the right of the text."""
        assert page.locator(".govuk-back-link").count() == 1
        on_the_right = page.evaluate(
            """() => {
                const style = getComputedStyle(document.querySelector('.govuk-back-link'));
                return parseFloat(style.paddingRight) > parseFloat(style.paddingLeft);
            }"""
        )
        return transform_of(page, ".govuk-back-link", "::before"), on_the_right

    when_they_open(page, live_site, path, "en")
    english, english_on_the_right = arrow()
    when_they_open(page, live_site, path, lang)
    rtl, rtl_on_the_right = arrow()

    assert english[0] * rtl[0] < 0  # the chevron is turned the other way
    assert not english_on_the_right
    assert rtl_on_the_right


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_pagination_arrows_are_mirrored(page, live_site, lang):
    path = "/{lang}/search/?q=family"
    when_they_open(page, live_site, path, lang)
    icons = page.locator(".govuk-pagination__icon")
    assert icons.count() >= 1, "search for 'family' has more than one page of results"
    assert transform_of(page, ".govuk-pagination__icon") == [-1, 0]
    when_they_open(page, live_site, path, "en")
    assert transform_of(page, ".govuk-pagination__icon") == [1, 0]


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_the_other_formats_bar_sits_on_the_start_edge(page, live_site, lang):
    path = PAGE_TYPES["content"][0]

    def borders():
        block = page.locator(".app-other-formats")
        assert block.is_visible()
        return block.evaluate(
            "el => [getComputedStyle(el).borderLeftWidth, getComputedStyle(el).borderRightWidth]"
        )

    when_they_open(page, live_site, path, "en")
    left, right = borders()
    assert left != "0px"
    assert right == "0px"
    when_they_open(page, live_site, path, lang)
    left, right = borders()
    assert left == "0px"
    assert right != "0px"
