"""The demo in Polish and Arabic: no unmarked English, and search finds translated services.

Issue 10's promise to a parent reading Polish or Arabic: every demo page's visible text is in
their language except the parts marked lang="en". The demo content is loaded once for the
module with its Polish and Arabic translations (home/demo_content/translations/), in a
transaction rolled back at the end; each test runs in a savepoint inside it.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment

from home.demo_content.translations import catalogue
from tests.search.corpus import CORPUS, TOP, hit, result_slugs

LANGUAGES = ("pl", "ar")
# "Longer than a few words": shorter strings (a name, "Early years") may rightly read the same
# in a translation.
MIN_WORDS = 5

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_in_languages")]


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site in English, Polish and Arabic, for every test of the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--languages", ",".join(LANGUAGES), verbosity=0)
        urls = {
            language: sorted(
                page.url
                for page in Page.objects.live()
                .filter(locale__language_code=language, depth__gt=1)
                .specific()
            )
            for language in LANGUAGES
        }
        directories = {
            page.locale.language_code: page.url
            for page in Page.objects.live()
            .filter(slug="services", depth=3)
            .select_related("locale")
        }
        english = _english_source_strings()
        yield {"urls": urls, "english": english, "directories": directories}
        transaction.set_rollback(True)


def _english_source_strings():
    """Every English string of the demo's pages and snippets worth checking for, by language.

    A string the translators kept as it is (a law's title, a programme's name) is left out for
    that language: it is meant to be there.
    """
    texts = {}  # plain text -> the segment as stored (the catalogues' msgid)
    for data in StringSegment.objects.filter(source__locale__language_code="en").values_list(
        "string__data", flat=True
    ):
        text = _plain(data)
        if len(text.split()) >= MIN_WORDS:
            texts[text] = data
    return {
        language: sorted(
            text
            for text, data in texts.items()
            if text not in _plain(catalogue(language).get(data, ""))
        )
        for language in LANGUAGES
    }


def _plain(html):
    """Text without tags or extra spaces, as a reader sees it."""
    text = re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").replace("&#x27;", "'")
    return " ".join(text.split())


class _TextByLanguage(HTMLParser):
    """The body's visible text, split by the nearest `lang` of each text node."""

    HIDDEN = {"script", "style", "template", "noscript", "title", "head"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang or None)
        self.text = {}  # nearest lang -> [text]

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in self.HIDDEN for tag, _lang in self.stack):
            return
        lang = next((lang for _tag, lang in reversed(self.stack) if lang), None)
        self.text.setdefault(lang, []).append(data)

    def unmarked(self, page_language):
        """The text whose nearest lang is not English, joined as a reader meets it."""
        return " ".join(
            " ".join(" ".join(parts).split())
            for lang, parts in self.text.items()
            if (lang or page_language).split("-")[0] != "en"
        )


def _unmarked_english(client, url, language, english):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _TextByLanguage()
    parser.feed(response.content.decode())
    text = parser.unmarked(language)
    return [sentence for sentence in english if sentence in text]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_is_in_the_language_except_parts_marked_english(
    client, demo_content, language
):
    urls = demo_content["urls"][language]
    assert len(urls) > 75, "every page of the demo should have a copy in this language"
    english = demo_content["english"][language]
    assert len(english) > 300
    found = {}
    for url in urls:
        unmarked = _unmarked_english(client, url, language, english)
        if unmarked:
            found[url] = unmarked[:3]
    assert found == {}, f"{len(found)} pages show English not marked lang='en'"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_demo_pages_show_the_translation(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    welcome = catalogue(language)["What we want for every child"]
    assert welcome in html
    assert "What we want for every child" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_string_has_a_translation_but_the_addresses(demo_content, language):
    """Complete in Polish and Arabic (issue 10): every string of every demo page and snippet,
    as editors see them in wagtail-localize, has its translation; slugs stay English."""
    translated = catalogue(language)
    missing = sorted(
        {
            segment.string.data
            for segment in StringSegment.objects.select_related("string", "context")
            if segment.context.path != "slug" and segment.string.data not in translated
        }
    )
    assert missing == [], f"{len(missing)} strings have no {language} translation: {missing[:5]}"


def test_the_check_finds_unmarked_english(client, demo_content):
    """The check above can fail: English put into a Polish page without marking is found."""
    english = demo_content["english"]["pl"]
    page = Page.objects.get(locale__language_code="pl", depth=2).specific
    sentence = min(english, key=len)  # the heading holds 120 characters
    page.ambitions_heading = sentence
    page.save_revision().publish()
    assert _unmarked_english(client, "/pl/", "pl", english) == [sentence]


# --- search in Polish and Arabic finds the translated services ---------------------------------


def _cases():
    cases = []
    for query in CORPUS:
        if query.language not in LANGUAGES:
            continue
        boxes = ("site", "directory") if query.in_directory else ("site",)
        marks = []
        if query.text == "karmienie piersią":
            # The Polish page says "karmieniu piersią": the database search matches whole
            # words in Polish (no stemmer, search/languages.py), so the inflected form misses.
            marks.append(pytest.mark.xfail(strict=True, reason="no Polish stemming in search"))
        cases += [pytest.param(box, query, id=f"{box}-{query}", marks=marks) for box in boxes]
    return cases


@pytest.mark.parametrize(("box", "query"), _cases())
def test_search_in_the_language_finds_translated_services(client, demo_content, box, query):
    path = f"/{query.language}/search/"
    if box == "directory":
        path = demo_content["directories"][query.language]
    response = client.get(path, {"q": query.text})
    assert response.status_code == 200
    slugs = result_slugs(response.content.decode())
    assert hit(query, slugs), (
        f"{box} search for {query.text!r} ({query.why}): top {TOP} were {slugs[:TOP]}, "
        f"expected one of {list(query.expected)}"
    )
    html = response.content.decode()
    assert "app-search-in-other-language" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_says_when_it_shows_english_results(client, demo_content, language):
    # "Ofsted" reads the same in every language, but a made-up word found only in English shows
    # how a reader is told: a word in an English page no translation has.
    page = Page.objects.get(locale__language_code="en", slug="policies").specific
    page.introduction = "Zyxwvut policies."
    page.save_revision().publish()
    response = client.get(f"/{language}/search/", {"q": "zyxwvut"})
    html = response.content.decode()
    assert "app-search-in-other-language" in html
    assert re.search(r'<h2 class="govuk-heading-s[^"]*" lang="en" dir="ltr">', html)
