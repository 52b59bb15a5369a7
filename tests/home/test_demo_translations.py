"""The demo's translations go into wagtail-localize's records; what is not translated says so.

A tiny catalogue stands in for home/demo_content/translations/<language>.po, so these tests
need only the English pages (seconds); tests/home/test_demo_in_languages.py reads the real ones.
"""

import re

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.demo_loader import DEMO_TRANSLATION_TOOL, DemoLoader
from home.models import ContentPage, PolicyIndexPage
from services_directory.models import TaxonomyTerm
from tests.factories.home import ContentPageFactory, PolicyIndexPageFactory
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

POLICIES_IN_POLISH = {
    "Policies": "Zasady",
    "How our children's centres and services work with families.": (
        "Jak nasze ośrodki dla dzieci i usługi współpracują z rodzinami."
    ),
    "The policies our children's centres and family services follow. Each shows when it was "
    "last reviewed and how to comment on it.": (
        "Zasady, którymi kierują się nasze ośrodki dla dzieci i usługi dla rodzin. Każda pokazuje, "
        "kiedy była ostatnio przeglądana i jak ją skomentować."
    ),
}
POLICIES_IN_ARABIC = {"Policies": "السياسات"}
ENGLISH_INTRODUCTION = "The policies our children&#x27;s centres and family services follow."


def _in(language, message):
    """The notice as the reader sees it: in their own language, escaped as the template escapes."""
    with translation.override(language):
        return str(escape(translation.gettext(message)))


PART_NOTICE = "This part is in English for now."
PAGE_NOTICE = "This page is in English for now. We are working on a translation."


@pytest.fixture
def catalogues():
    """What the loader reads as the demo's PO files; tests change it between loads."""
    return {"pl": dict(POLICIES_IN_POLISH), "ar": dict(POLICIES_IN_ARABIC)}


@pytest.fixture
def loader(db, catalogues):
    lines = []
    loader = DemoLoader(log=lines.append, catalogue=lambda code: catalogues.get(code, {}))
    loader.lines = lines
    return loader


@pytest.fixture
def english_pages(home_page):
    PolicyIndexPageFactory(
        parent=home_page,
        listing_summary="How our children's centres and services work with families.",
        introduction=(
            "The policies our children's centres and family services follow. Each shows when it "
            "was last reviewed and how to comment on it."
        ),
    )
    ContentPageFactory(
        parent=home_page,
        title="Reports and papers",
        slug="reports-and-papers",
        introduction="Papers and presentations about children and young people's services.",
    )
    return home_page


@pytest.fixture
def translate(loader, english_pages, locales):
    def run(*codes):
        loader.lines.clear()
        loader.changed = 0
        loader.translate_all(english_pages, {code: locales[code] for code in ("en", *codes)})
        return loader.changed

    return run


def _policies(language):
    return PolicyIndexPage.objects.get(locale__language_code=language)


def _translation_of(page, language):
    english = page.get_translation(page.locale.get_default())
    return Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code=language
    )


def _marked_parts(html):
    """The text inside each element marked lang="en" that is not the whole page."""
    return re.findall(r'<div lang="en" dir="ltr">(.*?)</div>\s*</div>', html, re.S)


# --- importing -------------------------------------------------------------------------------


def test_loader_imports_the_catalogue_as_string_translations_editors_see(translate):
    translate("pl")
    polish = _policies("pl")
    assert polish.title == "Zasady"
    assert polish.live and not polish.has_unpublished_changes
    assert polish.slug == "policies"  # the same address in every language
    translation = _translation_of(polish, "pl")
    total, done = translation.get_progress()
    assert total == done > 0, "the editor should show the page as fully translated"
    rows = StringTranslation.objects.filter(
        locale__language_code="pl", context__object_id=polish.translation_key
    )
    assert {row.tool_name for row in rows} == {DEMO_TRANSLATION_TOOL}
    assert "Zasady" in {row.data for row in rows}


def test_loader_translates_directory_categories_in_wagtail_localize(translate, catalogues):
    parent = TaxonomyTerm.objects.create(
        name="Early help", slug="early-help", locale=_policies("en").locale
    )
    child = TaxonomyTerm.objects.create(
        name="Parenting courses", slug="parenting-courses", parent=parent, locale=parent.locale
    )
    catalogues["pl"].update({"Early help": "Wczesna pomoc", "Parenting courses": "Kursy"})
    translate("pl")
    polish_child = child.get_translation(_policies("pl").locale)
    assert polish_child.name == "Kursy"
    assert polish_child.slug == "parenting-courses"
    assert polish_child.parent.name == "Wczesna pomoc"
    assert polish_child.parent.locale.language_code == "pl"
    assert _translation_of(polish_child, "pl").get_progress()[1] == 1


def test_loading_the_same_catalogue_again_changes_nothing(translate):
    translate("pl", "ar")
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}
    strings = sorted(StringTranslation.objects.values_list("pk", "data"))
    assert translate("pl", "ar") == 0
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions
    assert sorted(StringTranslation.objects.values_list("pk", "data")) == strings


