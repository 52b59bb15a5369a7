"""load_demo_content makes every source document a page; running it twice changes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import PolicyPage, ReportPage, SafeguardingNotice

# Real commits: wagtail-localize publishes each translation when its transaction commits, and
# deferring all of them to the end of a test transaction publishes stale tree data.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

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
