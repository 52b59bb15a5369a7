"""load_demo_content makes every source document a page; running it twice changes nothing."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import SegmentOverride

from home.demo_loader import DemoContentError, DemoLoader, content
from home.models import (
    ContentPage,
    HomePage,
    PolicyPage,
    ReportPage,
    SafeguardingNotice,
    SiteSettings,
    SiteText,
)

# Real commits for the whole command: the directory loader and wagtail-localize's own saves
# expect them, and the test reads the site back through the sitemap as a reader would.
whole_command = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POLICY_DATA = content.read("partnership_with_parents_and_carers_policy")["pages"][-1]
# The home page links each ambition card to the vision, and each source document once.
HOME_LINKS = len(content.documents()[0][1]["home_page"]["ambitions"]) + len(content.documents())
SOURCE_SLUGS = [
    "vision-for-families-and-children",
    "best-start-in-life-pledges",
    "childrens-centres-core-purpose",
    "scrutiny-presentation-children-young-people",
    "partnership-with-parents-and-carers-policy",
]


@pytest.fixture
def load():
    def run():
        output = StringIO()
        call_command("load_demo_content", stdout=output)
        return output.getvalue()

    return run


def _home_page_links(client, language):
    """Where the home page's ambition cards and "Read more" links lead."""
    html = client.get(f"/{language}/").content.decode()
    return re.findall(r'class="app-(?:card|link-list)__link" href="([^"]+)"', html)


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "notices": SafeguardingNotice.objects.count(),
    }


# Eight minutes of one worker on PostgreSQL, for a loader whose queries are the ORM's alone:
# the SQLite pass runs it, and tests/home/test_demo_in_languages.py loads every language on both.
@pytest.mark.sqlite_only
@whole_command
def test_demo_content_loads_every_document_in_every_language_and_reloads_unchanged(client, load):
    # One test, because loading every language takes minutes: each check below is separate.
    first_output = load()
    first = _snapshot()
    second_output = load()
    assert _snapshot() == first, "running the loader twice changed something"
    assert "0 change(s)" in second_output
    assert "Translations [" in first_output  # progress is shown

    for slug in SOURCE_SLUGS:
        pages = Page.objects.filter(slug=slug, live=True)
        assert sorted(p.locale.language_code for p in pages) == ["ar", "bn", "en", "pl", "ro", "ur"]
    report = ReportPage.objects.get(locale__language_code="en")
    assert any("86.5%" in (block.value["comparison"] or "") for block in report.headline_figures)
    policy = PolicyPage.objects.get(
        locale__language_code="en", slug="partnership-with-parents-and-carers-policy"
    )
    assert policy.owner_role == "Centre Manager"
    assert policy.next_review_due is not None
    assert policy.topics.exists()

    sitemap = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<loc>http://testserver(/[^<]*)</loc>", sitemap)
    for slug in SOURCE_SLUGS:
        assert any(url.endswith(f"/{slug}/") and url.startswith("/ar/") for url in urls), slug
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert 'dir="rtl"' in client.get("/ar/").content.decode()
    for language in ["ar", "bn", "pl", "ro", "ur"]:
        links = _home_page_links(client, language)
        assert len(links) == HOME_LINKS, links
        assert all(link.startswith(f"/{language}/") for link in links), links


# --- The English pages, loaded without the directory or translations (seconds, not minutes) ---


@pytest.fixture
def loader(db):
    lines = []
    loader = DemoLoader(log=lines.append)
    loader.lines = lines
    return loader


@pytest.fixture
def english_site(loader):
    _home, pages = loader.load()
    return pages


def test_demo_policy_and_report_show_their_opening_paragraphs(client, english_site):
    policy = client.get(english_site["partnership-with-parents-and-carers-policy"].url)
    assertContains(policy, "committed to working in partnership with all parents and carers")
    report = client.get(english_site["scrutiny-presentation-children-young-people"].url)
    assertContains(report, "Presented at Members&#x27; Question Time")


def test_demo_policy_links_to_the_policies_it_names_and_they_link_back(client, english_site):
    partnership = english_site["partnership-with-parents-and-carers-policy"]
    response = client.get(partnership.url)
    related = response.content.decode().split('id="related-heading"', 1)[1].split("</nav>")[0]
    titles = re.findall(r'<a class="govuk-link" href="[^"]+">([^<]+)</a>', related)
    assert len(titles) == len(set(titles)) == len(POLICY_DATA["related_policies"])
    assert "Child protection policy" in titles
    behaviour = english_site["behaviour-policy"]
    page = client.get(behaviour.url)
    assertContains(page, "Demo content")  # plainly not a real policy
    assertContains(page, f'href="{partnership.url}"')


def test_demo_policy_is_published_once_with_its_topics_and_related_policies(english_site):
    policy = english_site["partnership-with-parents-and-carers-policy"]
    [version] = policy.get_version_history()
    assert version["note"] == "First published on this website."
    assert policy.topics.count() == len(POLICY_DATA["topics"])
    assert policy.related_policies.count() == len(POLICY_DATA["related_policies"])


def test_loader_refuses_demo_data_naming_a_field_the_model_lacks(loader):
    data = {**POLICY_DATA, "foreword": "Text that would otherwise be dropped."}
    with pytest.raises(DemoContentError, match="foreword"):
        loader.page_fields(data, PolicyPage)
    with pytest.raises(DemoContentError, match="summary"):
        loader.page_fields({"slug": "x", "summary": "In brief"}, ContentPage)


# --- In Arabic as well: the links of translated pages, and what editors change ---------------


