"""Editors translate a page from the admin alone: submit, translate, publish, sync, PO files.

Everything goes through wagtail-localize's own admin views as an editor and a moderator (neither
a superuser), the way the admin's buttons and its translation editor call them.
"""

import csv
import html
import io
import json
import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import ContentPage
from tests.admin_forms import content_page_edit_form
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations-to-do/"


@pytest.fixture
def polish_home_page(home_page, locales):
    polish = home_page.copy_for_translation(locales["pl"])
    polish.save_revision().publish()
    return polish


@pytest.fixture
def guidance(home_page, polish_home_page):
    page = ContentPageFactory(
        parent=home_page,
        title="Help with childcare costs",
        slug="childcare-costs",
        introduction="Most families can get some help.",
    )
    page.save_revision().publish()
    return page


def _submit_for_translation(client, page, locale):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )


def _translate_all(client, translation):
    """The page's three strings: its title, its slug (its address) and its introduction."""
    _translate(client, translation, "Help with childcare costs", "Pomoc w kosztach opieki")
    _translate(client, translation, "childcare-costs", "koszty-opieki")
    _translate(
        client, translation, "Most families can get some help.", "Większość rodzin dostaje pomoc."
    )


def _translate(client, translation, english, polish):
    """Type a translation into wagtail-localize's editor, as its string editor sends it."""
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={polish}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content


def _publish(client, edit_url, on_commit):
    """Press "Publish" in the translation editor: wagtail-localize publishes on commit."""
    with on_commit(execute=True):
        return client.post(edit_url, {"action": "publish"})


def _polish_copy(page, locales):
    return Page.objects.get(translation_key=page.translation_key, locale=locales["pl"]).specific


def _editor_strings(response):
    """What wagtail-localize's translation editor is given to show: segments and translations."""
    assert response.status_code == 200
    found = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    assert found, "no translation editor on the page"
    props = json.loads(html.unescape(found.group(1)))
    sources = {segment["id"]: segment["source"] for segment in props["segments"]}
    translated = {item["segment_id"]: item for item in props["initialStringTranslations"]}
    return {
        source: translated[pk]["data"] if pk in translated else None
        for pk, source in sources.items()
    }


