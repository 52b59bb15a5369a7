"""What the consultation browser tests share: the demo's addresses, manage.py on the live site,
an admin sign-in, and the checks every page state gets (language, direction, axe)."""

import json
import secrets
import subprocess
import sys

from tests.browser.conftest import ROOT, axe_violations, screenshot

PHONE = {"width": 390, "height": 844}
RIGHT_TO_LEFT = ("ar", "ur")

# The demo consultations (consultations/demo/): one open, one closed, the same slugs in Arabic.
INDEX = "/{lang}/consultations/"
OPEN_CONSULTATION = INDEX + "working-in-partnership-with-parents-and-carers/"
CLOSED_CONSULTATION = INDEX + "giving-children-the-best-start-in-life/"
PRE_MODERATED_BOARD = OPEN_CONSULTATION + "keeping-you-informed/"
POST_MODERATED_BOARD = OPEN_CONSULTATION + "having-your-say/"
CLOSED_BOARD = CLOSED_CONSULTATION + "maternity-services/"
# An idea on the pre-moderated board with published comments and a response.
IDEA_WITH_COMMENTS = "A WhatsApp broadcast list for each centre"


def manage_shell(env, code):
    """Run Python in `manage.py shell` against the live site's database; what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def make_editor(env, username):
    """A member of Wagtail's "Editors" group, as a council's web editor is: (username, password)."""
    password = secrets.token_urlsafe(16)
    manage_shell(
        env,
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        f"user, _ = get_user_model().objects.get_or_create(username={username!r})\n"
        f"user.set_password({password!r})\n"
        "user.save()\n"
        "user.groups.add(Group.objects.get(name='Editors'))\n",
    )
    return username, password


# Wagtail's own "Show filters" button (wagtailadmin/shared/headers/slim_header.html) shows the
# number of active filters beside its aria-label, which axe reports on every filtered listing in
# the admin: Wagtail's markup, not our reports'.
WAGTAIL_FILTER_BUTTON = "label-content-name-mismatch (serious)"
WAGTAIL_FILTER_BUTTON_TARGET = "at .w-slim-header-action-button"


def admin_axe_violations(page):
    """axe's violations on an admin listing, less the one Wagtail's filter button brings."""
    return [
        violation
        for violation in axe_violations(page)
        if not (
            violation.startswith(WAGTAIL_FILTER_BUTTON)
            and violation.endswith(WAGTAIL_FILTER_BUTTON_TARGET)
        )
    ]


def board_ids(env):
    """Every live ideas board's page id, by language and slug: {"en": {"maternity-services": 7}}."""
    code = (
        "import json\n"
        "from consultations.models import IdeasBoardPage\n"
        "boards = IdeasBoardPage.objects.live().select_related('locale')\n"
        "found = {}\n"
        "for board in boards:\n"
        "    found.setdefault(board.locale.language_code, {})[board.slug] = board.pk\n"
        "print(json.dumps(found))\n"
    )
    return json.loads(manage_shell(env, code).strip().splitlines()[-1])


def ideas_titled(env, title):
    """How many ideas with this title are stored, whatever their status."""
    code = (
        "from consultations.models import Idea\n"
        f"print(Idea.objects.filter(title={title!r}).count())\n"
    )
    return int(manage_shell(env, code).strip().splitlines()[-1])


def create_consultation_moderator(env, username, password):
    """A staff account in the "Consultation moderators" group (no page rights, no superuser)."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        f"user, _ = get_user_model().objects.get_or_create(username={username!r})\n"
        "user.is_staff = True\n"
        "user.is_superuser = False\n"
        f"user.email = {username + '@example.gov.uk'!r}\n"
        f"user.set_password({password!r})\n"
        "user.save()\n"
        "user.groups.add(Group.objects.get(name='Consultation moderators'))\n"
    )
    manage_shell(env, code)


def sign_in_to_admin(page, live_site, username, password):
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "/admin/login/" not in page.url, "the moderator could not sign in"


def then_the_page_is_in(page, lang):
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang in RIGHT_TO_LEFT else "ltr")


def then_it_passes_axe(page, name):
    """Zero WCAG 2.2 AA violations; a full-page screenshot either way, to look at afterwards."""
    screenshot(page, name)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def then_it_passes_axe_without_javascript(page, name):
    """The same check for a page in a context with JavaScript off.

    axe cannot run there (the page's timers never fire), so the page as that context received
    it is given to a second tab, with scripts on for axe but the site's own scripts blocked, so
    the markup checked is the markup a reader without JavaScript gets.
    """
    screenshot(page, name)
    html, url = page.content(), page.url
    context = page.context.browser.new_context(bypass_csp=True)
    checker = context.new_page()
    checker.route("**/*.js", lambda route: route.abort())
    checker.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    checker.goto(url)
    violations = axe_violations(checker)
    context.close()
    assert violations == [], "\n".join(violations)


def error_summary_has_focus(page):
    return page.evaluate(
        "() => document.activeElement?.classList.contains('govuk-error-summary') ?? false"
    )
