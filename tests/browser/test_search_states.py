"""Both search forms pass axe (WCAG 2.2 AA) in every state, in English and Arabic.

Not only the first view: results, a type filter, a corrected spelling, nothing found, only common
words, the suggestions list open, and each of the directory's filter errors, which sit on the
filter panel's tint (where GOV.UK's error red was 4.42:1, under WCAG 1.4.3's 4.5:1).
"""

import re

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.reading import search_total, type_filter_counts

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ar"]
# On a phone GOV.UK's error message is 16px bold, which WCAG counts as normal text (4.5:1); from
# tablet width it is 19px bold, large text (3:1). So axe sees the filter errors' contrast only at
# phone width, and every state is checked at both.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

SITE_SEARCH_STATES = {
    "empty": "",
    "results": "?q=children",
    "filtered": "?q=children&type=services",
    "corrected": "?q=childern",
    "no_results": "?q=zzqxv",
    "only_common_words": "?q=where+is+my",
    "postcode_only": "?q=CR0+1AA",
}

# What the type filter calls a type, and what a result of that type is labelled.
RESULT_LABELS = {
    "Pages": "Page",
    "Policies": "Policy",
    "Services": "Service",
    "Ideas from residents": "Idea from a resident",
}

DIRECTORY_STATES = {
    "results": ("?q=baby", None),
    "keyword_no_results": ("?q=zzqxv", None),
    "corrected": ("?q=childern", None),
    "postcode_error": ("?postcode=ZZ99+9ZZ", "Enter a real postcode"),
    "age_error": ("?age=99", "age"),
    "distance_error": ("?postcode=CR0+1AA&distance=7", "Select a distance from the list"),
}


# --- given / when / then ----------------------------------------------------------------------


def when_they_open(page, live_site, path):
    response = page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    return response


def then_it_is_in(page, lang):
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")


def then_it_passes_axe(page, name):
    screenshot(page, name)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def site_search_form(page):
    return page.locator("form.app-search-form")


def site_search_box(page):
    return site_search_form(page).get_by_role("combobox")


def directory_form(page):
    return page.locator("form.app-directory-filters")


def then_the_type_filter_adds_up_and_each_type_shows_its_number(page):
    """The count beside "All results" is the one above the results and the sum of the types';
    choosing the first type with results shows that many results, each labelled as that type."""
    total = search_total(page)
    counts = type_filter_counts(page)
    assert counts.pop("All results") == total
    assert sum(counts.values()) == total
    chosen, number = next((kind, count) for kind, count in counts.items() if count)
    page.get_by_role("navigation", name="Filter by type").get_by_role(
        "link", name=f"{chosen} ({number})", exact=True
    ).click()
    page.wait_for_load_state()
    assert search_total(page) == number
    labels = page.locator(".app-search-result__type").all_inner_texts()
    assert labels
    assert {label.strip() for label in labels} == {RESULT_LABELS[chosen]}


