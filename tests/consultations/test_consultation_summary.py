"""A consultation has one summary (decision 0011): one field for editors, the same words for
readers."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from consultations.models import ConsultationPage
from foundation.page_cache import invalidate
from tests.factories.consultations import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.home.one_summary import (
    edit_form,
    listed,
    migrate_to,
    migrate_to_latest,
    search_snippet,
    summary_labels,
    translate_listing_summary,
)

BEFORE_ONE_SUMMARY = [("consultations", "0004_other_formats")]
ONE_SUMMARY = [("consultations", "0005_one_summary_per_consultation")]


def _admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _consultation_edit_form(consultation, **changes):
    """The consultation's edit form as it stands, with `changes` (and any action) on top."""
    return nested_form_data(
        {
            "title": consultation.title,
            "slug": consultation.slug,
            "summary": consultation.summary,
            "opens_at": _admin_time(consultation.opens_at),
            "closes_at": _admin_time(consultation.closes_at),
            "why_we_are_asking": rich_text(consultation.why_we_are_asking),
            "who_can_take_part": rich_text(consultation.who_can_take_part),
            "resources": streamfield([]),
            "related_pages": inline_formset([]),
            "closing_message": rich_text(consultation.closing_message),
            "retention_days": consultation.retention_days,
            "search_description": consultation.search_description,
            "listing_summary": consultation.listing_summary,
            "comments": inline_formset([]),
            **changes,
        }
    )


# --- what editors see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_consultation_edit_form_shows_one_summary_field_with_help_saying_where_it_shows(
    client, editor, consultation
):
    client.force_login(editor)
    form = edit_form(client, consultation)
    assert summary_labels(form) == ["Summary"]
    assert 'name="listing_summary"' not in form
    assert 'name="summary"' in form
    assert "What we are asking about, in a sentence or two." in form
    assert "in lists of consultations and search results unless the page has a meta" in form


@pytest.mark.django_db
def test_a_consultation_still_holding_an_earlier_list_summary_shows_it_by_a_name_of_its_own(
    client, editor, consultation_index
):
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        listing_summary="Share an idea or support someone else's.",
        search_description="Have your say on family support.",
    )
    client.force_login(editor)
    form = edit_form(client, consultation)
    assert summary_labels(form) == ["Summary", "Earlier list summary"]
    assert "Share an idea or support someone else&#x27;s." in form
    assert "Written before consultations had one summary." in form


@pytest.mark.django_db
def test_clearing_the_earlier_list_summary_sends_lists_to_the_meta_description(
    client, moderator, consultation_index
):
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        title="Family hubs",
        listing_summary="Share an idea or support someone else's.",
        search_description="Have your say on family support.",
    )
    assert listed(client, consultation_index.url, ["Family hubs"]) == {
        "Family hubs": "Share an idea or support someone else's."
    }
    client.force_login(moderator)  # editors' changes wait for moderation
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        _consultation_edit_form(
            consultation, listing_summary="", **{"action-publish": "action-publish"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    consultation.refresh_from_db()
    assert consultation.listing_summary == ""
    assert listed(client, consultation_index.url, ["Family hubs"]) == {
        "Family hubs": "Have your say on family support."
    }
    assert summary_labels(edit_form(client, consultation)) == ["Summary"]  # once cleared, gone


# --- what readers see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_consultation_page_lists_and_search_show_and_find_the_summary(
    client, home_page, consultation_index
):
    home_page.consultations_page = consultation_index
    home_page.save_revision().publish()
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        title="Family hubs",
        summary="Tell us which services a family hub near you should offer.",
    )
    assertContains(client.get(consultation.url), "Tell us which services a family hub near you")
    expected = {"Family hubs": "Tell us which services a family hub near you should offer."}
    assert listed(client, consultation_index.url, ["Family hubs"]) == expected
    assert listed(client, home_page.url, ["Family hubs"]) == expected
    assert search_snippet(client, "hub", "Family hubs") == expected["Family hubs"]


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
    index = ConsultationIndexPageFactory(parent=home_page)
    home_page.consultations_page = index
    home_page.save_revision().publish()
    moved = ConsultationPageFactory(
        parent=index,
        title="Family hubs",
        summary="Tell us which services a family hub near you should offer.",
        listing_summary="Share an idea or support someone else's before the summer.",
    )
    repeated = ConsultationPageFactory(
        parent=index,
        title="Short breaks",
        summary="How should short breaks for disabled children work?",
        listing_summary="Help us plan short breaks.",
        search_description="Help us plan short breaks.",
    )
    different = ConsultationPageFactory(
        parent=index,
        title="Best start in life",
        summary="Our pledge to give children the best start in life.",
        listing_summary="See what people told us and what we did.",
        search_description="Ideas boards on the best start in life pledge.",
    )
    untouched = ConsultationPageFactory(  # closed: the home page lists three open ones at most
        parent=index,
        title="Youth clubs",
        summary="Where and when should youth clubs open?",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    titles = [page.title for page in (moved, repeated, different, untouched)]
    open_titles = titles[:3]
    home_page.copy_for_translation(locales["pl"])
    index.copy_for_translation(locales["pl"])
    source = translate_listing_summary(
        moved, locales["pl"], "Podziel się pomysłem lub poprzyj czyjś przed latem."
    )
    index_before = listed(client, index.url, titles)
    home_before = listed(client, home_page.url, open_titles)
    assert index_before["Family hubs"] == (
        "Share an idea or support someone else's before the summer."
    )
    assert index_before["Youth clubs"] == "Where and when should youth clubs open?"
    snippet_before = search_snippet(client, "summer", "Family hubs")
    assert snippet_before == "Share an idea or support someone else's before the summer."

    migrate(BEFORE_ONE_SUMMARY)
    migrate(ONE_SUMMARY)
    invalidate()  # nothing kept from before the migration answers for the pages after it

    moved.refresh_from_db()
    assert (moved.summary, moved.listing_summary, moved.search_description) == (
        "Tell us which services a family hub near you should offer.",
        "",
        "Share an idea or support someone else's before the summer.",
    )
    repeated.refresh_from_db()
    assert (repeated.listing_summary, repeated.search_description) == (
        "",
        "Help us plan short breaks.",
    )
    different.refresh_from_db()  # two different texts: both kept, the form shows both
    assert (different.listing_summary, different.search_description) == (
        "See what people told us and what we did.",
        "Ideas boards on the best start in life pledge.",
    )
    untouched.refresh_from_db()
    assert (untouched.listing_summary, untouched.search_description) == ("", "")
    polish = ConsultationPage.objects.get(
        translation_key=moved.translation_key, locale=locales["pl"]
    )
    assert (polish.listing_summary, polish.search_description) == (
        "",
        "Podziel się pomysłem lub poprzyj czyjś przed latem.",
    )

    # Readers: lists and search results show what they showed before.
    assert listed(client, index.url, titles) == index_before
    assert listed(client, home_page.url, open_titles) == home_before
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    # "summer" is only in the moved text: consultations now index the meta description.
    assert search_snippet(client, "summer", "Family hubs") == snippet_before
    search_snippet(client, "offer", "Family hubs")  # still found by its summary

    # Translators: after the next sync the Polish page keeps its translation of the moved text.
    source.update_from_db()
    source.create_or_update_translation(locales["pl"], fallback=True)
    polish.refresh_from_db()
    assert polish.search_description == "Podziel się pomysłem lub poprzyj czyjś przed latem."
