"""A parent on a phone finds free Saturday services near them, and the directory passes axe."""

import re

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.reading import directory_showing, directory_total

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DIRECTORY = "/{lang}/services/"
POSTCODE = "CR0 1AA"
AGE = "3"


# --- given / when / then ----------------------------------------------------------------------


def given_a_parent_on_a_phone(page, live_site):
    page.set_viewport_size(PHONE)
    response = page.goto(live_site + DIRECTORY.format(lang="en"))
    assert response.status == 200
    return page


def search_form(page):
    return page.get_by_role("search", name="Search")


def when_they_search_near_home_for_their_child(page):
    form = search_form(page)
    form.get_by_label("Postcode", exact=True).fill(POSTCODE)
    form.get_by_label("Distance from the postcode").select_option("10")
    form.get_by_label("Child's age").select_option(AGE)
    form.get_by_role("button", name="Search").click()
    page.wait_for_load_state()


def result_names(page):
    return page.locator("li.app-service-result").locator("h2, h3").all_inner_texts()


def when_they_go_to_the_next_page(page):
    pagination = page.get_by_role("navigation", name="Results pages")
    pagination.get_by_role("link", name=re.compile("Next")).click()
    page.wait_for_load_state()


def when_they_ask_for_free_services_open_on_saturday(page):
    form = search_form(page)
    if form.get_by_label(re.compile("^Free only")).is_hidden():
        form.get_by_text("More filters").click()
    form.get_by_label(re.compile("^Free only")).check()
    form.get_by_label("Open on", exact=True).select_option("sat")
    form.get_by_role("button", name="Search").click()
    page.wait_for_load_state()


def when_they_sort_by(page, name):
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def distances(page):
    texts = page.locator(
        "li.app-service-result dd", has_text=re.compile(r"miles?\b")
    ).all_inner_texts()
    return [float(re.match(r"(?:Less than )?([\d.]+)", text).group(1)) for text in texts]


def then_the_count_agrees_with_the_list(page, names, first=1):
    """The count above the results agrees with the list, which returns it: `names` are results
    `first` onwards, as "Showing … to … of …" says when there is more than one page."""
    total = directory_total(page)
    showing = directory_showing(page)
    if showing is None:
        assert (first, len(names)) == (1, total), "one page of results, but not all of them"
    else:
        assert showing == (first, first + len(names) - 1, total)
    return total


def then_the_url_holds(page, expected):
    for name, value in expected.items():
        assert re.search(rf"[?&]{name}={re.escape(value)}(&|$|#)", page.url), (name, page.url)


# --- the journey --------------------------------------------------------------------------------


def test_a_parent_finds_free_saturday_services_near_home_and_reports_a_problem(page, live_site):
    given_a_parent_on_a_phone(page, live_site)
    # Mobile first: the search form comes before the results on a narrow screen.
    form_box = search_form(page).bounding_box()
    results_box = page.get_by_role("heading", name="Results").bounding_box()
    assert form_box["y"] < results_box["y"]

    when_they_search_near_home_for_their_child(page)
    then_the_url_holds(page, {"postcode": "CR0+1AA", "age": AGE, "distance": "10"})
    first_page = result_names(page)
    nearby = then_the_count_agrees_with_the_list(page, first_page)
    assert len(first_page) < nearby, "the demo has more than a page of services for this search"
    assert distances(page) == sorted(distances(page))  # nearest first

    when_they_go_to_the_next_page(page)
    then_the_url_holds(page, {"page": "2"})
    second_page = result_names(page)
    assert second_page
    assert then_the_count_agrees_with_the_list(page, second_page, len(first_page) + 1) == nearby
    assert not set(second_page) & set(first_page)
    page.go_back()
    assert result_names(page) == first_page  # the back button works: filters live in the URL

    when_they_ask_for_free_services_open_on_saturday(page)
    then_the_url_holds(page, {"free": "1", "day": "sat", "postcode": "CR0+1AA"})
    found = result_names(page)
    assert found
    assert then_the_count_agrees_with_the_list(page, found) < nearby  # the filters kept fewer
    for fact in page.locator("li.app-service-result").all():
        assert "Free" in fact.inner_text()
    screenshot(page, "phone-directory-free-saturday")

    when_they_sort_by(page, "Name (A to Z)")
    assert result_names(page) == sorted(result_names(page), key=str.lower)
    when_they_sort_by(page, "Distance")
    assert distances(page) == sorted(distances(page))

    service_name = result_names(page)[0]
    page.get_by_role("link", name=service_name, exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == service_name
    assert page.get_by_role("table").first.is_visible()  # the opening times
    assert page.get_by_text(re.compile(r"^Last checked: ")).is_visible()

    page.get_by_text("Report a problem with this listing").click()
    page.get_by_label("The opening times are wrong").check()
    page.get_by_label("Tell us what is wrong").fill("The Saturday session now starts at 10:30.")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Report sent").is_visible()
    screenshot(page, "phone-report-sent")


def test_the_shortlist_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_site + DIRECTORY.format(lang="en") + f"?postcode={POSTCODE}")
    first = result_names(page)[0]
    page.get_by_role("button", name=re.compile(rf"^Add to shortlist\W+{re.escape(first)}$")).click()
    assert page.get_by_role(
        "button", name=re.compile(rf"^Remove from shortlist\W+{re.escape(first)}$")
    ).is_visible()
    page.get_by_role("link", name=re.compile(r"Your shortlist \(1 service\)")).click()
    assert result_names(page) == [first]
    link = page.get_by_label("Link to this shortlist").input_value()
    assert "?ids=" in link

    stranger = browser.new_context(java_script_enabled=False).new_page()
    stranger.goto(link)
    assert result_names(stranger) == [first]
    stranger.context.close()
    context.close()


# --- accessibility ------------------------------------------------------------------------------

AXE_PAGES = {
    "directory": "/{lang}/services/",
    "results": f"/{{lang}}/services/?postcode=CR0+1AA&age={AGE}&free=1",
    "no_results": "/{lang}/services/?age=25&day=sun&free=1&q=zebra",
    "errors": "/{lang}/services/?age=abc&postcode=%3Cb%3E",
}


@pytest.mark.parametrize("lang", ["en", "ar", "ur"])
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_directory_pages_pass_axe(page, live_site, name, lang):
    response = page.goto(live_site + AXE_PAGES[name].format(lang=lang))
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang in ("ar", "ur") else "ltr")
    if name == "no_results":
        assert page.locator("li.app-service-result").count() == 0
    # Open "More filters" (its summary is translated), so axe checks the filters inside too.
    more_filters = page.locator("details.app-more-filters")
    if more_filters.get_attribute("open") is None:
        more_filters.locator("summary").click()
    screenshot(page, f"{lang}-directory-{name}")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("lang", ["en", "ar", "ur"])
def test_service_page_and_shortlist_pass_axe(page, live_site, lang):
    page.goto(live_site + DIRECTORY.format(lang=lang))
    first = page.locator("li.app-service-result h3 a").first
    first.click()
    page.wait_for_load_state()
    page.locator("details#report summary").click()
    screenshot(page, f"{lang}-service-page")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)

    page.locator("form.app-shortlist-form button").first.click()
    page.wait_for_load_state()
    page.goto(live_site + f"/{lang}/directory/shortlist/")
    assert page.locator("li.app-service-result").count() == 1
    screenshot(page, f"{lang}-shortlist")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
