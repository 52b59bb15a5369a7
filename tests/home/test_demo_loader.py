"""load_demo_content makes every source document a page; running it twice changes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains
from wagtail.models import Page, Revision

from home.demo_content import partnership_with_parents_and_carers_policy as policy_data
from home.demo_loader import DemoContentError, DemoLoader
from home.models import ContentPage, PolicyPage, ReportPage, SafeguardingNotice

# Real commits for the whole command: the directory loader and wagtail-localize's own saves
# expect them, and the test reads the site back through the sitemap as a reader would.
whole_command = pytest.mark.django_db(transaction=True, serialized_rollback=True)

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


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "notices": SafeguardingNotice.objects.count(),
    }


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
    policy = PolicyPage.objects.get(locale__language_code="en")
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


def test_demo_policy_links_to_the_twelve_policies_it_names_and_they_link_back(client, english_site):
    partnership = english_site["partnership-with-parents-and-carers-policy"]
    response = client.get(partnership.url)
    related = response.content.decode().split('id="related-heading"', 1)[1].split("</nav>")[0]
    titles = re.findall(r'<a class="govuk-link" href="[^"]+">([^<]+)</a>', related)
    assert len(titles) == len(set(titles)) == len(policy_data.RELATED_POLICY_NAMES) == 12
    assert "Child protection policy" in titles
    behaviour = english_site["behaviour-policy"]
    page = client.get(behaviour.url)
    assertContains(page, "Demo content")  # plainly not a real policy
    assertContains(page, f'href="{partnership.url}"')


def test_demo_policy_is_published_once_with_its_topics_and_related_policies(english_site):
    policy = english_site["partnership-with-parents-and-carers-policy"]
    [version] = policy.get_version_history()
    assert version["note"] == "First published on this website."
    assert policy.topics.count() == 4
    assert policy.related_policies.count() == 12


def test_loader_refuses_demo_data_naming_a_field_the_model_lacks(loader):
    data = {**policy_data.PAGE, "foreword": "Text that would otherwise be dropped."}
    with pytest.raises(DemoContentError, match="foreword"):
        loader.page_fields(data, PolicyPage)
    with pytest.raises(DemoContentError, match="summary"):
        loader.page_fields({"slug": "x", "summary": "In brief"}, ContentPage)