def _report_row(client, title):
    """The report's row for one page in Polish, from its CSV export, by column heading."""
    response = client.get(REPORT, {"language": "pl", "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["English title"] == title]
    assert len(rows) == 1, text
    return rows[0]


def test_editor_is_offered_translate_and_sync_on_an_english_page(client, guidance, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[guidance.pk]))
    assertContains(
        response, reverse("wagtail_localize:submit_page_translation", args=[guidance.pk])
    )


def test_editor_translates_a_new_page_and_a_moderator_publishes_it_in_polish(
    client, guidance, editor, moderator, locales, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    response = _submit_for_translation(client, guidance, locales["pl"])
    assert response.status_code == 302
    translation = Translation.objects.get(target_locale=locales["pl"])
    polish = _polish_copy(guidance, locales)
    assert not polish.live  # submitted as a draft: nothing English appears at /pl/ yet

    # The translation editor opens for the Polish page and lists the English strings.
    edit_polish = reverse("wagtailadmin_pages:edit", args=[polish.pk])
    assert _editor_strings(client.get(edit_polish)) == {
        "Help with childcare costs": None,
        "childcare-costs": None,
        "Most families can get some help.": None,
    }
    _translate_all(client, translation)
    row = _report_row(client, "Help with childcare costs")
    assert (row["Strings translated"], row["Strings in all"]) == ("3", "3")

    # Editors may not publish; a moderator reviews the translation and publishes it.
    _publish(client, edit_polish, django_capture_on_commit_callbacks)
    assert not _polish_copy(guidance, locales).live
    client.force_login(moderator)
    assert _editor_strings(client.get(edit_polish)) == {
        "Help with childcare costs": "Pomoc w kosztach opieki",
        "childcare-costs": "koszty-opieki",
        "Most families can get some help.": "Większość rodzin dostaje pomoc.",
    }
    response = _publish(client, edit_polish, django_capture_on_commit_callbacks)
    assert response.status_code == 302

    polish = _polish_copy(guidance, locales)
    assert polish.live
    client.logout()
    page = client.get(polish.url)
    assertContains(page, "Pomoc w kosztach opieki")
    assertContains(page, "Większość rodzin dostaje pomoc.")
    assertNotContains(page, "Most families can get some help.")


def test_after_an_english_change_the_report_says_out_of_date_and_sync_brings_the_new_string(
    client, guidance, editor, moderator, locales, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    _submit_for_translation(client, guidance, locales["pl"])
    translation = Translation.objects.get(target_locale=locales["pl"])
    _translate_all(client, translation)
    client.force_login(moderator)
    polish_edit = reverse("wagtailadmin_pages:edit", args=[_polish_copy(guidance, locales).pk])
    _publish(client, polish_edit, django_capture_on_commit_callbacks)
    assert _report_row(client, "Help with childcare costs")["State"] == "Up to date"

    # The English introduction changes and is published from the admin.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[guidance.pk]),
        content_page_edit_form(
            guidance,
            introduction="Most families can get some help. Ask before the term starts.",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    assert _report_row(client, "Help with childcare costs")["State"] == "Out of date"

    # The report's next step is "Sync", which goes to wagtail-localize's sync form.
    client.force_login(editor)
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    report = client.get(REPORT, {"language": "pl"})
    assertContains(report, f'href="{sync}"')
    response = client.post(sync, {})
    assert response.status_code == 302

    # Synced but not yet translated: still out of date, with one string of three to translate.
    row = _report_row(client, "Help with childcare costs")
    assert row["State"] == "Out of date"
    assert (row["Strings translated"], row["Strings in all"]) == ("2", "3")
    new_string = "Most families can get some help. Ask before the term starts."
    assert _editor_strings(client.get(polish_edit)) == {
        "Help with childcare costs": "Pomoc w kosztach opieki",
        "childcare-costs": "koszty-opieki",
        new_string: None,  # the new string, waiting for its translation
    }

    _translate(
        client, translation, new_string, "Większość rodzin dostaje pomoc. Zapytaj wcześniej."
    )
    client.force_login(moderator)
    _publish(client, polish_edit, django_capture_on_commit_callbacks)
    assert _report_row(client, "Help with childcare costs")["State"] == "Up to date"
    client.logout()
    assertContains(client.get(_polish_copy(guidance, locales).url), "Zapytaj wcześniej.")


# --- PO files ---------------------------------------------------------------------------------


def test_po_export_and_import_round_trip_changes_the_translation(
    client, guidance, editor, locales, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    _submit_for_translation(client, guidance, locales["pl"])
    translation = Translation.objects.get(target_locale=locales["pl"])
    _translate(client, translation, "Help with childcare costs", "Pomoc w kosztach")

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entries = {entry.msgid: entry for entry in po}
    assert entries["Help with childcare costs"].msgstr == "Pomoc w kosztach"
    assert entries["Most families can get some help."].msgstr == ""

    # A translator fills in the file elsewhere and changes an existing translation.
    entries["Help with childcare costs"].msgstr = "Pomoc w kosztach opieki nad dziećmi"
    entries["Most families can get some help."].msgstr = "Większość rodzin dostaje pomoc."
    polish = _polish_copy(guidance, locales)
    edit_polish = reverse("wagtailadmin_pages:edit", args=[polish.pk])
    upload = SimpleUploadedFile("guidance-pl.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_polish},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_polish
    assertContains(client.get(edit_polish), "Successfully imported translations from PO File.")

    strings = dict(
        StringTranslation.objects.filter(locale=locales["pl"]).values_list(
            "translation_of__data", "data"
        )
    )
    assert strings == {
        "Help with childcare costs": "Pomoc w kosztach opieki nad dziećmi",
        "Most families can get some help.": "Większość rodzin dostaje pomoc.",
    }
    row = _report_row(client, "Help with childcare costs")
    assert (row["Strings translated"], row["Strings in all"]) == ("2", "3")  # not the address

    # Published, the page shows what came from the file.
    polish_page = ContentPage.objects.get(pk=polish.pk)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    polish_page.refresh_from_db()
    assert polish_page.introduction == "Większość rodzin dostaje pomoc."


def test_a_po_file_for_another_translation_is_refused_with_a_message(
    client, guidance, editor, locales
):
    client.force_login(editor)
    _submit_for_translation(client, guidance, locales["pl"])
    _submit_for_translation(client, guidance, locales["ar"])
    polish = Translation.objects.get(target_locale=locales["pl"])
    arabic = Translation.objects.get(target_locale=locales["ar"])
    arabic_po = client.get(reverse("wagtail_localize:download_pofile", args=[arabic.pk])).content
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[polish.pk]),
        {"file": SimpleUploadedFile("wrong.po", arabic_po), "next": REPORT},
        follow=True,
    )
    assertContains(response, "Cannot import PO file that was created for a different translation.")
    assert not StringTranslation.objects.exists()


@pytest.mark.parametrize(
    "content", [b"", b"\x00\xff\xfe not a po file", b'msgid "x"\nmsgstr ', "<b>ł</b>".encode()]
)
def test_a_broken_po_file_gets_a_message_not_an_error(client, guidance, editor, locales, content):
    client.force_login(editor)
    _submit_for_translation(client, guidance, locales["pl"])
    translation = Translation.objects.get(target_locale=locales["pl"])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("broken.po", content), "next": REPORT},
        follow=True,
    )
    assert response.status_code == 200
    last_message = [str(message).strip() for message in response.context["messages"]][-1]
    assert last_message in (
        "Please upload a valid PO file.",
        "This file could not be imported. Upload a PO file downloaded from this "
        "translation, with its translations filled in.",
    )
    assert not StringTranslation.objects.exists()