# --- the site search page ---------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("state", list(SITE_SEARCH_STATES))
def test_every_state_of_the_site_search_passes_axe(page, live_site, lang, state, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    when_they_open(page, live_site, f"/{lang}/search/{SITE_SEARCH_STATES[state]}")
    then_it_is_in(page, lang)
    assert page.locator("h1").count() == 1
    then_it_passes_axe(page, f"{lang}-{viewport}-site-search-{state}")


def test_the_states_say_what_happened(page, live_site):
    when_they_open(page, live_site, "/en/search/?q=children")
    assert page.locator("#search-result-count").inner_text().endswith("results for “children”")
    assert page.locator("mark").first.is_visible()
    then_the_type_filter_adds_up_and_each_type_shows_its_number(page)

    when_they_open(page, live_site, "/en/search/?q=childern")
    assert page.get_by_text("Showing results for").is_visible()
    page.get_by_role("link", name="childern").click()
    page.wait_for_load_state()
    assert "spelling=exact" in page.url

    when_they_open(page, live_site, "/en/search/?q=zzqxv")
    assert page.get_by_role("heading", name="There are no matching results").is_visible()
    assert page.get_by_text(re.compile("Call the Family Information Service on")).is_visible()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_suggestions_list_is_an_accessible_combobox(page, live_site, lang, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    when_they_open(page, live_site, f"/{lang}/search/")
    box = site_search_box(page)
    # The start of "children" in the page's language: titles are suggested in that language.
    box.fill({"en": "chil", "ar": "الأطف"}[lang])
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    then_it_passes_axe(page, f"{lang}-{viewport}-site-search-suggestions-open")

    # Choosing fills the box and waits for the person to press Search (WCAG 3.2.2).
    first = listbox.get_by_role("option").first
    chosen = first.inner_text()
    first.click()
    assert box.input_value() == chosen
    assert "/search/?" not in page.url
    site_search_form(page).get_by_role("button").click()
    page.wait_for_load_state()
    assert "q=" in page.url


def test_search_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    when_they_open(page, live_site, "/en/search/")
    site_search_form(page).get_by_label("Search this site").fill("children")
    site_search_form(page).get_by_role("button").click()
    page.wait_for_load_state()
    assert "q=children" in page.url
    page.get_by_role("navigation", name="Filter by type").get_by_role(
        "link", name=re.compile("^Pages")
    ).click()
    page.wait_for_load_state()
    assert "type=pages" in page.url
    assert (
        page.get_by_role("link", name=re.compile(r"^Pages \(\d+\)$")).get_attribute("aria-current")
        == "page"
    )
    context.close()


def test_opening_a_result_sends_the_searchs_token(page, live_site):
    when_they_open(page, live_site, "/en/search/?q=children")
    token = page.locator("[data-opened-token]").get_attribute("data-opened-token")
    with page.expect_request(lambda request: request.url.endswith("/search/opened/")) as beacon:
        page.locator(".app-search-result a").first.click()
    assert beacon.value.method == "POST"
    assert beacon.value.post_data == token


# --- the directory's form ---------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("state", list(DIRECTORY_STATES))
def test_every_state_of_the_directory_search_passes_axe(page, live_site, lang, state, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    query, error = DIRECTORY_STATES[state]
    when_they_open(page, live_site, f"/{lang}/services/{query}")
    then_it_is_in(page, lang)
    if error and lang == "en":
        assert directory_form(page).locator(".govuk-error-message", has_text=error).is_visible()
    then_it_passes_axe(page, f"{lang}-{viewport}-directory-{state}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_directory_suggests_services_as_you_type(page, live_site, lang):
    page.set_viewport_size(VIEWPORTS["phone"])
    when_they_open(page, live_site, f"/{lang}/services/")
    # The start of a service's name in this language (the demo's names are translated).
    name = page.locator("#main-content h3 a.govuk-link").first.inner_text().strip()
    box = page.locator("#filter-q")
    box.fill(name.split()[0][:4])
    option = page.get_by_role("listbox").get_by_role("option").first
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    then_it_passes_axe(page, f"{lang}-phone-directory-suggestions-open")

    option.click()
    directory_form(page).locator('button[type="submit"]').last.click()
    page.wait_for_load_state()
    assert "q=" in page.url


def test_the_directory_says_when_it_corrected_the_spelling(page, live_site):
    when_they_open(page, live_site, "/en/services/?q=childern")
    assert page.get_by_text("Showing results for").is_visible()
    page.get_by_role("link", name="childern").click()
    page.wait_for_load_state()
    assert "spelling=exact" in page.url
    assert page.locator('input[name="spelling"]').count() == 1


def test_filter_errors_are_dark_enough_on_the_filter_panel(page, live_site):
    when_they_open(page, live_site, "/en/services/?postcode=ZZ99+9ZZ")
    colour = (
        directory_form(page)
        .locator(".govuk-error-message")
        .first.evaluate("element => getComputedStyle(element).color")
    )
    # GOV.UK's red, rgb(212, 53, 28), is 4.42:1 on the tint; the darker red is 6.3:1.
    assert colour == "rgb(170, 42, 22)"
