"""A parent on a phone posts an idea; a moderator publishes it; others support, comment and
report it; the council responds; and a closed consultation shows what it did.

The server's clock cannot be moved, so closing is shown on the demo's closed consultation.
"""

import re
import secrets

import pytest

from tests.browser.conftest import screenshot
from tests.browser.consultations_support import (
    CLOSED_BOARD,
    CLOSED_CONSULTATION,
    PHONE,
    PRE_MODERATED_BOARD,
    board_ids,
    create_consultation_moderator,
    ideas_titled,
    sign_in_to_admin,
    then_the_page_is_in,
)

pytestmark = pytest.mark.browser

CONSULTATION_TITLE = "Working in partnership with parents and carers"
BOARD_TITLE = "Keeping you informed and involved"
# Shares "cancelled" and "session" with a published idea, so similar ideas appear as they type.
IDEA_TITLE = "Text us the morning a session is cancelled"
IDEA_DESCRIPTION = (
    "A text message before we leave home would save a long walk with a pushchair to a locked "
    "door. Grandparents who bring children would get it too."
)
SIMILAR_PUBLISHED_IDEA = "Tell us when a session is cancelled"
RESPONSE = "From next month each centre texts families by 8am when a session is cancelled."


@pytest.fixture(scope="module")
def moderator(live_site, live_site_env):
    """A member of "Consultation moderators": the queue and ideas, no page or superuser rights."""
    username, password = "browser-moderator", secrets.token_urlsafe(16)
    create_consultation_moderator(live_site_env, username, password)
    return username, password


# --- given / when / then ----------------------------------------------------------------------


def given_a_resident_on_a_phone(browser):
    context = browser.new_context(bypass_csp=True, viewport=PHONE, locale="en-GB")
    return context.new_page()


def given_a_moderator_signed_in(browser, live_site, moderator):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in_to_admin(page, live_site, *moderator)
    return page


def when_they_follow(page, name, role="link"):
    page.get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state()


def when_they_post_an_idea(page):
    page.get_by_label("Your idea in a sentence").fill(IDEA_TITLE)
    # With JavaScript, similar ideas appear under the title while they type.
    similar = page.locator("[data-similar-results]")
    similar.get_by_role("link", name=SIMILAR_PUBLISHED_IDEA).wait_for()
    assert similar.is_visible()
    page.get_by_label("Tell us more").fill(IDEA_DESCRIPTION)
    page.get_by_label("News and information").check()
    page.get_by_role("group", name="I am…").get_by_label("A parent or carer").check()
    page.get_by_label("Your area (optional)").fill("cr0 1aa")
    page.get_by_label(re.compile("^I have read the privacy notice")).check()
    screenshot(page, "phone-consultation-post-idea")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    # Without the live list (or if it came too late) the server asks once more: post it anyway.
    if page.get_by_role("heading", name="Is your idea already here?").is_visible():
        page.get_by_role("button", name="Post my idea").click()
        page.wait_for_load_state()


def when_the_moderator_opens_the_queue(page):
    page.get_by_role("button", name="Consultations").click()
    page.get_by_role("link", name=re.compile(r"^Moderation queue")).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Moderation queue", level=1).is_visible()


def queue_row(page, title):
    return page.locator("tr[data-queue-item]").filter(has_text=title)


def when_the_moderator_responds(page, title, status, text):
    page.get_by_role("button", name="Consultations").click()
    page.get_by_role("link", name="Ideas", exact=True).click()
    page.wait_for_load_state()
    page.get_by_role("textbox", name="Search term").fill(title)
    page.keyboard.press("Enter")
    page.get_by_role("link", name=title, exact=True).click()
    page.wait_for_load_state()
    page.get_by_label("What happened").select_option(label=status)
    page.get_by_label("Our response").fill(text)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()


def support_count(page):
    text = page.locator(".app-support__count").first.inner_text()
    return int(re.search(r"\d+", text).group())


# --- the journey --------------------------------------------------------------------------------


