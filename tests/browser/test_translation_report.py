"""An editor finds what needs translating from the dashboard, in a real browser, with axe
(WCAG 2.2 AA) on the dashboard, the whole report and one language's work."""

import secrets

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.consultations_support import manage_shell, sign_in_to_admin

pytestmark = pytest.mark.browser

REPORT = "/admin/reports/translations-to-do/"
# Wagtail's own "Show filters" button shows the number of active filters beside its
# aria-label, which axe reports on every filtered listing in the admin (as in
# tests/browser/test_search_admin.py): Wagtail's markup, not this report's.
WAGTAIL_FILTER_BUTTON = "label-content-name-mismatch (serious)"
WAGTAIL_FILTER_BUTTON_TARGET = "at .w-slim-header-action-button"


@pytest.fixture(scope="module")
def editor(live_site, live_site_env):
    """A member of Wagtail's "Editors" group, as a council's web editor would be."""
    username, password = "browser-translation-editor", secrets.token_urlsafe(16)
    manage_shell(
        live_site_env,
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        f"user, _ = get_user_model().objects.get_or_create(username={username!r})\n"
        f"user.set_password({password!r})\n"
        "user.save()\n"
        "user.groups.add(Group.objects.get(name='Editors'))\n",
    )
    return username, password


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
    violations = [
        violation
        for violation in axe_violations(page)
        if not (
            violation.startswith(WAGTAIL_FILTER_BUTTON)
            and violation.endswith(WAGTAIL_FILTER_BUTTON_TARGET)
        )
    ]
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
