"""Every page type in Chromium renders and passes axe (WCAG 2.2 AA), in English, Arabic and Urdu."""

import re

import pytest

from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": ("/{lang}/", None),
    "content": (
        "/{lang}/vision-for-families-and-children/",
        "Draft vision for families and children",
    ),
    "guidance": ("/{lang}/childrens-centres-core-purpose/", None),
    "report": ("/{lang}/reports-and-papers/scrutiny-presentation-children-young-people/", None),
    "policy_index": ("/{lang}/policies/", "Policies"),
    "policy": ("/{lang}/policies/partnership-with-parents-and-carers-policy/", None),
    "search": ("/{lang}/search/?q=children", None),
    "not_found": ("/{lang}/no-such-page/", None),
}


def when_a_reader_opens(page, live_site, path):
    response = page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    return response


@pytest.mark.parametrize("lang", ["en", "ar", "ur"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_type_renders_and_passes_axe(page, live_site, name, lang):
    path, heading = PAGES[name]
    response = when_a_reader_opens(page, live_site, path.format(lang=lang))
    assert response.status == (404 if name == "not_found" else 200)
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang in ("ar", "ur") else "ltr")
    assert page.locator("h1").count() == 1
    if heading and lang == "en":
        assert page.get_by_role("heading", level=1).inner_text() == heading
    screenshot(page, f"{lang}-{name}")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def test_the_report_shows_its_headline_figures_with_comparisons(page, live_site):
    when_a_reader_opens(page, live_site, PAGES["report"][0].format(lang="en"))
    assert page.get_by_text("89%").first.is_visible()
    assert page.get_by_text(re.compile("86.5%")).first.is_visible()


def test_the_safeguarding_notice_and_skip_link_are_on_every_page(page, live_site):
    for name, (path, _heading) in PAGES.items():
        when_a_reader_opens(page, live_site, path.format(lang="en"))
        assert page.get_by_text(re.compile("999")).first.is_visible(), name
        page.keyboard.press("Tab")  # the first thing a keyboard reaches
        skip = page.get_by_role("link", name="Skip to main content")
        assert skip.is_visible(), name
        skip.press("Enter")
        assert page.url.endswith("#main-content"), name


def test_policy_filters_work_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + "/en/policies/")
    page.get_by_label("Status").select_option("under_review")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=under_review" in page.url
    assert page.get_by_text("No policies match these filters.").is_visible()
    context.close()


def test_right_to_left_pages_mirror_the_layout(page, live_site):
    """In Arabic the filters column sits on the right and the header reads from the right."""
    when_a_reader_opens(page, live_site, "/ar/policies/")
    filters = page.locator("form.app-filters").bounding_box()
    results = page.locator(".govuk-grid-column-two-thirds").last.bounding_box()
    assert filters["x"] > results["x"]
    when_a_reader_opens(page, live_site, "/en/policies/")
    filters = page.locator("form.app-filters").bounding_box()
    results = page.locator(".govuk-grid-column-two-thirds").last.bounding_box()
    assert filters["x"] < results["x"]


def test_the_language_switcher_leads_to_the_same_page_in_arabic(page, live_site):
    when_a_reader_opens(page, live_site, "/en/policies/")
    page.locator("a[hreflang='ar']").first.click()
    page.wait_for_load_state()
    assert page.url == live_site + "/ar/policies/"
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_the_content_security_policy_lets_govuk_frontend_run_and_blocks_nothing(browser, live_site):
    context = browser.new_context()  # no CSP bypass here
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.goto(live_site + "/en/vision-for-families-and-children/")
    page.wait_for_load_state("networkidle")
    assert "js-enabled" in page.locator("body").get_attribute("class")
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    assert [p for p in problems if "Content Security Policy" in p] == []
    context.close()


def then_the_boxes_sit_in_a_row_in_reading_order(boxes, lang):
    first, second = (box.bounding_box() for box in boxes[:2])
    assert abs(first["y"] - second["y"]) < 2, "the first two boxes are not side by side"
    if lang == "ar":
        assert first["x"] > second["x"], "in Arabic the row should start on the right"
    else:
        assert first["x"] < second["x"]


def headline_figures_section(page):
    return page.get_by_role("region", name=re.compile(".")).filter(
        has=page.locator("#headline-figures-heading")
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_report_headline_figures_are_a_grid_not_a_bulleted_list(page, live_site, lang):
    path = PAGES["report"][0]
    when_a_reader_opens(page, live_site, path.format(lang="en"))
    in_english = headline_figures_section(page).get_by_role("listitem").count()
    when_a_reader_opens(page, live_site, path.format(lang=lang))
    section = headline_figures_section(page)
    figures = section.get_by_role("listitem").all()
    # Each item is one whole figure, its number and what it counts; a translation shows them all.
    assert len(figures) == in_english >= 2
    for figure in figures:
        assert figure.locator(".app-headline-figure__value").inner_text().strip()
        assert figure.locator(".app-headline-figure__label").inner_text().strip()
    list_style = section.get_by_role("list").evaluate(
        "list => getComputedStyle(list).listStyleType"
    )
    assert list_style == "none"
    then_the_boxes_sit_in_a_row_in_reading_order(figures, lang)
    screenshot(page, f"{lang}-report-figures")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_policy_topics_are_set_apart_from_each_other(page, live_site, lang):
    when_a_reader_opens(page, live_site, f"/{lang}/policies/")
    partnership = page.get_by_role("listitem").filter(
        has=page.locator("a[href$='/partnership-with-parents-and-carers-policy/']")
    )
    topics = partnership.get_by_role("list").get_by_role("listitem").all()
    assert len(topics) >= 2
    then_the_boxes_sit_in_a_row_in_reading_order(topics, lang)
    # A rule and space on the side the next topic starts from (the right in Arabic).
    rule, space = topics[1].evaluate(
        "item => [getComputedStyle(item).borderInlineStartWidth,"
        " parseFloat(getComputedStyle(item).paddingInlineStart)]"
    )
    assert rule == "1px"
    assert space > 0
    # The index lists the policy's own topics, each once, in the reader's language.
    listed = [topic.inner_text().strip() for topic in topics]
    assert len(set(listed)) == len(listed)
    partnership.get_by_role("link").first.click()
    page.wait_for_load_state()
    on_the_policy = page.locator(".app-topic-list__item").all_inner_texts()
    assert sorted(listed) == sorted(topic.strip() for topic in on_the_policy)
