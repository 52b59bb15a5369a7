"""Moving between languages: the switcher, the sitemap's alternates, and no language cookie."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def switcher_links(html):
    """Language code -> href of the language switcher's links."""
    nav = re.search(r'<nav class="app-language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'href="([^"]*)" lang="([^"]+)"', nav)
    }


def head_alternates(html):
    return dict(re.findall(r'hreflang="([^"]+)" href="([^"]*)">', html))


@pytest.fixture
def guidance(home_page, arabic_home_page, locales):
    """An English section translated into Arabic, with a page in it that is English only."""
    section = ContentPageFactory(parent=home_page, title="Help for families", slug="help")
    arabic_section = section.copy_for_translation(locales["ar"])
    arabic_section.title = "مساعدة للعائلات"
    arabic_section.save_revision().publish()
    untranslated = ContentPageFactory(parent=section, title="Short breaks", slug="short-breaks")
    return section, arabic_section, untranslated


def test_switcher_goes_to_the_same_page_in_the_other_language(client, guidance):
    section, arabic_section, _untranslated = guidance

    links = switcher_links(client.get(section.url).content.decode())

    assert links["ar"] == arabic_section.url == "/ar/help/"
    assert links["en"] == "/en/help/"


def test_switcher_goes_to_the_nearest_translated_ancestor_and_says_so(client, guidance):
    _section, arabic_section, untranslated = guidance

    html = client.get(untranslated.url).content.decode()
    links = switcher_links(html)

    assert links["ar"] == f"{arabic_section.url}?from=untranslated"
    # Nothing is in Polish here, not even the home page: the link keeps the page's address.
    assert links["pl"] == "/pl/help/short-breaks/"
    # hreflang alternates name only real translations of this page.
    assert "ar" not in head_alternates(html)
    assert head_alternates(html)["en"] == untranslated.url


def test_arriving_from_an_untranslated_page_shows_a_notice_in_the_new_language(client, guidance):
    _section, arabic_section, _untranslated = guidance

    arrived = client.get(f"{arabic_section.url}?from=untranslated").content.decode()
    plain = client.get(arabic_section.url).content.decode()

    assert 'id="untranslated-notice-title"' in arrived
    assert 'id="untranslated-notice-title"' not in plain
    notice = re.search(r'class="govuk-notification-banner__heading">\s*(.*?)\s*</p>', arrived, re.S)
    # Arabic words from the site's catalogue, with the language named in Arabic.
    assert notice is not None
    assert "العربية" in notice.group(1) or "عربي" in notice.group(1)


def test_arriving_with_any_other_from_value_shows_no_notice(client, guidance):
    _section, arabic_section, _untranslated = guidance

    for value in ["<script>", "x" * 5000, "untranslated\x00"]:
        response = client.get(arabic_section.url, {"from": value})
        assert response.status_code == 200
        assert b"untranslated-notice-title" not in response.content


def test_sitemap_names_each_pages_translations_as_hreflang_alternates(client, guidance):
    section, arabic_section, untranslated = guidance

    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own sitemap)

    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    expected = {
        "en": f"http://testserver{section.url}",
        "ar": f"http://testserver{arabic_section.url}",
        "x-default": f"http://testserver{section.url}",
    }
    assert entries[f"http://testserver{section.url}"] == expected
    assert entries[f"http://testserver{arabic_section.url}"] == expected
    # A page with no translation names no alternates.
    assert entries[f"http://testserver{untranslated.url}"] == {}


def test_sitemap_alternates_follow_the_address_the_reader_used(client, guidance):
    section, _arabic_section, _untranslated = guidance

    content = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").content.decode()

    assert f'hreflang="en" href="http://127.0.0.1:8000{section.url}"' in content


def test_choosing_a_language_sets_no_cookie_and_the_address_keeps_the_choice(client, guidance):
    """The chosen language lives in the address (/ar/...), not in a cookie: every link on an
    Arabic page stays in /ar/, and nothing is stored on the reader's device."""
    section, _arabic_section, _untranslated = guidance

    english = client.get(section.url)
    arabic = client.get(switcher_links(english.content.decode())["ar"])

    assert settings.LANGUAGE_COOKIE_NAME not in english.cookies
    assert settings.LANGUAGE_COOKIE_NAME not in arabic.cookies
    assert not arabic.cookies
    html = arabic.content.decode()
    assert re.search(r'href="([^"]+)" class="app-header__home-link"', html).group(1) == "/ar/"
    assert re.search(r'class="app-header__search" action="([^"]+)"', html).group(1) == "/ar/search/"


def test_the_site_root_follows_the_browsers_language(client, arabic_home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
