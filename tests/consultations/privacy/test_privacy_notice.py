"""The privacy notice says what consultations keep, for how long, and how to have it erased."""

import re

from home.demo_loader import content

PRIVACY_PAGE = next(
    page for page in content.read(content.SITE)["pages"] if page["slug"] == "privacy-notice"
)


def notice_text():
    html = " ".join(
        block["value"]["text"] if block["type"] == "heading" else block["value"]
        for block in PRIVACY_PAGE["body"]
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_privacy_notice_lists_what_an_idea_keeps():
    text = notice_text()
    for kept in ("what you wrote", "the theme you chose", "young person", "the area you gave"):
        assert kept in text
    assert "the language you wrote in" in text


def test_privacy_notice_says_names_and_emails_are_optional_apart_and_never_published():
    text = notice_text()
    assert "Your name and email address are optional" in text
    assert "we keep them apart from your idea, and we never publish them" in text
    assert "only after you have confirmed it" in text


def test_privacy_notice_explains_supports_without_personal_data():
    assert "cookie" in notice_text()
    assert "no personal information" in notice_text()


def test_privacy_notice_gives_the_retention_period_and_how_to_ask_for_erasure():
    text = notice_text()
    assert "We remove names and email addresses from a consultation 2 years after it closes" in text
    assert "A consultation may set a different period" in text
    assert "stay on the website as the public record" in text
    assert "tell us the email address you gave with them" in text
    assert "dataprotection@example.gov.uk" in text
