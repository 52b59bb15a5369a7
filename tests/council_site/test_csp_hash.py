"""The one inline script is allowed by its sha256 in the policy: editing it means a new hash."""

import base64
import hashlib
import re

import pytest
from django.conf import settings

from tests.conftest import in_ci

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def _csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def test_the_policy_lists_the_hash_of_the_inline_script_the_page_sends(client, home_page):
    response = client.get("/en/")
    scripts = INLINE_SCRIPT.findall(response.content.decode())
    assert len(scripts) == 1, scripts
    script_src = next(
        part
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src ")
    )
    # The browser hashes the exact text between the tags: a changed space is a blocked script.
    assert _csp_hash(scripts[0]) in script_src.split()


def test_the_inline_script_is_gov_uk_frontends_own():
    # GOV.UK Frontend publishes this hash for its snippet; a new release that changes the
    # snippet fails here rather than in readers' browsers.
    template = settings.BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
    template = template / "template.njk"
    if not template.exists():
        message = f"govuk-frontend is not installed ({template} is missing): run `npm ci`."
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    ours = INLINE_SCRIPT.findall((settings.BASE_DIR / "templates" / "base.html").read_text())
    theirs = INLINE_SCRIPT.findall(template.read_text())
    assert ours == theirs
