"""A policy has one summary (decision 0011): one field for editors, the same words for readers."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from pytest_django.asserts import assertContains
from wagtail_localize.models import String, StringTranslation, TranslationContext, TranslationSource

from home.models import PolicyPage
from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory

BEFORE_ONE_SUMMARY = [("home", "0007_other_formats")]
ONE_SUMMARY = [("home", "0008_one_summary_per_policy")]


@pytest.fixture
def policy_index(home_page):
    return PolicyIndexPageFactory(parent=home_page)


def _edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _labels(page_html):
    """Each field label of the edit form as an editor reads it, without the required mark."""
    labels = re.findall(r'<label [^>]*id="id_[^"]*-label"[^>]*>(.*?)</label>', page_html, re.S)
    return [" ".join(re.sub(r"<[^>]+>|\*", " ", label).split()) for label in labels]


def _listed(response):
    """{policy title: the summary under it} in the policy library."""
    found = re.findall(
        r'<a class="govuk-link" href="[^"]*">([^<]*)</a></h2>\s*'
        r'<p class="govuk-body govuk-!-margin-bottom-1">([^<]*)</p>',
        response.content.decode(),
    )
    return {html.unescape(title): html.unescape(summary) for title, summary in found}


def _search_snippet(client, query, title):
    """The snippet under `title` in the site search results for `query` ("" if none)."""
    page = client.get("/en/search/", {"q": query}).content.decode()
    assert f">{title}</a>" in page, f"{title!r} not found by {query!r}"
    result = page.split(f">{title}</a>", 1)[1].split("</li>", 1)[0]
    snippet = re.search(r'<p class="govuk-body[^"]*">(.*?)</p>', result, re.S)
    text = re.sub(r"<[^>]+>", "", snippet.group(1)) if snippet else ""
    return " ".join(html.unescape(text).split())


# --- what editors see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_policy_edit_form_shows_one_summary_field_with_help_saying_where_it_shows(
    client, editor, policy_index
):
    policy = PolicyPageFactory(parent=policy_index)
    client.force_login(editor)
    form = _edit_form(client, policy)
    assert [label for label in _labels(form) if "ummary" in label] == ["Summary"]
    assert 'name="listing_summary"' not in form
    assert 'name="summary"' in form
    assert "What the policy is for, in one or two plain sentences." in form
    assert "in the policy library unless the page has a meta description" in form


@pytest.mark.django_db
def test_a_policy_still_holding_an_earlier_list_summary_shows_it_by_a_name_of_its_own(
    client, editor, policy_index
):
    policy = PolicyPageFactory(
        parent=policy_index,
        listing_summary="Clean hands and clean rooms.",
        search_description="Hygiene rules at our centres.",
    )
    client.force_login(editor)
    form = _edit_form(client, policy)
    labels = _labels(form)
    assert [label for label in labels if "ummary" in label] == ["Summary", "Earlier list summary"]
    assert "Clean hands and clean rooms." in form
    assert "While this holds text, lists and search results show it instead" in form


# --- what readers see ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_policy_page_library_and_search_show_and_find_the_summary(client, policy_index):
    policy = PolicyPageFactory(
        parent=policy_index,
        title="Complaints policy",
        summary="How to tell us when a children's centre got something wrong.",
    )
    assertContains(client.get(policy.url), "How to tell us when a children&#x27;s centre got")
    listed = _listed(client.get(policy_index.url))
    assert listed["Complaints policy"] == (
        "How to tell us when a children's centre got something wrong."
    )
    _search_snippet(client, "wrong", "Complaints policy")  # a word only its summary holds


# --- the data migration --------------------------------------------------------------------


@pytest.fixture
def migrate():
    """Migrate to the given targets; afterwards, back to the latest of every app, so a later
    migration unapplied on the way back to 0007 is there for the next test."""

    def run(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)

    yield run
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _translate_into_polish(policy, polish_index, text):
    """The policy copied into Polish by wagtail-localize, its listing summary translated."""
    source, _created = TranslationSource.get_or_create_from_instance(policy)
    StringTranslation.objects.create(
        translation_of=String.objects.get(data=policy.listing_summary),
        locale=polish_index.locale,
        context=TranslationContext.objects.get(
            object_id=policy.translation_key, path="listing_summary"
        ),
        data=text,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    source.create_or_update_translation(polish_index.locale, fallback=True)
    return source


# Real commits: the migration executor's schema editor cannot run inside a test's transaction
# on SQLite. serialized_rollback restores the groups and permissions migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_keeps_every_summary_editors_wrote_and_what_readers_see(
    client, home_page, locales, migrate
):
    index = PolicyIndexPageFactory(parent=home_page)
    moved = PolicyPageFactory(
        parent=index,
        title="Complaints policy",
        summary="How to complain about a centre, and what happens next.",
        listing_summary="Tell us when something went wrong.",
    )
    repeated = PolicyPageFactory(
        parent=index,
        title="Medication policy",
        summary="How centres store and give medicines.",
        listing_summary="Keeping medicines safe.",
        search_description="Keeping medicines safe.",
    )
    different = PolicyPageFactory(
        parent=index,
        title="Hygiene policy",
        summary="What our centres do to stop illness spreading.",
        listing_summary="Clean hands and clean rooms.",
        search_description="Hygiene rules at our centres.",
    )
    home_page.copy_for_translation(locales["pl"])
    polish_index = index.copy_for_translation(locales["pl"])
    source = _translate_into_polish(moved, polish_index, "Powiedz nam, gdy coś poszło źle.")
    listed_before = _listed(client.get(index.url))
    assert listed_before["Complaints policy"] == "Tell us when something went wrong."
    snippet_before = _search_snippet(client, "wrong", "Complaints policy")
    assert snippet_before == "Tell us when something went wrong."

    migrate(BEFORE_ONE_SUMMARY)
    migrate(ONE_SUMMARY)

    moved.refresh_from_db()
    assert (moved.summary, moved.listing_summary, moved.search_description) == (
        "How to complain about a centre, and what happens next.",
        "",
        "Tell us when something went wrong.",
    )
    repeated.refresh_from_db()
    assert (repeated.listing_summary, repeated.search_description) == (
        "",
        "Keeping medicines safe.",
    )
    different.refresh_from_db()  # two different texts: both kept, the form shows both
    assert (different.listing_summary, different.search_description) == (
        "Clean hands and clean rooms.",
        "Hygiene rules at our centres.",
    )
    polish = PolicyPage.objects.get(translation_key=moved.translation_key, locale=locales["pl"])
    assert (polish.listing_summary, polish.search_description) == (
        "",
        "Powiedz nam, gdy coś poszło źle.",
    )

    # Readers: the library and search results show what they showed before.
    assert _listed(client.get(index.url)) == listed_before
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert _search_snippet(client, "wrong", "Complaints policy") == snippet_before
    _search_snippet(client, "happens", "Complaints policy")  # still found by its summary

    # Translators: after the next sync the Polish page keeps its translation of the moved text.
    source.update_from_db()
    source.create_or_update_translation(locales["pl"], fallback=True)
    polish.refresh_from_db()
    assert polish.search_description == "Powiedz nam, gdy coś poszło źle."