def test_an_idea_is_posted_moderated_supported_commented_reported_and_answered(
    browser, live_site, moderator
):
    resident = given_a_resident_on_a_phone(browser)
    resident.goto(live_site + "/en/")
    have_your_say = resident.get_by_role("region", name="Have your say")
    have_your_say.get_by_role("link", name=CONSULTATION_TITLE).click()
    resident.wait_for_load_state()
    assert resident.get_by_role("heading", level=1).inner_text() == CONSULTATION_TITLE
    when_they_follow(resident, BOARD_TITLE)
    when_they_follow(resident, "Post an idea", role="button")
    then_the_page_is_in(resident, "en")

    when_they_post_an_idea(resident)
    assert resident.get_by_role("heading", name="We have your idea").is_visible()
    assert resident.get_by_role("heading", name="What happens next").is_visible()
    assert resident.get_by_text(re.compile(r"within 2 working days")).is_visible()
    screenshot(resident, "phone-consultation-idea-posted")
    when_they_follow(resident, "Back to the ideas")
    # Pre-moderated: nobody sees it until a moderator has read it.
    assert resident.get_by_role("link", name=IDEA_TITLE).count() == 0
    resident.context.close()

    staff = given_a_moderator_signed_in(browser, live_site, moderator)
    when_the_moderator_opens_the_queue(staff)
    row = queue_row(staff, IDEA_TITLE)
    assert row.count() == 1
    assert "cr0 1aa" not in row.inner_text().lower()  # only the district was kept
    row.get_by_role("button", name="Approve").click()
    staff.wait_for_load_state()
    assert staff.get_by_text("1 item approved.").is_visible()
    assert queue_row(staff, IDEA_TITLE).count() == 0

    # Someone else, on another phone, finds it published and supports it.
    neighbour = given_a_resident_on_a_phone(browser)
    neighbour.goto(live_site + PRE_MODERATED_BOARD.format(lang="en"))
    neighbour.get_by_role("link", name=IDEA_TITLE).click()
    neighbour.wait_for_load_state()
    assert neighbour.get_by_role("heading", level=1).inner_text() == IDEA_TITLE
    assert neighbour.get_by_text("From a parent or carer in CR0").is_visible()
    before = support_count(neighbour)
    neighbour.get_by_role("button", name=f"Support {IDEA_TITLE}").click()
    neighbour.wait_for_load_state()
    assert support_count(neighbour) == before + 1
    assert neighbour.get_by_text("You support this idea").is_visible()
    assert neighbour.get_by_role("button", name=f"Support {IDEA_TITLE}").count() == 0
    neighbour.reload()
    assert support_count(neighbour) == before + 1  # counted once, remembered

    neighbour.get_by_label("Your comment").fill("Yes, and the same for the holiday clubs.")
    neighbour.get_by_role("group", name="I am…").get_by_label("A parent or carer").check()
    neighbour.get_by_role("button", name="Send comment").click()
    neighbour.wait_for_load_state()
    assert neighbour.get_by_text(re.compile("Thank you for your comment")).is_visible()

    neighbour.get_by_role("link", name="Report this idea").click()
    neighbour.wait_for_load_state()
    neighbour.get_by_label("It shares someone's personal details").check()
    neighbour.get_by_label("Tell us more (optional)").fill("Please check it names no one.")
    neighbour.get_by_role("button", name="Send report").click()
    neighbour.wait_for_load_state()
    assert neighbour.get_by_role("heading", name="Thank you for telling us").is_visible()
    screenshot(neighbour, "phone-consultation-report-sent")

    # The report and the comment are now in front of the moderator.
    staff.reload()
    row = queue_row(staff, IDEA_TITLE)
    assert row.count() >= 1
    assert "Please check it names no one." in staff.locator("#moderation-queue-form").inner_text()

    when_the_moderator_responds(staff, IDEA_TITLE, "Taken forward", RESPONSE)
    staff.context.close()

    neighbour.get_by_role("link", name="Back to the idea").click()
    neighbour.wait_for_load_state()
    assert neighbour.get_by_role("heading", name="You said, we did").is_visible()
    assert neighbour.get_by_text("Taken forward", exact=True).is_visible()
    assert neighbour.get_by_text(RESPONSE).is_visible()
    screenshot(neighbour, "phone-consultation-idea-answered")
    neighbour.context.close()


def test_a_closed_consultation_shows_what_happened_and_takes_nothing_new(
    browser, live_site, live_site_env
):
    page = given_a_resident_on_a_phone(browser)
    page.goto(live_site + CLOSED_CONSULTATION.format(lang="en"))
    assert page.get_by_role("heading", name="This consultation has closed").is_visible()
    you_said = page.get_by_role("region", name="You said, we did")
    assert you_said.get_by_role("heading", name="Maternity services").is_visible()
    assert you_said.get_by_text("Taken forward").count() > 0
    assert you_said.get_by_role("table").is_visible()  # received, published, not published
    screenshot(page, "phone-consultation-closed")

    page.goto(live_site + CLOSED_BOARD.format(lang="en"))
    assert page.get_by_text(re.compile(r"^This board has closed\.")).is_visible()
    assert page.get_by_role("button", name="Post an idea").count() == 0
    assert page.get_by_role("button", name=re.compile("^Support")).count() == 0
    assert page.locator("li.app-idea").count() > 0  # the ideas can still be read

    # Straight to the closed board's form address (an old link): it says the board has closed.
    closed_board = board_ids(live_site_env)["en"]["maternity-services"]
    post_url = live_site + f"/en/consultations/boards/{closed_board}/post/"
    response = page.goto(post_url)
    assert response.status == 403
    assert page.get_by_role("heading", name="This board has closed", level=1).is_visible()
    screenshot(page, "phone-consultation-board-closed")

    # And an idea posted to it anyway, with a valid form token, is refused and not stored.
    page.goto(live_site + PRE_MODERATED_BOARD.format(lang="en"))
    page.get_by_role("button", name="Post an idea").click()
    page.wait_for_load_state()
    token = page.locator("input[name='csrfmiddlewaretoken']").input_value()
    refused = page.request.post(
        post_url,
        form={
            "csrfmiddlewaretoken": token,
            "step": "confirm",
            "title": "Too late for the maternity board",
            "description": "Posted after the close.",
            "respondent_type": "parent_carer",
            "consent": "on",
        },
    )
    assert refused.status == 403
    assert "This board has closed" in refused.text()
    assert "Too late for the maternity board" in refused.text()  # their words, shown back
    assert ideas_titled(live_site_env, "Too late for the maternity board") == 0
    page.context.close()
