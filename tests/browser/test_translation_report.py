"""An editor finds what needs translating from the dashboard, in a real browser, with axe
(WCAG 2.2 AA) on the dashboard, the whole report and one language's work."""

import pytest

from tests.browser.conftest import screenshot
from tests.browser.consultations_support import (
    admin_axe_violations,
    make_editor,
    sign_in_to_admin,
)

pytestmark = pytest.mark.browser

REPORT = "/admin/reports/translations-to-do/"


@pytest.fixture(scope="module")
def editor(live_site, live_site_env):
    """A member of Wagtail's "Editors" group, as a council's web editor would be."""
    return make_editor(live_site_env, "browser-translation-editor")


def given_an_editor_signed_in(browser, live_site, editor):
    page = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}).new_page()
    sign_in_to_admin(page, live_site, *editor)
    return page


def when_they_open(page, live_site, path):
    page.goto(live_site + path)
    page.wait_for_load_state()


def then_it_passes_axe(page, name):
    """Zero WCAG 2.2 AA violations, but for Wagtail's filter button (above)."""
    screenshot(page, name)
    violations = admin_axe_violations(page)
    assert violations == [], "\n".join(violations)


def test_an_editor_goes_from_the_dashboard_to_what_needs_translating(browser, live_site, editor):
    page = given_an_editor_signed_in(browser, live_site, editor)
    when_they_open(page, live_site, "/admin/")
    panel = page.get_by_role("table").filter(has_text="Pages and snippets that need work")
    assert panel.get_by_role("rowheader", name="Polish").is_visible()
    then_it_passes_axe(page, "dashboard-translations")

    panel.get_by_role("link", name="(Polish)").click()
    page.wait_for_load_state()
    assert "language=pl" in page.url
    assert page.get_by_role("heading", name="Translations to do", level=1).is_visible()
    chart = page.get_by_role("figure", name="Translation state by language")
    assert chart.get_by_role("rowheader", name="Arabic").is_visible()
    # Filtered to Polish work: every row in the listing is Polish and none is up to date.
    listing = page.locator("table.listing").last
    rows = listing.locator("tbody tr")
    assert rows.count() > 0
    assert listing.get_by_text("Up to date", exact=True).count() == 0
    assert listing.get_by_role("cell", name="Arabic", exact=True).count() == 0
    then_it_passes_axe(page, "translation-report-polish")

    when_they_open(page, live_site, REPORT)
    assert page.get_by_role("heading", name="Translations to do", level=1).is_visible()
    then_it_passes_axe(page, "translation-report")