def test_a_better_catalogue_translation_replaces_the_loaders_own(translate, catalogues):
    translate("pl")
    catalogues["pl"]["Policies"] = "Polityki"
    assert translate("pl") > 0
    polish = _policies("pl")
    assert polish.title == "Polityki"
    assert not polish.has_unpublished_changes


def test_loader_never_overwrites_a_string_an_editor_translated(
    translate, loader, catalogues, editor
):
    translate("pl")
    polish = _policies("pl")
    row = StringTranslation.objects.get(
        locale__language_code="pl", context__object_id=polish.translation_key, data="Zasady"
    )
    row.data, row.last_translated_by = "Nasze zasady", editor
    row.save()
    catalogues["pl"]["Policies"] = "Polityki"
    translate("pl")
    row.refresh_from_db()
    assert row.data == "Nasze zasady"
    assert _policies("pl").title == "Zasady"  # the editor publishes their own work
    assert any("kept" in line and "editor" in line for line in loader.lines), loader.lines


def test_loader_keeps_a_string_another_tool_translated(translate, catalogues):
    translate("pl")
    polish = _policies("pl")
    row = StringTranslation.objects.get(
        locale__language_code="pl", context__object_id=polish.translation_key, data="Zasady"
    )
    row.data, row.tool_name = "Zasady (maszynowo)", "LibreTranslate"
    row.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
    row.save()
    catalogues["pl"]["Policies"] = "Polityki"
    translate("pl")
    row.refresh_from_db()
    assert row.data == "Zasady (maszynowo)"


def test_a_broken_catalogue_entry_is_kept_for_an_editor_and_the_page_stays_english(
    translate, catalogues
):
    page = ContentPage.objects.get(locale__language_code="en", slug="reports-and-papers")
    catalogues["pl"]["Reports and papers"] = "Raporty <a id='a9'>i</a> dokumenty"
    translate("pl")
    row = StringTranslation.objects.get(
        locale__language_code="pl",
        context__object_id=page.translation_key,
        translation_of__data="Reports and papers",
    )
    assert row.has_error
    assert page.get_translation(_policies("pl").locale).title == "Reports and papers"


# --- what readers see ------------------------------------------------------------------------


def test_untranslated_part_is_marked_english_under_a_notice(client, translate, catalogues):
    del catalogues["pl"][next(key for key in POLICIES_IN_POLISH if key.startswith("The policies"))]
    translate("pl")
    html = client.get("/pl/policies/").content.decode()
    assert '<h1 class="govuk-heading-xl">Zasady</h1>' in html
    [part] = _marked_parts(html)
    assert ENGLISH_INTRODUCTION in part
    part_notice = _in("pl", PART_NOTICE)
    assert part_notice != PART_NOTICE, "the notice is in the reader's language"
    assert part_notice in html
    assert _in("pl", PAGE_NOTICE) not in html
    assert html.index(part_notice) < html.index(ENGLISH_INTRODUCTION)


def test_a_fully_translated_page_has_no_english_marks(client, translate):
    translate("pl")
    html = client.get("/pl/policies/").content.decode()
    assert 'lang="en"' not in html.split('id="main-content"', 1)[1]
    assert _in("pl", PART_NOTICE) not in html
    assert _in("pl", PAGE_NOTICE) not in html


def test_a_page_with_nothing_translated_says_so_once_at_the_top(client, translate):
    translate("pl")
    html = client.get("/pl/reports-and-papers/").content.decode()
    main = html.split('id="main-content"', 1)[1]
    page_notice = _in("pl", PAGE_NOTICE)
    assert main.count(page_notice) == 1
    assert _in("pl", PART_NOTICE) not in main
    marked = main.split('<div lang="en" dir="ltr">', 1)[1]
    assert "Papers and presentations about children" in marked
    assert main.index(page_notice) < main.index("Papers and presentations")


def test_english_in_an_arabic_page_is_marked_left_to_right(client, translate):
    translate("ar")
    html = client.get("/ar/policies/").content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "السياسات" in html
    [part] = _marked_parts(html)
    assert ENGLISH_INTRODUCTION in part


def test_english_pages_are_never_marked(client, translate):
    translate("pl")
    html = client.get("/en/policies/").content.decode()
    assert "in English for now" not in html
    assert 'lang="en" dir="ltr"' not in html.split('id="main-content"', 1)[1]


# --- isolating numbers and codes -------------------------------------------------------------


def test_bdi_isolates_codes_and_escapes_them():
    html = Template("{% load translation_tags %}{{ value|bdi }}").render(
        Context({"value": "NB1 1AA <b>"})
    )
    assert html == "<bdi>NB1 1AA &lt;b&gt;</bdi>"


@pytest.mark.django_db
def test_service_contact_details_read_left_to_right_in_arabic(client, arabic_home_page):
    directory = DirectoryPageFactory(parent=arabic_home_page, slug="services")
    service = ServicePageFactory(
        parent=directory,
        slug="stay-and-play",
        email="play@example.gov.uk",
        phones=[{"number": "020 7946 0123"}],
    )
    html = client.get(service.url).content.decode()
    assert 'dir="ltr">020 7946 0123</a>' in html
    assert 'dir="ltr">play@example.gov.uk</a>' in html
