"""The directory in other languages (issue 10): English in a results list is marked as English,
and English words find the services a reader's language has, under a notice saying so."""

import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from foundation.page_cache import invalidate
from services_directory.finder.text import cost_text
from tests.directory_support import option_text, result_names, service
from tests.factories.services_directory import OrganisationFactory
from tests.hostile import HOSTILE_VALUES
from tests.services_directory.test_directory_queries import QUERY_BUDGET

# The directory page fixture, shared: pytest finds fixtures among a module's attributes.
pytestmark = pytest.mark.django_db

SWIMMING_PL = "Rodzinna nauka pływania"
SWIMMING_AR = "دروس السباحة العائلية"
NOTICE = "Nothing matched in %(language)s. These services matched your words in English."


def _expected_notice(language, name):
    """The notice as a reader of `language` sees it: in their own language."""
    with translation.override(language):
        return translation.gettext(NOTICE) % {"language": name}


def _translate(instance, locale, on_commit, texts=None):
    """wagtail-localize's copy of `instance` in `locale`, as a translator leaves it: the strings in
    `texts` ({English: translation}) translated, the rest in English (all of it, without texts)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = (texts or {}).get(segment.string.data)
        if translated:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=translated,
            )
    with on_commit(execute=True):
        target, _created = source.create_or_update_translation(
            locale, publish=True, fallback=True, copy_parent_pages=True
        )
    return target


@pytest.fixture
def directories(directory, locales, django_capture_on_commit_callbacks):
    """The directory in English, Polish, Arabic and Romanian: "Family swimming lessons" translated
    into Polish and Arabic and copied into Romanian untranslated; "Baby swimming club" in English
    only; an organisation with a Polish name."""
    on_commit = django_capture_on_commit_callbacks
    information = OrganisationFactory(name="Northbrook Family Information Service")
    swimming = service(
        directory,
        "Family swimming lessons",
        description="Small-group swimming lessons for beginners on Sunday mornings.",
        organisation=information,
        languages=[{"code": "pl"}],
    )
    club = service(
        directory,
        "Baby swimming club",
        description="Splashing and songs in the small pool for babies and their carers.",
        organisation=OrganisationFactory(name="Elm Road Baby Club"),
        languages=[{"code": "so"}],
    )
    service(directory, "Stay and play", description="Songs and stories for toddlers.")
    directory_texts = {
        "pl": {"Find a service": "Znajdź usługę", "Search for help near you.": "Szukaj pomocy."},
        "ar": {"Find a service": "ابحث عن خدمة", "Search for help near you.": "ابحث عن المساعدة."},
        "ro": {"Find a service": "Găsiți un serviciu", "Search for help near you.": "Căutați."},
    }
    pages = {"en": directory}
    for code, texts in directory_texts.items():
        pages[code] = _translate(directory, locales[code], on_commit, texts)
    _translate(
        information, locales["pl"], on_commit, {information.name: "Centrum Informacji Northbrook"}
    )
    swimming_texts = {
        "pl": {
            swimming.title: SWIMMING_PL,
            swimming.description: "Lekcje pływania w małych grupach w niedzielne poranki.",
        },
        "ar": {
            swimming.title: SWIMMING_AR,
            swimming.description: "دروس سباحة في مجموعات صغيرة صباح أيام الأحد.",
        },
    }
    for code, texts in swimming_texts.items():
        _translate(swimming, locales[code], on_commit, texts)
    _translate(swimming, locales["ro"], on_commit)  # copied, nothing translated yet
    return {**pages, "swimming": swimming, "club": club}


# --- what a reader sees ----------------------------------------------------------------------


def _results(response):
    """Each result as {name, lang: the name's (lang, dir), description: the description's
    (lang, dir), organisation: the "Run by" line's words, organisation_lang: the (lang, dir) of
    the organisation's name in it}."""
    body = response.content.decode()
    found = []
    for item in re.findall(r'<li class="app-service-result".*?</li>', body, re.S):
        heading = re.search(r"<h3([^>]*)>\s*<a[^>]*>([^<]*)</a>", item)
        description = re.search(r'<p class="govuk-body"([^>]*)>(?!<strong)', item)
        line = re.search(r'app-service-result__organisation">(.*?)</p>', item, re.S).group(1)
        organisation = re.search(r"<bdi([^>]*)>", line)
        found.append(
            {
                "name": html.unescape(heading.group(2).strip()),
                "lang": _language(heading.group(1)),
                "description": _language(description.group(1)) if description else None,
                "organisation": html.unescape(re.sub(r"<[^>]+>", "", line)),
                "organisation_lang": _language(organisation.group(1) if organisation else ""),
            }
        )
    return found


def _language(attributes):
    lang = re.search(r'lang="([^"]*)"', attributes)
    direction = re.search(r'dir="([^"]*)"', attributes)
    return (lang and lang.group(1), direction and direction.group(1))


def _by_name(response):
    return {result["name"]: result for result in _results(response)}


def _notice(response):
    match = re.search(
        r'<p class="govuk-inset-text app-search-in-other-language">(.*?)</p>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(" ".join(match.group(1).split())) if match else None


def _count(response):
    """The number in the result count, in any language's words."""
    text = re.search(r'id="result-count">(.*?)</p>', response.content.decode(), re.S).group(1)
    return int(re.search(r"\d+", text).group())


def _search(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response


ENGLISH = ("en", "ltr")
UNMARKED = (None, None)


# --- (a) untranslated results are marked -----------------------------------------------------


def test_untranslated_copy_in_a_romanian_list_is_marked_as_english(client, directories):
    response = _search(client, directories["ro"], q="swimming")

    result = _by_name(response)["Family swimming lessons"]
    assert result["lang"] == ENGLISH
    assert result["description"] == ENGLISH
    assert "Northbrook Family Information Service" in result["organisation"]
    assert result["organisation_lang"] == ENGLISH
    assert _notice(response) is None  # found in the Romanian directory itself
    assert "/ro/" in response.content.decode().split('id="service-', 1)[1].split("</h3>")[0]


def test_translated_service_in_a_polish_list_is_not_marked(client, directories):
    response = _search(client, directories["pl"], q="pływania")

    assert result_names(response) == [SWIMMING_PL]
    result = _results(response)[0]
    assert result["lang"] == UNMARKED
    assert result["description"] == UNMARKED
    # Its organisation has a Polish name; the English one is marked where it shows.
    assert "Centrum Informacji Northbrook" in result["organisation"]
    assert result["organisation_lang"] == UNMARKED
    assert _notice(response) is None


def test_english_directory_marks_nothing(client, directories):
    response = _search(client, directories["en"], q="swimming")

    results = _by_name(response)
    assert set(results) == {"Family swimming lessons", "Baby swimming club"}
    for result in results.values():
        assert result["lang"] == UNMARKED
        assert result["description"] == UNMARKED
        assert result["organisation_lang"] == UNMARKED
    assert 'lang="en"' not in response.content.decode().split('id="results-heading"', 1)[1]
    assert _notice(response) is None


def test_english_name_in_the_shortlist_button_is_marked_too(client, directories):
    response = _search(client, directories["ro"], q="swimming")

    body = response.content.decode()
    assert ': <bdi lang="en" dir="ltr">Family swimming lessons</bdi></span>' in body


# --- (b) English words find the reader's services ---------------------------------------------


def test_polish_reader_typing_an_english_word_sees_polish_services_under_a_notice(
    client, directories
):
    response = _search(client, directories["pl"], q="swimming")

    assert _notice(response) == _expected_notice("pl", "polski")
    results = _by_name(response)
    assert set(results) == {SWIMMING_PL, "Baby swimming club"}
    assert _count(response) == 2
    # The Polish version where there is one, unmarked; the English-only one marked as English.
    assert results[SWIMMING_PL]["lang"] == UNMARKED
    assert results[SWIMMING_PL]["description"] == UNMARKED
    assert results["Baby swimming club"]["lang"] == ENGLISH
    assert results["Baby swimming club"]["description"] == ENGLISH
    assert "Elm Road Baby Club" in results["Baby swimming club"]["organisation"]
    assert results["Baby swimming club"]["organisation_lang"] == ENGLISH
    body = response.content.decode()
    assert re.search(r'href="/pl/[^"]*">' + re.escape(SWIMMING_PL), body)
    assert re.search(r'href="/en/[^"]*">Baby swimming club', body)
    # Spelling help is for the reader's words in their language: not offered for these.
    assert "app-search-spelling" not in body


def test_arabic_reader_sees_arabic_services_right_to_left_and_english_marked_left_to_right(
    client, directories
):
    response = _search(client, directories["ar"], q="swimming")

    body = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in body
    assert "العربيّة" in _notice(response)
    assert _notice(response) == _expected_notice("ar", "العربيّة")
    results = _by_name(response)
    assert set(results) == {SWIMMING_AR, "Baby swimming club"}
    assert results[SWIMMING_AR]["lang"] == UNMARKED
    assert results["Baby swimming club"]["lang"] == ENGLISH
    assert results["Baby swimming club"]["description"] == ENGLISH
    # The English organisation is isolated inside the Arabic sentence, left to right.
    assert "Northbrook Family Information Service" in results[SWIMMING_AR]["organisation"]
    assert results[SWIMMING_AR]["organisation_lang"] == ENGLISH


def test_no_notice_when_the_readers_own_language_matched(client, directories):
    response = _search(client, directories["pl"], q="pływania")

    assert _notice(response) is None
    assert "app-search-in-other-language" not in response.content.decode()
    assert _count(response) == 1


def test_words_found_in_no_language_find_nothing_without_a_notice(client, directories):
    response = _search(client, directories["pl"], q="trampoline")

    assert _notice(response) is None
    assert _count(response) == 0


def test_filter_counts_after_an_english_match_are_what_choosing_them_shows(client, directories):
    polish = directories["pl"]
    response = _search(client, polish, q="swimming")
    somali = option_text(response, "filter-language", "so")
    polish_spoken = option_text(response, "filter-language", "pl")
    assert somali.endswith("(1)")
    assert polish_spoken.endswith("(1)")

    chosen = _search(client, polish, q="swimming", language="so")

    assert result_names(chosen) == ["Baby swimming club"]
    assert _count(chosen) == 1
    assert _notice(chosen) == _expected_notice("pl", "polski")
    chosen = _search(client, polish, q="swimming", language="pl")
    assert result_names(chosen) == [SWIMMING_PL]


def test_english_matches_sorted_by_name_page_the_same_way(client, directories):
    polish = directories["pl"]
    response = _search(client, polish, q="swimming", sort="name")

    assert sorted(result_names(response)) == sorted([SWIMMING_PL, "Baby swimming club"])
    assert _count(response) == 2


def test_hostile_words_searched_again_in_english_answer_without_error(client, directories):
    # One test looping over the values: the four directories are built once.
    for value in [*HOSTILE_VALUES, "swimming <script>alert(1)</script>"]:
        response = client.get(directories["pl"].url, {"q": value})

        assert response.status_code == 200, value
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body, value
        assert "<img src=x onerror=alert(1)>" not in body, value
        assert "\x00" not in body, value
    # Words that match in English alongside the markup still find the services, the markup kept
    # as typed in the search box (escaped).
    assert _count(response) == 2
    assert "swimming &lt;script&gt;alert(1)&lt;/script&gt;" in body


# --- queries ---------------------------------------------------------------------------------


def _queries(client, url):
    """(Queries of a results page worked out afresh, of the same page straight after)."""
    invalidate()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    return len(cold), len(warm), first


def _more_swimming(directories, locales, on_commit, numbers):
    for number in numbers:
        extra = service(
            directories["en"],
            f"Swimming club {number}",
            description="Swimming for children of every age.",
        )
        _translate(extra, locales["ro"], on_commit)


# A minute turning between two counted views would add the "open now" query to one.
@pytest.mark.usefixtures("still_clock")
def test_marked_and_english_results_cost_the_same_queries_as_they_grow(
    client, directories, locales, django_capture_on_commit_callbacks
):
    on_commit = django_capture_on_commit_callbacks
    urls = [
        directories["ro"].url + "?q=swimming",
        directories["ro"].url + "?q=swimming&sort=name",
        directories["pl"].url + "?q=swimming",
        directories["pl"].url + "?q=swimming&sort=name&language=so",
        directories["ar"].url + "?q=swimming",
    ]
    _more_swimming(directories, locales, on_commit, range(1))
    for url in urls:  # the site root and each language's vocabulary, as a running server has
        client.get(url)
    small = {url: _queries(client, url) for url in urls}
    _more_swimming(directories, locales, on_commit, range(1, 7))
    large = {url: _queries(client, url) for url in urls}

    for url in urls:
        assert small[url][:2] == large[url][:2], url
        # Once worked out, the page costs what an English one may (test_directory_queries).
        assert large[url][1] <= QUERY_BUDGET, url
    # The lists did grow: every Romanian copy marked, every English-only service in Polish.
    romanian = _results(large[urls[0]][2])
    assert len(romanian) == 8
    assert all(result["lang"] == ENGLISH for result in romanian)
    polish = _results(large[urls[2]][2])
    assert len(polish) == 9
    assert sum(result["lang"] == ENGLISH for result in polish) == 8


# --- what a price is for ---------------------------------------------------------------------


@pytest.fixture
def priced(directories, locales, django_capture_on_commit_callbacks):
    """A priced service translated into Polish: what the price is for is copied as written."""
    lessons = service(
        directories["en"],
        "Toddler gym",
        description="Climbing and tumbling for toddlers.",
        cost_options=[{"amount": Decimal("4.80"), "option": "Per child, per lesson"}],
        phones=[{"number": "020 7946 0146", "description": "Leisure bookings"}],
    )
    polish = _translate(
        lessons, locales["pl"], django_capture_on_commit_callbacks, {lessons.title: "Gimnastyka"}
    )
    return lessons, polish


def test_what_a_price_is_for_is_marked_english_on_a_polish_page(client, directories, priced):
    lessons, polish = priced
    marked = '<bdi lang="en" dir="ltr">per child, per lesson</bdi>'
    listed = _search(client, directories["pl"], q="Gimnastyka").content.decode()
    assert f"£4.80 {marked}" in listed
    page = client.get(polish.url).content.decode()
    assert f"£4.80 {marked}" in page
    assert '<bdi lang="en" dir="ltr">Leisure bookings</bdi>:' in page
    # In English it is plain words, and a hostile option would still be escaped.
    english = client.get(lessons.url).content.decode()
    assert "£4.80 per child, per lesson" in english
    assert "<bdi lang" not in english.split('id="main-content"', 1)[1]


@pytest.mark.parametrize("option", ["<script>alert(1)</script>", '"><img src=x>', "=1+1"])
def test_a_hostile_price_option_is_escaped_inside_its_mark(option):
    with translation.override("pl"):
        shown = str(cost_text(False, "3.50", option))
    assert "<script" not in shown and "<img" not in shown
    assert shown.startswith('£3.50 <bdi lang="en" dir="ltr">')
