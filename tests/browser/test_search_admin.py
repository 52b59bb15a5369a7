"""An editor reads the search terms report and keeps the synonym sets, in a real browser, with
axe (WCAG 2.2 AA) on each state: the report, one language of it, and a refused synonym set."""

import pytest

from tests.browser.conftest import screenshot
from tests.browser.consultations_support import (
    admin_axe_violations,
    make_editor,
    manage_shell,
    sign_in_to_admin,
)

pytestmark = pytest.mark.browser

REPORT = "/admin/reports/search-terms/"
ADD_SYNONYMS = "/admin/search/synonyms/new/"


@pytest.fixture(scope="module")
def editor(live_site, live_site_env):
    """A member of Wagtail's "Editors" group, which the search migrations give the report."""
    return make_editor(live_site_env, "browser-search-editor")


@pytest.fixture(scope="module")
def searches(live_site, live_site_env):
    """Families' searches, counted as the results page counts them."""
    manage_shell(
        live_site_env,
        "from search.insight import record_search\n"
        "for _ in range(5): record_search('en', 'kids activities weekend', 0)\n"
        "for _ in range(4): record_search('en', 'swiming lessons', 3)\n"
        "for _ in range(6): record_search('en', 'nursery funding', 8)\n"
        "record_search('en', 'call me on 07700 900123', 0)\n"
        "for _ in range(3): record_search('pl', 'żłobek', 0)\n",
    )


def given_an_editor_signed_in(browser, live_site, editor):
    page = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}).new_page()
    sign_in_to_admin(page, live_site, *editor)
    assert "/admin/login/" not in page.url, "the editor could not sign in"
    return page


def when_they_open(page, live_site, path):
    page.goto(live_site + path)
    page.wait_for_load_state()


def then_it_passes_axe(page, name):
    """Zero WCAG 2.2 AA violations, but for Wagtail's filter button (above)."""
    screenshot(page, name)
    violations = admin_axe_violations(page)
    assert violations == [], "\n".join(violations)


def table_under(page, heading):
    return page.get_by_role("region", name=heading).get_by_role("table")


def test_an_editor_reads_what_families_searched_for(browser, live_site, editor, searches):
    page = given_an_editor_signed_in(browser, live_site, editor)
    when_they_open(page, live_site, REPORT)
    assert page.get_by_role("heading", name="Search terms", level=1).is_visible()
    assert page.get_by_role("heading", name="Searches over time").is_visible()
    nothing_found = table_under(page, "Searches that found nothing")
    assert nothing_found.get_by_role("rowheader", name="kids activities weekend").is_visible()
    unopened = table_under(page, "Searches whose results nobody opened")
    assert unopened.get_by_role("rowheader", name="swiming lessons").is_visible()
    assert page.get_by_text("[personal details removed]").first.is_visible()
    assert page.get_by_text("07700").count() == 0
    then_it_passes_axe(page, "search-terms-report")

    when_they_open(page, live_site, REPORT + "?language=pl&period=7")
    assert (
        table_under(page, "Searches that found nothing")
        .get_by_role("rowheader", name="żłobek")
        .is_visible()
    )
    assert page.get_by_text("kids activities weekend").count() == 0
    then_it_passes_axe(page, "search-terms-report-polish")


def test_an_editor_is_told_why_a_synonym_set_was_refused(browser, live_site, editor):
    page = given_an_editor_signed_in(browser, live_site, editor)
    when_they_open(page, live_site, ADD_SYNONYMS)
    assert page.get_by_text("All the words and phrases in a set find each other").is_visible()
    terms = page.get_by_role("textbox", name="Words and phrases")
    terms.fill("Childminder")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state()
    assert page.get_by_text("Give at least two words or phrases.").is_visible()
    assert terms.input_value() == "Childminder"
    then_it_passes_axe(page, "synonym-set-refused")