@pytest.fixture
def in_arabic(loader, english_site, locales):
    home = english_site["policies"].get_parent().specific
    languages = {"en": locales["en"], "ar": locales["ar"]}

    def translate():
        loader.lines.clear()
        loader.changed = 0
        loader.translate_all(home, languages)
        return loader.changed

    translate()
    return translate


def test_translated_home_page_links_to_pages_in_its_own_language(client, in_arabic):
    links = _home_page_links(client, "ar")
    assert len(links) == HOME_LINKS
    assert all(link.startswith("/ar/") for link in links), links
    for link in set(links):
        assert client.get(link).status_code == 200, link


def test_reloading_repairs_translations_that_link_to_english_pages(client, loader, in_arabic):
    """A site loaded by the earlier loader: lists stored in the old plain form, the Arabic
    home page linking to the English pages."""
    english = HomePage.objects.get(locale__language_code="en")
    arabic = HomePage.objects.get(locale__language_code="ar")
    SegmentOverride.objects.all().delete()
    for home in (english, arabic):
        for field in ("ambitions", "featured"):
            setattr(home, field, _old_plain_lists(getattr(english, field)))
        home.save_revision().publish()
    assert all(link.startswith("/en/") for link in _home_page_links(client, "ar"))

    loader.load()
    in_arabic()
    links = _home_page_links(client, "ar")
    assert len(links) == HOME_LINKS
    assert all(link.startswith("/ar/") for link in links), links
    assert in_arabic() == 0  # and the repair is done once


def _old_plain_lists(stream):
    def plain(item):
        if isinstance(item, dict):
            if item.get("type") == "item" and "value" in item:
                return plain(item["value"])
            return {key: plain(value) for key, value in item.items() if key != "id"}
        if isinstance(item, list):
            return [plain(value) for value in item]
        return item

    return plain(json.loads(json.dumps(list(stream.raw_data))))


def test_loading_twice_in_two_languages_changes_nothing(loader, in_arabic):
    revisions = Revision.objects.count()
    loader.changed = 0
    loader.load()
    assert in_arabic() == 0
    assert loader.changed == 0
    assert Revision.objects.count() == revisions


def test_loader_keeps_a_page_an_editor_published_and_says_so(client, loader, in_arabic, moderator):
    vision = ContentPage.objects.get(
        locale__language_code="en", slug="vision-for-families-and-children"
    )
    vision.title = "Our vision for families, agreed"
    vision.save_revision(user=moderator).publish(user=moderator)
    loader.lines.clear()
    loader.load()
    in_arabic()
    vision.refresh_from_db()
    assert vision.title == "Our vision for families, agreed"
    assert any(
        "kept" in line and "Our vision for families, agreed" in line and "moderator" in line
        for line in loader.lines
    ), loader.lines
    assertContains(client.get(vision.url), "Our vision for families, agreed")


def test_loader_never_publishes_an_editors_draft(loader, english_site, editor):
    policy = PolicyPage.objects.get(
        pk=english_site["partnership-with-parents-and-carers-policy"].pk
    )
    policy.summary = "A draft summary, not ready yet."
    policy.save_revision(user=editor)
    loader.load()
    policy.refresh_from_db()
    assert policy.has_unpublished_changes
    assert policy.summary != "A draft summary, not ready yet."  # the live page is unchanged


def test_loader_leaves_a_page_an_editor_unpublished(loader, english_site, moderator):
    cookies = english_site["cookies"]
    cookies.unpublish(user=moderator)
    loader.load()
    cookies.refresh_from_db()
    assert not cookies.live


def test_loader_keeps_a_translators_published_translation(loader, in_arabic, moderator):
    arabic = PolicyPage.objects.get(
        locale__language_code="ar", slug="partnership-with-parents-and-carers-policy"
    )
    arabic.title = "سياسة الشراكة مع الآباء ومقدمي الرعاية"
    arabic.save_revision(user=moderator).publish(user=moderator)
    english = PolicyPage.objects.get(pk=arabic.get_translation(Locale.get_default()).pk)
    english.save_revision().publish()  # the original changes, as a demo data update would
    in_arabic()
    arabic.refresh_from_db()
    assert arabic.title == "سياسة الشراكة مع الآباء ومقدمي الرعاية"
    assert any("kept" in line and "moderator" in line for line in loader.lines), loader.lines


def test_loader_keeps_site_settings_an_editor_saved(loader, english_site, editor):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.phone = "020 7946 0111"
    site_settings.save()
    log(site_settings, "wagtail.edit", user=editor)
    loader.lines.clear()
    loader.load()
    site_settings.refresh_from_db()
    assert site_settings.phone == "020 7946 0111"
    assert "  kept the site settings: changed in the admin by editor" in loader.lines


def test_loader_keeps_site_text_an_editor_saved(loader, english_site, editor):
    text = SiteText.objects.get(locale__language_code="en")
    text.organisation_name = "Northbrook Council"
    text.save()
    log(text, "wagtail.edit", user=editor)
    loader.lines.clear()
    loader.load()
    text.refresh_from_db()
    assert text.organisation_name == "Northbrook Council"
    assert "  kept the site text: changed in the admin by editor" in loader.lines


def test_loader_leaves_out_a_translation_an_editor_deleted(loader, in_arabic):
    arabic = ContentPage.objects.get(locale__language_code="ar", slug="cookies")
    arabic.delete()
    assert in_arabic() == 0
    assert not ContentPage.objects.filter(locale__language_code="ar", slug="cookies").exists()
    assert any("left out" in line and "deleted in the admin" in line for line in loader.lines)
