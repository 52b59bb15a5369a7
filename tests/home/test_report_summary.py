"""A report has one summary (decision 0011): one field for editors, the same words for readers."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from foundation.page_cache import invalidate
from home.models import ReportPage
from tests.factories.home import ContentPageFactory, ReportPageFactory
from tests.home.one_summary import (
    edit_form,
    listed,
    migrate_to,
    migrate_to_latest,
    search_snippet,
    summary_labels,
    translate_listing_summary,
)

BEFORE_ONE_SUMMARY = [("home", "0008_one_summary_per_policy")]
ONE_SUMMARY = [("home", "0009_one_summary_per_report")]


@pytest.fixture
def reports_section(home_page):
    """Where the demo keeps reports: a content page that lists them with their summaries."""
    return ContentPageFactory(parent=home_page, title="Reports and papers", slug="reports")


def _report_edit_form(report, **changes):
    """The report's edit form as it stands, with `changes` (and any action) on top."""
    return nested_form_data(
        {
            "title": report.title,
            "slug": report.slug,
            "date": report.date.isoformat(),
            "committee": report.committee,
            "audience": report.audience,
            "introduction": report.introduction,
            "summary": report.summary,
            "headline_figures": streamfield([]),
            "body": streamfield([]),
            "search_description": report.search_description,
            "listing_summary": report.listing_summary,
            "comments": inline_formset([]),
            **changes,
        }
    )


# --- what editors see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_report_edit_form_shows_one_summary_field_with_help_saying_where_it_shows(
    client, editor, reports_section
):
    report = ReportPageFactory(parent=reports_section)
    client.force_login(editor)
    form = edit_form(client, report)
    assert summary_labels(form) == ["Summary"]
    assert 'name="listing_summary"' not in form
    assert 'name="summary"' in form
    assert "What the report says, in brief." in form
    assert "in lists and search results unless the page has a meta description" in form


@pytest.mark.django_db
def test_a_report_still_holding_an_earlier_list_summary_shows_it_by_a_name_of_its_own(
    client, editor, reports_section
):
    report = ReportPageFactory(
        parent=reports_section,
        listing_summary="Councillors hear how children's services did.",
        search_description="Scrutiny presentation on children's services.",
    )
    client.force_login(editor)
    form = edit_form(client, report)
    assert summary_labels(form) == ["Summary", "Earlier list summary"]
    assert "Councillors hear how children&#x27;s services did." in form
    assert "Written before reports had one summary." in form


@pytest.mark.django_db
def test_clearing_the_earlier_list_summary_sends_lists_to_the_meta_description(
    client, moderator, reports_section
):
    report = ReportPageFactory(
        parent=reports_section,
        title="Scrutiny presentation",
        listing_summary="Councillors hear how children's services did.",
        search_description="Scrutiny presentation on children's services.",
    )
    assert listed(client, reports_section.url, ["Scrutiny presentation"]) == {
        "Scrutiny presentation": "Councillors hear how children's services did."
    }
    client.force_login(moderator)  # editors' changes wait for moderation
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[report.pk]),
        _report_edit_form(report, listing_summary="", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.listing_summary == ""
    assert listed(client, reports_section.url, ["Scrutiny presentation"]) == {
        "Scrutiny presentation": "Scrutiny presentation on children's services."
    }
    assert summary_labels(edit_form(client, report)) == ["Summary"]  # once cleared, gone


# --- what readers see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_page_lists_and_search_show_and_find_the_summary(client, reports_section):
    report = ReportPageFactory(
        parent=reports_section,
        title="Annual children's services report",
        summary="Fewer children waited more than a month for a first assessment.",
    )
    assertContains(client.get(report.url), "Fewer children waited more than a month")
    assert listed(client, reports_section.url, ["Annual children's services report"]) == {
        "Annual children's services report": (
            "Fewer children waited more than a month for a first assessment."
        )
    }
    search_snippet(client, "assessment", "Annual children's services report")


# --- the data migration --------------------------------------------------------------------


@pytest.fixture
def migrate():
    yield migrate_to
    migrate_to_latest()


# Real commits: the migration executor's schema editor cannot run inside a test's transaction
# on SQLite. serialized_rollback restores the groups and permissions migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_keeps_every_summary_editors_wrote_and_what_readers_see(
    client, home_page, locales, migrate
):
    section = ContentPageFactory(parent=home_page, title="Reports and papers", slug="reports")
    moved = ReportPageFactory(
        parent=section,
        title="Early help report",
        summary="How many families early help reached, and how soon.",
        listing_summary="Families got help sooner than the year before.",
    )
    repeated = ReportPageFactory(
        parent=section,
        title="School places report",
        summary="Places in reception and year 7 against demand.",
        listing_summary="Enough school places for next year.",
        search_description="Enough school places for next year.",
    )
    different = ReportPageFactory(
        parent=section,
        title="Scrutiny presentation",
        summary="The Cabinet Member reports to scrutiny on social care and education.",
        listing_summary="Councillors hear how children's services did.",
        search_description="Scrutiny presentation on children's services.",
    )
    untouched = ReportPageFactory(
        parent=section,
        title="Youth survey report",
        summary="What 2,000 young people told us about clubs and safety.",
    )
    titles = [page.title for page in (moved, repeated, different, untouched)]
    home_page.copy_for_translation(locales["pl"])
    section.copy_for_translation(locales["pl"])
    source = translate_listing_summary(
        moved, locales["pl"], "Rodziny otrzymały pomoc szybciej niż rok wcześniej."
    )
    listed_before = listed(client, section.url, titles)
    assert listed_before["Early help report"] == "Families got help sooner than the year before."
    assert listed_before["Youth survey report"] == (
        "What 2,000 young people told us about clubs and safety."
    )
    snippet_before = search_snippet(client, "sooner", "Early help report")
    assert snippet_before == "Families got help sooner than the year before."

    migrate(BEFORE_ONE_SUMMARY)
    migrate(ONE_SUMMARY)
    invalidate()  # nothing kept from before the migration answers for the pages after it

    moved.refresh_from_db()
    assert (moved.summary, moved.listing_summary, moved.search_description) == (
        "How many families early help reached, and how soon.",
        "",
        "Families got help sooner than the year before.",
    )
    repeated.refresh_from_db()
    assert (repeated.listing_summary, repeated.search_description) == (
        "",
        "Enough school places for next year.",
    )
    different.refresh_from_db()  # two different texts: both kept, the form shows both
    assert (different.listing_summary, different.search_description) == (
        "Councillors hear how children's services did.",
        "Scrutiny presentation on children's services.",
    )
    untouched.refresh_from_db()
    assert (untouched.listing_summary, untouched.search_description) == ("", "")
    polish = ReportPage.objects.get(translation_key=moved.translation_key, locale=locales["pl"])
    assert (polish.listing_summary, polish.search_description) == (
        "",
        "Rodziny otrzymały pomoc szybciej niż rok wcześniej.",
    )

    # Readers: lists and search results show what they showed before.
    assert listed(client, section.url, titles) == listed_before
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    # "sooner" is only in the moved text: reports now index the meta description.
    assert search_snippet(client, "sooner", "Early help report") == snippet_before
    search_snippet(client, "reached", "Early help report")  # still found by its summary

    # Translators: after the next sync the Polish page keeps its translation of the moved text.
    source.update_from_db()
    source.create_or_update_translation(locales["pl"], fallback=True)
    polish.refresh_from_db()
    assert polish.search_description == "Rodziny otrzymały pomoc szybciej niż rok wcześniej."
